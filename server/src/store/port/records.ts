/**
 * The records of the core aggregates (registry, accounts, incidents and what hangs off them)
 * as the port stores them: plain objects with ISO-8601 UTC timestamps; `version` starts at 1.
 * Their repository interfaces are in repositories.ts; both are re-exported by store/port.ts.
 * A feature's own records live in its own file (store/<feature>.ts) — see port.ts.
 */
import type {
  AgencyType,
  Impact,
  IncidentCategory,
  IncidentStatus,
  IndicatorType,
  Role,
  SeriousnessState,
  Severity,
  TeamKind,
  Tlp,
} from '@cert-hub/shared';

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
  /** A pending one-time reset link (auth/passwordReset.ts): only the token's hash is kept. */
  passwordReset?: { tokenHash: string; expiresAt: string; issuedBy: string; issuedAt: string } | null;
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
