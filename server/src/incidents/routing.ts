/**
 * Which teams an incident goes to. Teams are data: the standing team (the provincial CERT,
 * cơ quan thường trực) owns every report; incidents touching state secrets also go to the
 * police teams (R7, Decision 05/2017 Art. 1). Rule-based routing across several bodies
 * will replace this function, not its callers.
 */
import type { Impact } from '@cert-hub/shared';
import type { TeamRecord } from '../store/port.js';

export interface RoutingDecision {
  ownerTeamId: string | null;
  teamIds: string[];
  reasons: string[];
}

export function routeIncident(teams: readonly TeamRecord[], incident: { impacts: readonly Impact[] }): RoutingDecision {
  const standing = teams.find((t) => t.isStanding) ?? null;
  const teamIds: string[] = [];
  const reasons: string[] = [];
  if (standing) {
    teamIds.push(standing.id);
    reasons.push('standing_team');
  }
  if (incident.impacts.includes('state_secret_disclosure')) {
    for (const police of teams.filter((t) => t.kind === 'police')) teamIds.push(police.id);
    if (teams.some((t) => t.kind === 'police')) reasons.push('r7_state_secrets_to_police');
  }
  return { ownerTeamId: standing?.id ?? null, teamIds: [...new Set(teamIds)], reasons };
}
