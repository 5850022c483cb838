/**
 * The store port (design.md, Persistence): one repository per aggregate with explicit
 * query methods. Two adapters implement it — SQLite (embedded default) and MongoDB —
 * and the contract suite in test/store-contract.test.ts holds them to the same behaviour.
 *
 * Records are plain objects with ISO-8601 UTC timestamps; `version` starts at 1 and every
 * `update(record, expectedVersion)` succeeds only if the stored version still matches.
 * Adapters report failures as the port's errors (errors.ts), never as driver codes.
 * (Over 400 lines while eight branches add repositories here; records vs interfaces split later.)
 */
export type * from './drills.js';
import type { DrillRepository } from './drills.js';
export { DuplicateKeyError, StorageFullError, StoreBusyError } from './errors.js';
import type { Server as SocketIoServer } from 'socket.io';
import type { SeriousnessState } from '@cert-hub/shared';
import type { OnCallRepository } from './oncall.js';
import type { RoutingRuleRepository, UpwardNotificationRepository } from './routing.js';
export type * from './routing.js';
export type * from './oncall.js';
export * from './reports.js';
export type * from './reportTypes.js';
import type {
  AssessmentRepository,
  ReportAttachmentRepository,
  ReportRoundRepository,
  ReportSubmissionRepository,
  StatsRepository,
} from './reports.js';
import type { ReportTypeRepository } from './reportTypes.js';
import type { EventScope } from '@cert-hub/shared';
import type { AgencyType, Impact, IncidentCategory, IncidentStatus, IndicatorType, Role, Severity, TeamKind, Tlp } from '@cert-hub/shared';
import type { AuditRepository } from './audit.js';
import type { DeliveryRepository, NotificationPreferenceRepository, NotificationRepository, WebhookRepository } from './notifications.js';
import type { SlaPolicyRepository, SlaTimerRepository } from './sla.js';
export type * from './audit.js';
export type * from './notifications.js';
export type * from './sla.js';

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}
export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FocalPoint {
  name: string;
  position: string | null;
  phone: string;
  email: string;
  available247: boolean;
  primary: boolean;
}

export interface AgencyRecord {
  id: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
  province: string;
  parentId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  focalPoints: FocalPoint[];
  mergedIntoId: string | null;
  formerNames: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SectorRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  critical: boolean;
}

