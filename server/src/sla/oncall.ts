/**
 * Who is on call for a team, as escalation asks it. The rosters (`oncall/`) answer first; a
 * team with no roster, or a roster naming nobody now, falls back to its active responders
 * (then coordinators) so that an escalation always reaches a named person (R6).
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

/** The roster when it names someone now, otherwise the fallback. */
export function withResponderFallback(roster: OnCallDirectory, fallback: OnCallDirectory): OnCallDirectory {
  return {
    async current(teamId, at) {
      const rostered = await roster.current(teamId, at);
      return rostered.primaryUserId || rostered.backupUserId ? rostered : fallback.current(teamId, at);
    },
  };
}
