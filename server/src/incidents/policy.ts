/**
 * Who may see and do what with incidents. Focal points: their own agency's incidents.
 * Responders and coordinators: incidents routed to one of their teams. Leaders (and
 * administrators): everything, read-only. Machine sources: file for their bound agencies.
 * Anything not visible is a 404, never a 403 that confirms it exists.
 */
import type { Actor } from '../auth/actor.js';
import type { IncidentRecord } from '../store/port.js';

const onMyTeams = (a: Actor, i: IncidentRecord) => i.routing.teamIds.some((t) => a.teamIds.includes(t));

export type IncidentScope =
  { kind: 'all' } | { kind: 'agencies'; agencyIds: string[] } | { kind: 'teams'; teamIds: string[] } | { kind: 'none' };

/**
 * Once an incident is closed the agency's side is done: it confirms the closing report, it
 * no longer adds replies or files. (A rejected one can still be answered: it may reopen.)
 */
const agencyMayAdd = (i: IncidentRecord) => i.status !== 'closed';

export const incidentPolicy = {
  /** Filing a report for an agency: the agency's own focal point, the CERT on its behalf, a bound machine source. */
  create: (a: Actor, agencyId: string) => {
    switch (a.role) {
      case 'focal_point':
        return a.agencyId === agencyId;
      case 'machine':
        return (a.machineAgencyIds ?? []).includes(agencyId);
      case 'responder':
      case 'coordinator':
      case 'admin':
        return true;
      default:
        return false;
    }
  },

  read: (a: Actor, i: IncidentRecord) => {
    switch (a.role) {
      case 'focal_point':
        return a.agencyId === i.agencyId;
      case 'responder':
      case 'coordinator':
        return onMyTeams(a, i);
      case 'leader':
      case 'admin':
        return true;
      default:
        return false;
    }
  },

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

  /** Moving an incident through the lifecycle and editing it: responders of its teams. */
  work: (a: Actor, i: IncidentRecord) => (a.role === 'responder' || a.role === 'coordinator') && onMyTeams(a, i),

  /** Comments: the CERT (internal or to the agency), the agency (only to the CERT, i.e. visible to both). */
  comment: (a: Actor, i: IncidentRecord, visibility: 'agency' | 'internal') => {
    if (a.role === 'focal_point') return a.agencyId === i.agencyId && visibility === 'agency' && agencyMayAdd(i);
    return incidentPolicy.work(a, i);
  },

  /** What the reporting agency sees of the CERT's work: no internal notes. */
  seesInternal: (a: Actor) => a.role !== 'focal_point' && a.role !== 'machine',

  /** The agency confirms the closing report of its own incident. */
  confirmClosure: (a: Actor, i: IncidentRecord) => a.role === 'focal_point' && a.agencyId === i.agencyId,

  attach: (a: Actor, i: IncidentRecord) =>
    (a.role === 'focal_point' && a.agencyId === i.agencyId && agencyMayAdd(i)) ||
    incidentPolicy.work(a, i) ||
    (a.role === 'machine' && (a.machineAgencyIds ?? []).includes(i.agencyId)),
} as const;
