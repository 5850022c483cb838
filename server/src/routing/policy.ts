/** Who may read and edit routing rules and move incidents between teams. */
import type { Actor } from '../auth/actor.js';

export const routingPolicy = {
  /** CERT staff and leaders read the rules (to know why something went where). */
  read: (a: Actor) => ['admin', 'coordinator', 'responder', 'leader'].includes(a.role),
  /** Coordinators own the rules (domain.md §1); administrators may configure too. */
  edit: (a: Actor) => a.role === 'coordinator' || a.role === 'admin',
  /** Reroute, transfer or add a body to an incident; declare or withdraw "serious". */
  coordinate: (a: Actor) => a.role === 'coordinator',
} as const;
