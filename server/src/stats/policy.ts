/** Who reads the province-wide statistics, compliance and annual report: leaders, coordinators, administrators. */
import type { Actor } from '../auth/actor.js';

export const statsPolicy = {
  read: (a: Actor) => a.role === 'leader' || a.role === 'coordinator' || a.role === 'admin',
} as const;
