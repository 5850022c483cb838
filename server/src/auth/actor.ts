import type { Role } from '@cert-hub/shared';
import type { UserRecord } from '../store/port.js';

/**
 * Who is acting. Built on every request from the stored user behind the session, never
 * from the request body: a focal point's agency is the one on their account.
 */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  teamIds: string[];
  sessionId: string | null;
}

export const actorOf = (user: UserRecord, sessionId: string | null): Actor => ({
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
  id: 'system',
  username: 'system',
  displayName: 'System',
  role: 'admin',
  agencyId: null,
  teamIds: [],
  sessionId: null,
};
