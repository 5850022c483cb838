/**
 * Errors the domain raises on purpose. They carry a stable code (the console translates it)
 * and never an HTTP status: the web layer's error handler (`http/errorHandler.ts`) maps each
 * code to its status, so services stay independent of how they are served.
 */
import type { ErrorCode } from '@cert-hub/shared';
import type {
  AgencyRecord,
  DrillRecord,
  IncidentRecord,
  OnCallRosterRecord,
  ReportSubmissionRecord,
  ReportTypeRecord,
  RoutingRuleRecord,
  SlaPolicyRecord,
  SystemRecord,
  TeamRecord,
  UpwardNotificationRecord,
  UserRecord,
} from '../store/port.js';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new DomainError('validation_failed', message, details);
export const unauthenticated = (message = 'Sign in first') => new DomainError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('forbidden', message);
export const notFound = (what = 'Resource') => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);

/** The kinds of record a stale `version` can hit, with the record each conflict carries. */
export interface VersionedRecords {
  incident: IncidentRecord;
  agency: AgencyRecord;
  system: SystemRecord;
  /** With its member ids when known, so the client's refreshed form does not drop them. */
  team: TeamRecord & { memberIds?: string[] };
  user: UserRecord;
  routing_rule: RoutingRuleRecord;
  upward_notification: UpwardNotificationRecord;
  on_call_roster: OnCallRosterRecord;
  sla_policy: SlaPolicyRecord;
  report_submission: ReportSubmissionRecord;
  report_type: ReportTypeRecord;
  drill: DrillRecord;
}
export type VersionedEntity = keyof VersionedRecords;

/**
 * A stale `version`: carries the record as it is now (raw, null when it is gone). The web
 * layer presents it for the caller (`http/conflicts.ts`) into `details.current`, so no service
 * calls a presenter and every 409 has the same shape.
 */
export class VersionConflict<E extends VersionedEntity = VersionedEntity> extends DomainError {
  constructor(
    readonly entity: E,
    readonly current: VersionedRecords[E] | null,
  ) {
    super('version_conflict', 'Someone else changed this record; here is the current version');
  }
}
export const versionConflict = <E extends VersionedEntity>(entity: E, current: VersionedRecords[E] | null) =>
  new VersionConflict(entity, current);
export const unprocessable = (message: string, details?: unknown) => new DomainError('unprocessable', message, details);
