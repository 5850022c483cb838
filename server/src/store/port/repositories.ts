/**
 * The repository interfaces of the core aggregates: one per aggregate, explicit query methods.
 * Every `update(record, expectedVersion)` succeeds only if the stored version still matches
 * (false otherwise); adapters report failures as the port's errors (errors.ts), never as driver
 * codes. Records are in records.ts; both are re-exported by store/port.ts.
 */
import type { AgencyType, EventScope, IncidentCategory, IncidentStatus, Role, Severity, TeamKind } from '@cert-hub/shared';
import type { IncidentCardRecord } from '../incidentCards.js';
import type {
  AgencyRecord,
  ApiKeyRecord,
  AttachmentRecord,
  CommentRecord,
  EventRecord,
  IdempotencyRecord,
  IncidentRecord,
  NewEvent,
  PlaybookRecord,
  SectorRecord,
  SessionRecord,
  SystemRecord,
  TeamRecord,
  UserRecord,
} from './records.js';

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PlaybookRepository {
  get(category: string): Promise<PlaybookRecord | null>;
  upsert(playbook: PlaybookRecord): Promise<void>;
  list(): Promise<PlaybookRecord[]>;
}

export interface IncidentListQuery extends PageQuery {
  /** Only incidents whose SLA due time is at or before this instant. */
  overdueAt?: string;
  status?: IncidentStatus;
  statuses?: readonly IncidentStatus[];
  assigneeId?: string;
  agencyIds?: string[];
  teamIds?: string[];
  category?: IncidentCategory;
  severity?: Severity;
  serious?: boolean;
  drill?: boolean;
  from?: string;
  to?: string;
  q?: string;
}

export interface IncidentRepository {
  insert(incident: IncidentRecord): Promise<void>;
  update(incident: IncidentRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<IncidentRecord | null>;
  /** The incidents with these ids that exist, in no particular order (one read for a page of events). */
  getMany(ids: readonly string[]): Promise<IncidentRecord[]>;
  /** The same, only the fields a board card and the access rules need (the catch-up feed's cards). */
  getManyCards(ids: readonly string[]): Promise<IncidentCardRecord[]>;
  list(query: IncidentListQuery): Promise<PageResult<IncidentRecord>>;
  count(): Promise<number>;
  /** Moves every incident of `fromAgencyId` to its successor (agency merge); returns how many. */
  reassignAgency(fromAgencyId: string, toAgencyId: string, at: string): Promise<number>;
  /** Sets the SLA due time without a new version (the scheduler's bookkeeping, not an edit). */
  setSlaDueAt(id: string, dueAt: string | null): Promise<void>;
}

export interface CounterRepository {
  /** Atomically increments and returns the named counter (starting at 1). */
  next(name: string): Promise<number>;
}

export interface IdempotencyRepository {
  get(scope: string, key: string): Promise<IdempotencyRecord | null>;
  insert(record: IdempotencyRecord): Promise<void>;
}

export interface AttachmentRepository {
  insert(attachment: AttachmentRecord): Promise<void>;
  get(id: string): Promise<AttachmentRecord | null>;
  listByIncident(incidentId: string): Promise<AttachmentRecord[]>;
}

export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<void>;
  update(key: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | null>;
  getByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  list(): Promise<ApiKeyRecord[]>;
}

export interface CommentRepository {
  insert(comment: CommentRecord): Promise<void>;
  listByIncident(incidentId: string): Promise<CommentRecord[]>;
}

export interface AgencyRepository {
  insert(agency: AgencyRecord): Promise<void>;
  update(agency: AgencyRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<AgencyRecord | null>;
  list(query: PageQuery & { q?: string; type?: AgencyType; includeMerged?: boolean }): Promise<PageResult<AgencyRecord>>;
  count(): Promise<number>;
}

export interface SectorRepository {
  upsert(sector: SectorRecord): Promise<void>;
  get(code: string): Promise<SectorRecord | null>;
  list(): Promise<SectorRecord[]>;
}

export interface SystemRepository {
  insert(system: SystemRecord): Promise<void>;
  update(system: SystemRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<SystemRecord | null>;
  list(query: PageQuery & { q?: string; agencyIds?: string[]; level?: number }): Promise<PageResult<SystemRecord>>;
  /** Moves every system of `fromAgencyId` to `toAgencyId` (agency merge); returns how many. */
  reassignAgency(fromAgencyId: string, toAgencyId: string, at: string): Promise<number>;
}

export interface TeamRepository {
  insert(team: TeamRecord): Promise<void>;
  update(team: TeamRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<TeamRecord | null>;
  list(query: PageQuery & { q?: string; kind?: TeamKind }): Promise<PageResult<TeamRecord>>;
  /** The teams whose `isStanding` is set (there should be at most one). */
  listStanding(): Promise<TeamRecord[]>;
}

export interface UserRepository {
  insert(user: UserRecord): Promise<void>;
  update(user: UserRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<UserRecord | null>;
  getByUsername(username: string): Promise<UserRecord | null>;
  list(query: PageQuery & { q?: string; role?: Role; agencyId?: string; teamId?: string }): Promise<PageResult<UserRecord>>;
  listByTeam(teamId: string): Promise<UserRecord[]>;
  listByAgency(agencyId: string): Promise<UserRecord[]>;
  count(): Promise<number>;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  getByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** Marks a token used; false if it was already rotated or revoked (a reuse or a race). */
  markRotated(id: string, at: string): Promise<boolean>;
  revoke(id: string, at: string): Promise<void>;
  revokeFamily(familyId: string, at: string): Promise<void>;
  revokeAllForUser(userId: string, at: string): Promise<void>;
}

export interface EventRepository {
  append(event: NewEvent): Promise<EventRecord>;
  listAfter(afterSeq: number, limit: number): Promise<EventRecord[]>;
  listForEntity(entity: string, entityId: string, limit: number): Promise<EventRecord[]>;
  /** Incident events with afterSeq < seq <= scanUpTo that `scope` may see, in order, at most `limit` (the catch-up feed). */
  listVisibleAfter(afterSeq: number, scope: EventScope, options: { limit: number; scanUpTo: number }): Promise<EventRecord[]>;
  lastSeq(): Promise<number>;
}
