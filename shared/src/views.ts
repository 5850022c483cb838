/** The wire shapes the server's presenters produce and the console reads. */
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
  actor: { id: string; username: string } | null;
  data: Record<string, unknown>;
}