export interface SystemRecord {
  id: string;
  agencyId: string;
  name: string;
  level: number;
  nationalCritical: boolean;
  sectorCode: string | null;
  description: string | null;
  domains: string[];
  ipRanges: string[];
  /** An agency's requested classification change, until the CERT decides (absent on older records). */
  pendingClassification?: { level: number; nationalCritical: boolean; requestedBy: string; requestedAt: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamRecord {
  id: string;
  name: string;
  kind: TeamKind;
  isStanding: boolean;
  organization: string | null;
  sectorCode: string | null;
  description: string | null;
  phone: string | null;
  email: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  teamIds: string[];
  phone: string | null;
  email: string | null;
  passwordHash: string;
  disabled: boolean;
  /** Bumped whenever every session of the user must end (password change, disable). */
  sessionEpoch: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  /** All refresh tokens descended from one login; a reused token revokes the family. */
  familyId: string;
  tokenHash: string;
  sessionEpoch: number;
  expiresAt: string;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface EventRecord {
  seq: number;
  type: string;
  entity: string;
  entityId: string;
  incidentId: string | null;
  version: number | null;
  at: string;
  actorId: string | null;
  data: Record<string, unknown>;
}
export type NewEvent = Omit<EventRecord, 'seq'>;

export interface Indicator {
  type: IndicatorType;
  value: string;
}

export interface IncidentTask {
  id: string;
  title: string;
  done: boolean;
  doneBy: string | null;
  doneAt: string | null;
}

export interface PlaybookRecord {
  category: string;
  tasks: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface PlaybookRepository {
  get(category: string): Promise<PlaybookRecord | null>;
  upsert(playbook: PlaybookRecord): Promise<void>;
  list(): Promise<PlaybookRecord[]>;
}

export interface ClosingReport {
  rootCause: string;
  actionsTaken: string;
  damage: string;
  recoveryTime: string;
  recommendations: string;
  submittedAt: string;
  submittedBy: string;
}

export interface IncidentRecord {
  id: string;
  /** Read aloud on the phone: SC-2026-000123. */
  code: string;
  agencyId: string;
  reporter: { kind: 'user' | 'api_key'; id: string; name: string };
  /** Who filed it: the agency itself, the CERT on its behalf (a phone report), or a machine source. */
  reportedVia: 'agency' | 'cert' | 'machine';
  contact: { name: string; phone: string; email: string | null } | null;
  systemId: string | null;
  systemName: string | null;
  systemLevel: number | null;
  nationalCritical: boolean;
  sector: string | null;
  title: string;
  category: IncidentCategory;
  description: string;
  detectedAt: string;
  detectionMethod: string | null;
  impacts: Impact[];
  indicators: Indicator[];
  actionsTaken: string | null;
  supportRequested: boolean;
  tlp: Tlp;
  status: IncidentStatus;
  severity: Severity | null;
  serious: boolean;
  seriousReasons: string[];
  lateReport: boolean;
  reportedAt: string;
  /** R2 as corrected; `serious`/`seriousReasons` above follow from it. */
  seriousness: SeriousnessState;
  /** The routing decision and the rule that made it; `teamIds` = every team that may work on or see it. */
  routing: IncidentRouting;
  assigneeIds: string[];
  tags: string[];
  tasks: IncidentTask[];
  /** Null for real incidents; set for incidents injected by a drill (never in real statistics). */
  drill: { drillId: string; injectId: string | null } | null;
  rejectionReason: string | null;
  closingReport: ClosingReport | null;
  closureConfirmation: { at: string; by: string; note: string | null } | null;
  statusChangedAt: string;
  /** When the next SLA step is due (null: none pending); kept by the SLA scheduler. */
  slaDueAt?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentRouting {
  /** The owning team. */
  teamId: string | null;
  /** The routing rule that decided it (null: the built-in default, or a coordinator's reroute). */
  ruleId: string | null;
  informedTeamIds: string[];
  /** Who routing assigned at intake (the owning team's on-call). */
  assigneeIds: string[];
  teamIds: string[];
  reasons: string[];
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

export interface AttachmentRecord {
  id: string;
  incidentId: string;
  /** The name shown to people: a sanitised base name, never used on disk. */
  fileName: string;
  /** Where the bytes are, relative to the attachments directory: a generated name. */
  storageKey: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  /** The first characters, to recognise a key in lists without storing it. */
  prefix: string;
  agencyIds: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  resourceId: string;
  status: number;
  createdAt: string;
  /** The first answer, replayed as it was (records from before this field have none). */
  response?: unknown;
}

export interface CommentRecord {
  id: string;
  incidentId: string;
  /** Order within the incident (timestamps can tie). */
  position: number;
  authorId: string;
  authorName: string;
  /** `agency` comments are seen by the reporting agency (questions and replies). */
  visibility: 'agency' | 'internal';
  body: string;
  createdAt: string;
}

export interface IncidentRepository {
  insert(incident: IncidentRecord): Promise<void>;
  update(incident: IncidentRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<IncidentRecord | null>;
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

export interface Repositories {
  agencies: AgencyRepository;
  sectors: SectorRepository;
  systems: SystemRepository;
  teams: TeamRepository;
  users: UserRepository;
  sessions: SessionRepository;
  events: EventRepository;
  incidents: IncidentRepository;
  counters: CounterRepository;
  idempotency: IdempotencyRepository;
  attachments: AttachmentRepository;
  apiKeys: ApiKeyRepository;
  comments: CommentRepository;
  playbooks: PlaybookRepository;
  drills: DrillRepository;
  routingRules: RoutingRuleRepository;
  upwardNotifications: UpwardNotificationRepository;
  onCall: OnCallRepository;
  stats: StatsRepository;
  reportRounds: ReportRoundRepository;
  reportSubmissions: ReportSubmissionRepository;
  reportAttachments: ReportAttachmentRepository;
  reportTypes: ReportTypeRepository;
  assessments: AssessmentRepository;
  audit: AuditRepository;
  notifications: NotificationRepository;
  notificationPreferences: NotificationPreferenceRepository;
  webhooks: WebhookRepository;
  deliveries: DeliveryRepository;
  slaPolicies: SlaPolicyRepository;
  slaTimers: SlaTimerRepository;
}

export interface Store extends Repositories {
  readonly kind: 'sqlite' | 'mongodb';
  readonly repositories: Repositories;
  /**
   * Runs `work` atomically: every write through `tx` commits together or not at all.
   * Services put a state change and its event in one transaction.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** A socket.io adapter that shares realtime rooms between hub processes (scale-out stores only). */
  socketAdapter?(): Promise<SocketIoAdapter>;
}
type SocketIoAdapter = Parameters<SocketIoServer['adapter']>[0];
