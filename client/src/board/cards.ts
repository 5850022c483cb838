import type { IncidentCardView } from '@cert-hub/shared';
import { isOverdue } from '../notify/SlaCountdown.js';

/** The board's filters as the list API takes them, so a column's pages hold only matching cards. */
export interface BoardFilters {
  team?: string | undefined;
  agency?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  mine: boolean;
  serious: boolean;
  overdue: boolean;
  kind: string;
}

export function columnQuery(status: string, filters: BoardFilters, userId: string): Record<string, string | undefined> {
  return {
    view: 'card',
    status,
    teamId: filters.team,
    agencyId: filters.agency,
    severity: filters.severity,
    category: filters.category,
    assigneeId: filters.mine ? userId : undefined,
    serious: filters.serious ? 'true' : undefined,
    overdue: filters.overdue ? 'true' : undefined,
    drill: filters.kind === 'all' ? undefined : String(filters.kind === 'drill'),
  };
}

/** Whether a card (e.g. one arriving live) passes the board's filters. */
export function matchesFilters(i: IncidentCardView, filters: BoardFilters, userId: string, now: number): boolean {
  return (
    i.status !== 'rejected' &&
    (!filters.team || i.routing.teamIds.includes(filters.team)) &&
    (!filters.agency || i.agencyId === filters.agency) &&
    (!filters.severity || i.severity === filters.severity) &&
    (!filters.category || i.category === filters.category) &&
    (!filters.mine || (i.assigneeIds ?? []).includes(userId)) &&
    (!filters.serious || i.serious) &&
    (!filters.overdue || isOverdue(i.slaDueAt ?? null, now)) &&
    (filters.kind === 'all' || (filters.kind === 'drill') === (i.drill !== null))
  );
}
