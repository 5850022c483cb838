/**
 * The response milestones of an incident, read from its status changes. One definition for
 * every consumer — SLA timers, drill metrics and the leaders' statistics — so that "time to
 * acknowledge" means the same thing on the board, in a drill report and on the dashboard.
 *
 * - acknowledged: the first move out of `received` (a responder took it into triage);
 * - leftTriage:   the first move out of `triage` (classified and routed, or rejected);
 * - contained:    the first arrival in `recovery` or `closed` (containment achieved);
 * - closed:       the first arrival in `closed`.
 */
import type { IncidentStatus } from './incidents.js';

export interface StatusChange {
  from: IncidentStatus;
  to: IncidentStatus;
  /** ISO-8601 instant. */
  at: string;
}

export type Milestone = 'acknowledged' | 'leftTriage' | 'contained' | 'closed';
export const MILESTONES: readonly Milestone[] = ['acknowledged', 'leftTriage', 'contained', 'closed'];

export type Milestones = Record<Milestone, string | null>;

const reaches: Record<Milestone, (change: StatusChange) => boolean> = {
  acknowledged: (c) => c.from === 'received',
  leftTriage: (c) => c.from === 'triage',
  contained: (c) => c.to === 'recovery' || c.to === 'closed',
  closed: (c) => c.to === 'closed',
};

/** When each milestone was first reached; `changes` may come in any order. */
export function milestonesOf(changes: readonly StatusChange[]): Milestones {
  const ordered = [...changes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const result: Milestones = { acknowledged: null, leftTriage: null, contained: null, closed: null };
  for (const milestone of MILESTONES) result[milestone] = ordered.find(reaches[milestone])?.at ?? null;
  return result;
}

/** Seconds from `start` to a milestone, or null when it was not reached. */
export function secondsUntil(start: string, milestoneAt: string | null): number | null {
  return milestoneAt === null ? null : Math.max(0, Math.round((Date.parse(milestoneAt) - Date.parse(start)) / 1000));
}
