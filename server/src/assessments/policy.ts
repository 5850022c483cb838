/** The assessments register (R3): the CERT's coordinators and administrators, and the system's own agency, record assessments. */
import type { Actor } from '../auth/actor.js';
import { registryPolicy } from '../registry/policy.js';

export const assessmentPolicy = {
  record: (a: Actor, systemAgencyId: string) =>
    a.role === 'admin' || a.role === 'coordinator' || (a.role === 'focal_point' && a.agencyId === systemAgencyId),
  read: (a: Actor, systemAgencyId: string) => registryPolicy.readSystem(a, systemAgencyId),
  readRegister: (a: Actor) => a.role === 'admin' || a.role === 'coordinator' || a.role === 'leader' || a.role === 'responder',
} as const;
