import type { IncidentCardView } from '@cert-hub/shared';
import { isOverdue } from '../notify/SlaCountdown.js';

/** The card fields of an incident (live events carry the full incident; the board keeps cards). */
export function toCard(i: IncidentCardView): IncidentCardView {
  return {
    id: i.id,
    code: i.code,
    agencyId: i.agencyId,
    title: i.title,
    category: i.category,
    status: i.status,
    severity: i.severity,
    serious: i.serious,
    lateReport: i.lateReport,
    drill: i.drill,
    reportedAt: i.reportedAt,
    statusChangedAt: i.statusChangedAt,
    ...(i.assigneeIds ? { assigneeIds: i.assigneeIds } : {}),
    routing: { teamId: i.routing.teamId, teamIds: i.routing.teamIds },
    ...(i.slaDueAt !== undefined ? { slaDueAt: i.slaDueAt } : {}),
    version: i.version,
    abilities: i.abilities,
  };
}

/**
 * Adds or replaces cards; an older version never replaces a newer one, so pages and live
 * events converge in whatever order they arrive. Returns the same map when nothing changed
 * (React then skips the render).
 */
export function mergeCards(current: Map<string, IncidentCardView>, incoming: IncidentCardView[]): Map<string, IncidentCardView> {
  let next: Map<string, IncidentCardView> | null = null;
  for (const card of incoming) {
    const existing = (next ?? current).get(card.id);
    if (existing && existing.version >= card.version) continue;
    next ??= new Map(current);
    next.set(card.id, toCard(card));
  }
  return next ?? current;
}

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
