/**
 * Who may do what in the registry: one small rule per action, used by the HTTP routes and
 * by anything else that needs the same answer. Tested as a role × action × agency matrix.
 *
 * Focal points see and maintain their own agency only; staff (CERT, leaders) read the whole
 * registry; administrators change it.
 */
import type { Actor } from '../auth/actor.js';

const STAFF = new Set(['admin', 'coordinator', 'responder', 'leader']);
const isStaff = (a: Actor) => STAFF.has(a.role);
const ownAgency = (a: Actor, agencyId: string) => a.role === 'focal_point' && a.agencyId === agencyId;

export const registryPolicy = {
  readAgency: (a: Actor, agencyId: string) => isStaff(a) || ownAgency(a, agencyId),
  createAgency: (a: Actor) => a.role === 'admin',
  updateAgency: (a: Actor) => a.role === 'admin',
  mergeAgency: (a: Actor) => a.role === 'admin',
  /** R6: an agency keeps its own focal-point contacts current; the coordinator may fix them. */
  setFocalPoints: (a: Actor, agencyId: string) => a.role === 'admin' || a.role === 'coordinator' || ownAgency(a, agencyId),
  readAgencyHistory: (a: Actor, agencyId: string) => a.role === 'admin' || a.role === 'coordinator' || ownAgency(a, agencyId),

  readSystem: (a: Actor, agencyId: string) => isStaff(a) || ownAgency(a, agencyId),
  /** An agency maintains the inventory of its own information systems. */
  writeSystem: (a: Actor, agencyId: string) => a.role === 'admin' || ownAgency(a, agencyId),

  readSectors: (_a: Actor) => true,
  createSector: (a: Actor) => a.role === 'admin',

  readTeams: (_a: Actor) => true,
  readTeamMembers: (a: Actor) => isStaff(a),
  writeTeam: (a: Actor) => a.role === 'admin',
  setTeamMembers: (a: Actor) => a.role === 'admin' || a.role === 'coordinator',

  /** Staff see who is who (assigning teammates, reading the board); agencies do not. */
  listUsers: (a: Actor) => isStaff(a),
  readUser: (a: Actor, userId: string) => isStaff(a) || a.id === userId,
  writeUser: (a: Actor) => a.role === 'admin',
} as const;

export type RegistryAction = keyof typeof registryPolicy;
