/**
 * The store port (design.md, Persistence): one repository per aggregate with explicit
 * query methods. Two adapters implement it — SQLite (embedded default, sqlite/) and MongoDB
 * (mongo/) — and the contract suite (test/store-contract*.test.ts over
 * test/helpers/storeContract.ts) holds them to the same behaviour.
 *
 * This file is the port's table of contents: the records of the core aggregates are in
 * port/records.ts, their repository interfaces in port/repositories.ts, each feature's records
 * and interfaces in store/<feature>.ts; all are re-exported here, so code imports `store/port.js`.
 * Below: `Repositories` (every repository, by name) and `Store` (repositories + transactions).
 * Adding a repository: its file store/<feature>.ts, one re-export line here, one entry in
 * `Repositories` (and a getter in storeBase.ts); then the adapters (see sqlite/sqliteStore.ts).
 */
export type * from './drills.js';
export type * from './incidentCounts.js';
export type * from './incidentCards.js';
import type { IncidentCountRepository } from './incidentCounts.js';
import type { DrillRepository } from './drills.js';
export { DuplicateKeyError, StorageFullError, StoreBusyError } from './errors.js';
export type * from './port/records.js';
export type * from './port/repositories.js';
import type {
  AgencyRepository,
  ApiKeyRepository,
  AttachmentRepository,
  CommentRepository,
  CounterRepository,
  EventRepository,
  IdempotencyRepository,
  IncidentRepository,
  PlaybookRepository,
  SectorRepository,
  SessionRepository,
  SystemRepository,
  TeamRepository,
  UserRepository,
} from './port/repositories.js';
import type { Server as SocketIoServer } from 'socket.io';
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
import type { AuditRepository } from './audit.js';
import type { DeliveryRepository, NotificationPreferenceRepository, NotificationRepository, WebhookRepository } from './notifications.js';
import type { SlaPolicyRepository, SlaTimerRepository } from './sla.js';
export type * from './audit.js';
export type * from './notifications.js';
export type * from './sla.js';

export interface Repositories {
  agencies: AgencyRepository;
  sectors: SectorRepository;
  systems: SystemRepository;
  teams: TeamRepository;
  users: UserRepository;
  sessions: SessionRepository;
  events: EventRepository;
  incidents: IncidentRepository;
  incidentCounts: IncidentCountRepository;
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
