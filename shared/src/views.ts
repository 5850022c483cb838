/** The wire shapes the server's presenters produce and the console reads. */
import type { IncidentAbility } from './access.js';
import type { ClassificationRequestView } from './classification.js';
import type { AgencyType, Role, TeamKind } from './vocabulary.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FocalPointView {
  name: string;
  position: string | null;
  phone: string;
  email: string;
  available247: boolean;
  primary: boolean;
}

export interface AgencyView {
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
  focalPoints: FocalPointView[];
  mergedIntoId: string | null;
  formerNames: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SectorView {
  code: string;
  nameVi: string;
  nameEn: string;
  critical: boolean;
}

export interface SystemView {
  id: string;
  agencyId: string;
  name: string;
  level: number;
  nationalCritical: boolean;
  sectorCode: string | null;
  description: string | null;
  domains: string[];
  ipRanges: string[];
  /** An agency's requested level / national-critical change, waiting for the CERT (R2 uses the current values). */
  pendingClassification?: ClassificationRequestView | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamView {
  id: string;
  name: string;
  kind: TeamKind;
  isStanding: boolean;
  organization: string | null;
  sectorCode: string | null;
  description: string | null;
  phone: string | null;
  email: string | null;
  memberIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  teamIds: string[];
  phone: string | null;
  email: string | null;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What `POST /api/auth/login` and `GET /api/me` say about the signed-in user. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  teamIds: string[];
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface HealthView {
  status: 'ok';
  store: 'sqlite' | 'mongodb';
  setupRequired: boolean;
}

export interface DomainEventView {
  seq: number;
  type: string;
  entity: string;
  entityId: string;
  incidentId: string | null;
  version: number | null;
  at: string;
  actor: ActorView | null;
  data: Record<string, unknown>;
}

/**
 * Who did something (an event, a comment, an audit entry), as the server knows them — the
 * same shape everywhere. `username` is the account's sign-in name (null for an API key or an
 * account that is gone); `displayName` is what people see. Role and organisation come from
 * the account, never from the name, so impersonation by display name shows.
 */
export interface ActorView {
  id: string;
  username: string | null;
  displayName: string;
  role: Role | 'machine' | null;
  /** The agency of a focal point, the team of a responder. */
  organisation: string | null;
}

/** The author of a comment or timeline entry. */
export type AuthorView = ActorView;

export interface IndicatorView {
  type: string;
  value: string;
}

export interface IncidentView {
  id: string;
  code: string;
  agencyId: string;
  reporter: { kind: 'user' | 'api_key'; id: string; name: string };
  reportedVia: 'agency' | 'cert' | 'machine';
  contact: { name: string; phone: string; email: string | null } | null;
  systemId: string | null;
  systemName: string | null;
  systemLevel: number | null;
  nationalCritical: boolean;
  sector: string | null;
  title: string;
  category: string;
  description: string;
  detectedAt: string;
  detectionMethod: string | null;
  impacts: string[];
  indicators: IndicatorView[];
  actionsTaken: string | null;
  supportRequested: boolean;
  tlp: string;
  status: string;
  severity: string | null;
  serious: boolean;
  seriousReasons: string[];
  lateReport: boolean;
  reportedAt: string;
  /** R2 as corrected: (a)+(b) computed, (c) the agency's answer, a coordinator's decision. */
  seriousness: {
    meetsCriteria: boolean;
    criteria: string[];
    canHandleAlone: boolean | null;
    mayExceedCapacity: boolean;
    decision: { serious: boolean; reason: string; by: string; at: string } | null;
  };
  /** `teamId` owns it; `teamIds` is every team that may work on or see it. */
  routing: {
    teamId: string | null;
    informedTeamIds: string[];
    teamIds: string[];
    /** CERT-internal (which rule, why, whom it assigned): absent from the agency's view. */
    ruleId?: string | null;
    assigneeIds?: string[];
    reasons?: string[];
  };
  /** CERT-internal working data: absent from the reporting agency's view. */
  assigneeIds?: string[];
  tags?: string[];
  /** The response checklist, started from the category's playbook (CERT-internal). */
  tasks?: { id: string; title: string; done: boolean; doneBy: string | null; doneAt: string | null }[];
  drill: { drillId: string; injectId: string | null } | null;
  rejectionReason: string | null;
  closingReport: {
    rootCause: string;
    actionsTaken: string;
    damage: string;
    recoveryTime: string;
    recommendations: string;
    submittedAt: string;
  } | null;
  closureConfirmation: { at: string; note: string | null } | null;
  statusChangedAt: string;
  /** When the next SLA step is due (null: none pending; absent from the agency view, CERT-internal); past it the incident is overdue. */
  slaDueAt?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do with this incident (shared access rules), so the console never re-derives them. */
  abilities: IncidentAbility[];
}

export interface AttachmentView {
  id: string;
  incidentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface CommentView {
  id: string;
  incidentId: string;
  author: AuthorView;
  visibility: 'agency' | 'internal';
  body: string;
  createdAt: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  agencyIds: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** `POST /api/api-keys` answers the key itself exactly once. */
export interface IssuedApiKeyView extends ApiKeyView {
  key: string;
}

export interface PlaybookView {
  category: string;
  tasks: string[];
  /** False while the built-in default is in use. */
  customised: boolean;
  updatedAt: string | null;
}
