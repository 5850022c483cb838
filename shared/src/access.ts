/**
 * Who may see and do what, written once. Pure functions over the subject (who is asking) and
 * the incident's access-relevant fields; the REST policies, the socket rooms, the catch-up
 * feed, presence and typing, and the console's abilities all call these — never their own
 * copy of the rule.
 */
import type { Role } from './vocabulary.js';

/** Who is asking: a signed-in user or a machine source (SOC/SIEM API key). */
export interface AccessSubject {
  id: string;
  role: Role | 'machine';
  agencyId: string | null;
  teamIds: readonly string[];
  /** For a machine source: the agencies it may file for. */
  machineAgencyIds?: readonly string[];
}

/** What access depends on in an incident (record and wire view alike have these). */
export interface AccessIncident {
  agencyId: string;
  status: string;
  routing: { teamIds: readonly string[] };
}

/**
 * Once an incident is closed the agency's side is done: it confirms the closing report, it
 * no longer adds replies or files. (A rejected one can still be answered: it may reopen.)
 */
const agencyMayAdd = (i: AccessIncident) => i.status !== 'closed';

const onTeams = (s: AccessSubject, i: AccessIncident) => i.routing.teamIds.some((t) => s.teamIds.includes(t));
const isCert = (s: AccessSubject) => s.role === 'responder' || s.role === 'coordinator';

/** Reading an incident: its agency's focal points, its teams' responders, leaders and administrators. */
export function canReadIncident(s: AccessSubject, i: AccessIncident): boolean {
  switch (s.role) {
    case 'focal_point':
      return s.agencyId !== null && s.agencyId === i.agencyId;
    case 'responder':
    case 'coordinator':
      return onTeams(s, i);
    case 'leader':
    case 'admin':
      return true;
    default:
      return false;
  }
}

/** Working an incident (lifecycle, classification, assignment, checklist): responders of its teams. */
export const canWorkIncident = (s: AccessSubject, i: AccessIncident): boolean => isCert(s) && onTeams(s, i);

/** The CERT's internal working data (tags, assignees, checklist, internal notes): everyone but the agency side. */
export const seesInternal = (s: AccessSubject): boolean => s.role !== 'focal_point' && s.role !== 'machine';

/** Filing a report for an agency. */
export function canCreateIncident(s: AccessSubject, agencyId: string): boolean {
  switch (s.role) {
    case 'focal_point':
      return s.agencyId === agencyId;
    case 'machine':
      return (s.machineAgencyIds ?? []).includes(agencyId);
    case 'responder':
    case 'coordinator':
    case 'admin':
      return true;
    default:
      return false;
  }
}

export function canComment(s: AccessSubject, i: AccessIncident, visibility: 'agency' | 'internal'): boolean {
  if (s.role === 'focal_point') return canReadIncident(s, i) && visibility === 'agency' && agencyMayAdd(i);
  return canWorkIncident(s, i);
}

export const canConfirmClosure = (s: AccessSubject, i: AccessIncident): boolean => s.role === 'focal_point' && canReadIncident(s, i);

export const canAttach = (s: AccessSubject, i: AccessIncident): boolean =>
  (s.role === 'focal_point' && canReadIncident(s, i) && agencyMayAdd(i)) ||
  canWorkIncident(s, i) ||
  (s.role === 'machine' && (s.machineAgencyIds ?? []).includes(i.agencyId));

/**
 * Incident event kinds the reporting agency may see (the rest is the CERT's internal work),
 * plus comments addressed to the agency. Exported as data so store queries filter by the
 * same rule.
 */
export const AGENCY_VISIBLE_EVENT_TYPES = [
  'incident.created',
  'incident.status_changed',
  'incident.attachment_added',
  'incident.closure_confirmed',
] as const;
export const AGENCY_VISIBLE_COMMENT_EVENT = { type: 'incident.comment_added', visibility: 'agency' } as const;

