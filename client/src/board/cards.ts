import type { IncidentCardView } from '@cert-hub/shared';
import { isOverdue } from '../notify/SlaCountdown.js';
import type { BoardFilters } from './boardQuery.js';

// The filters and their list query live beside the early first pages (the sign-in page carries them).
export { columnQuery, type BoardFilters } from './boardQuery.js';

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
