/** The explicit whitelist of registry fields that leave the server. */
import type { AgencyView, SectorView, SystemView, TeamView, UserView } from '@cert-hub/shared';
import type { AgencyRecord, SectorRecord, SystemRecord, TeamRecord, UserRecord } from '../store/port.js';

export const presentAgency = (a: AgencyRecord): AgencyView => ({
  id: a.id,
  name: a.name,
  shortName: a.shortName,
  type: a.type,
  province: a.province,
  parentId: a.parentId,
  address: a.address,
  phone: a.phone,
  email: a.email,
  website: a.website,
  focalPoints: a.focalPoints.map((f) => ({
    name: f.name,
    position: f.position,
    phone: f.phone,
    email: f.email,
    available247: f.available247,
    primary: f.primary,
  })),
  mergedIntoId: a.mergedIntoId,
  formerNames: [...a.formerNames],
  version: a.version,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const presentSector = (s: SectorRecord): SectorView => ({
  code: s.code,
  nameVi: s.nameVi,
  nameEn: s.nameEn,
  critical: s.critical,
});

export const presentSystem = (s: SystemRecord): SystemView => ({
  id: s.id,
  agencyId: s.agencyId,
  name: s.name,
  level: s.level,
  nationalCritical: s.nationalCritical,
  sectorCode: s.sectorCode,
  description: s.description,
  domains: [...s.domains],
  ipRanges: [...s.ipRanges],
  pendingClassification: s.pendingClassification
    ? {
        level: s.pendingClassification.level,
        nationalCritical: s.pendingClassification.nationalCritical,
        requestedBy: s.pendingClassification.requestedBy,
        requestedAt: s.pendingClassification.requestedAt,
      }
    : null,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const presentTeam = (t: TeamRecord, memberIds: string[]): TeamView => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  isStanding: t.isStanding,
  organization: t.organization,
  sectorCode: t.sectorCode,
  description: t.description,
  phone: t.phone,
  email: t.email,
  memberIds,
  version: t.version,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** Never the password hash or session epoch. */
export const presentUser = (u: UserRecord): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  agencyId: u.agencyId,
  teamIds: [...u.teamIds],
  phone: u.phone,
  email: u.email,
  disabled: u.disabled,
  version: u.version,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
