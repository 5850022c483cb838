/**
 * Who may see and do what with incidents: the shared access rules (`@cert-hub/shared`
 * access.ts), applied to the server's records, plus the list filter that matches `read`.
 * Anything not visible is a 404, never a 403 that confirms it exists.
 */
import {
  canAttach,
  canComment,
  canConfirmClosure,
  canCreateIncident,
  canReadIncident,
  canWorkIncident,
  incidentAbilities,
  seesInternal,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { IncidentRecord } from '../store/port.js';

export type IncidentScope =
  { kind: 'all' } | { kind: 'agencies'; agencyIds: string[] } | { kind: 'teams'; teamIds: string[] } | { kind: 'none' };

export const incidentPolicy = {
  create: (a: Actor, agencyId: string) => canCreateIncident(a, agencyId),
  read: (a: Actor, i: IncidentRecord) => canReadIncident(a, i),

  /** The list filter that matches `read`. */
  scope: (a: Actor): IncidentScope => {
    switch (a.role) {
      case 'focal_point':
        return a.agencyId ? { kind: 'agencies', agencyIds: [a.agencyId] } : { kind: 'none' };
      case 'responder':
      case 'coordinator':
        return { kind: 'teams', teamIds: a.teamIds };
      case 'leader':
      case 'admin':
        return { kind: 'all' };
      default:
        return { kind: 'none' };
    }
  },

  work: (a: Actor, i: IncidentRecord) => canWorkIncident(a, i),
  comment: (a: Actor, i: IncidentRecord, visibility: 'agency' | 'internal') => canComment(a, i, visibility),
  seesInternal: (a: Actor) => seesInternal(a),
  confirmClosure: (a: Actor, i: IncidentRecord) => canConfirmClosure(a, i),
  attach: (a: Actor, i: IncidentRecord) => canAttach(a, i),
  abilities: (a: Actor, i: IncidentRecord) => incidentAbilities(a, i),
} as const;
