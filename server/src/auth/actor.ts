import type { Role } from '@cert-hub/shared';
import type { UserRecord } from '../store/port.js';

/**
 * Who is acting. Built on every request from the stored user behind the session, never
 * from the request body: a focal point's agency is the one on their account.
 */
export interface Actor {
  /** A person signed in, or a machine source (SOC/SIEM) holding an API key. */
  kind: 'user' | 'api_key';
  id: string;
  username: string;
  displayName: string;
  /** A machine source acts as `machine`, limited to the agencies its key is bound to. */
  role: Role | 'machine';
  agencyId: string | null;
  teamIds: string[];
  sessionId: string | null;
  /** For a machine source: the agencies it may file for. */
  machineAgencyIds?: string[];
}

export const actorOf = (user: UserRecord, sessionId: string | null): Actor => ({
  kind: 'user',
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  agencyId: user.agencyId,
  teamIds: [...user.teamIds],
  sessionId,
});

/** The actor for scripts and boot-time jobs (seeding, setup). */
export const systemActor: Actor = {
  kind: 'user',
  id: 'system',
  username: 'system',
  displayName: 'System',
  role: 'admin',
  agencyId: null,
  teamIds: [],
  sessionId: null,
};
