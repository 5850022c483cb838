/**
 * Who may do what with drills. The coordinator is the drill controller; evaluators named on
 * a drill score it and write observations; leaders read everything (the year view);
 * responders read drills to follow the live panel. Agencies and machine sources see none.
 */
import type { Actor } from '../auth/actor.js';
import type { DrillRecord } from '../store/port.js';

const READERS = new Set(['admin', 'coordinator', 'responder', 'leader']);

export const drillPolicy = {
  read: (a: Actor) => READERS.has(a.role),
  /** Plan, run (start/pause/resume/end), record external drills, lessons: the drill controller. */
  manage: (a: Actor) => a.role === 'coordinator' || a.role === 'admin',
  /** Score objectives and write observations: the drill's evaluators and the controller. */
  evaluate: (a: Actor, d: DrillRecord) => drillPolicy.manage(a) || (a.kind === 'user' && d.evaluatorIds.includes(a.id)),
} as const;
