/**
 * Who is on call for a team. The routing engineer's rosters provide `services.oncall` with this
 * exact interface; until they are wired in, the team's active responders stand in (first is
 * primary, second is backup) so escalation works end to end.
 */
import type { Store } from '../store/port.js';

export interface OnCallDirectory {
  current(teamId: string, at: Date): Promise<{ primaryUserId: string | null; backupUserId: string | null }>;
}

export function teamRespondersOnCall(store: Store): OnCallDirectory {
  return {
    async current(teamId) {
      const members = (await store.users.listByTeam(teamId)).filter(
        (u) => !u.disabled && (u.role === 'responder' || u.role === 'coordinator'),
      );
      const responders = [...members.filter((u) => u.role === 'responder'), ...members.filter((u) => u.role === 'coordinator')];
      return { primaryUserId: responders[0]?.id ?? null, backupUserId: responders[1]?.id ?? null };
    },
  };
}