export function isAgencyVisibleEvent(type: string, data: Record<string, unknown>): boolean {
  if ((AGENCY_VISIBLE_EVENT_TYPES as readonly string[]).includes(type)) return true;
  return type === AGENCY_VISIBLE_COMMENT_EVENT.type && data.visibility === AGENCY_VISIBLE_COMMENT_EVENT.visibility;
}

/** What a subject may see of the event log, as a filter a store can run in its query. */
export type EventScope =
  { kind: 'all' } | { kind: 'none' } | { kind: 'teams'; teamIds: string[] } | { kind: 'agency'; agencyId: string; agencyVisibleOnly: true };

export function eventScopeOf(s: AccessSubject): EventScope {
  switch (s.role) {
    case 'focal_point':
      return s.agencyId ? { kind: 'agency', agencyId: s.agencyId, agencyVisibleOnly: true } : { kind: 'none' };
    case 'responder':
    case 'coordinator':
      return s.teamIds.length > 0 ? { kind: 'teams', teamIds: [...s.teamIds] } : { kind: 'none' };
    case 'leader':
    case 'admin':
      return { kind: 'all' };
    default:
      return { kind: 'none' };
  }
}

/** Seeing one incident event: reading the incident, and for the agency side only agency-visible kinds. */
export const canSeeIncidentEvent = (s: AccessSubject, i: AccessIncident, type: string, data: Record<string, unknown>): boolean =>
  canReadIncident(s, i) && (seesInternal(s) || isAgencyVisibleEvent(type, data));

/** Room names, shared so the server and the tests spell them alike. */
export const ROOMS = {
  team: (id: string) => `team:${id}`,
  agency: (id: string) => `agency:${id}`,
  user: (id: string) => `user:${id}`,
  incident: (id: string) => `incident:${id}`,
  leaders: 'leaders',
} as const;

/**
 * The broadcast rooms a subject's sockets belong to (incident rooms are joined one by one
 * after a read check). Every connection — new or recovered — is brought to exactly this set.
 */
export function roomsFor(s: AccessSubject): string[] {
  const joined = [ROOMS.user(s.id)];
  if (isCert(s)) joined.push(...s.teamIds.map(ROOMS.team));
  if (s.role === 'focal_point' && s.agencyId) joined.push(ROOMS.agency(s.agencyId));
  if (s.role === 'leader' || s.role === 'admin') joined.push(ROOMS.leaders);
  return joined;
}

/** The rooms an incident event goes to: rooms whose members all may see it. */
export function audienceOf(i: AccessIncident, type: string, data: Record<string, unknown>): string[] {
  const audience = [...i.routing.teamIds.map(ROOMS.team), ROOMS.leaders];
  if (isAgencyVisibleEvent(type, data)) audience.push(ROOMS.agency(i.agencyId));
  return audience;
}

/** Typing in an internal note is itself internal: only those who see internal data hear of it. */
export const canSeeTyping = (s: AccessSubject, visibility: 'agency' | 'internal'): boolean => visibility === 'agency' || seesInternal(s);

/** What the caller may do with an incident, sent with every record so the console does not re-derive rules. */
export const INCIDENT_ABILITIES = [
  'transition',
  'edit',
  'assign',
  'checklist',
  'comment_agency',
  'comment_internal',
  'attach',
  'confirm_closure',
  'see_internal',
] as const;
export type IncidentAbility = (typeof INCIDENT_ABILITIES)[number];

export function incidentAbilities(s: AccessSubject, i: AccessIncident): IncidentAbility[] {
  if (!canReadIncident(s, i)) return [];
  const can: IncidentAbility[] = [];
  if (canWorkIncident(s, i)) can.push('transition', 'edit', 'assign', 'checklist');
  if (canComment(s, i, 'agency')) can.push('comment_agency');
  if (canComment(s, i, 'internal')) can.push('comment_internal');
  if (canAttach(s, i)) can.push('attach');
  if (canConfirmClosure(s, i)) can.push('confirm_closure');
  if (seesInternal(s)) can.push('see_internal');
  return can;
}
