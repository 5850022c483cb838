/** Who may see and edit on-call rosters. */
import type { Actor } from '../auth/actor.js';

export const onCallPolicy = {
  /** CERT staff and leaders see who is on call (R6: a named 24/7 contact). */
  read: (a: Actor) => ['admin', 'coordinator', 'responder', 'leader'].includes(a.role),
  /** Coordinators (and administrators) keep the rosters. */
  edit: (a: Actor) => a.role === 'coordinator' || a.role === 'admin',
} as const;
