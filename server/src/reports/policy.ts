/**
 * The reporting cycle (R5): coordinators and administrators open rounds and follow them,
 * leaders read them, a focal point sees and fills only its own agency's report.
 */
import type { Actor } from '../auth/actor.js';
import type { ReportRoundRecord } from '../store/port.js';

export const reportPolicy = {
  open: (a: Actor) => a.role === 'coordinator' || a.role === 'admin',
  /** Everyone's answers and the consolidated draft. */
  follow: (a: Actor) => a.role === 'coordinator' || a.role === 'admin' || a.role === 'leader',
  read: (a: Actor, r: ReportRoundRecord) =>
    reportPolicy.follow(a) || (a.role === 'focal_point' && !!a.agencyId && r.agencyIds.includes(a.agencyId)),
  submit: (a: Actor, r: ReportRoundRecord) => a.role === 'focal_point' && !!a.agencyId && r.agencyIds.includes(a.agencyId),
} as const;
