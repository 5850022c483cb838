/**
 * The console's one rule for two copies of the same incident (a list page, a live event, a
 * caught-up event, the answer to one's own change, a 409's current record), whatever order
 * they arrive in: the newest version wins. At the same version the fuller copy wins (the
 * whole incident over the board's card), otherwise the copy already held stays.
 *
 * An incident a page shows whole (watched) is never replaced by a card: the catch-up feed
 * carries cards, and the page must not fall back to card fields. A card newer than what is
 * held of it instead asks for the whole incident to be read again; until that answer arrives
 * (and wins by the same rule) the page keeps the last whole copy it showed.
 */
import type { IncidentCardView, IncidentView } from '@cert-hub/shared';

/** What the console holds of an incident: its card (board) or all of it (incident page). */
export type IncidentEntry = IncidentCardView | IncidentView;

/** Whether this copy is the whole incident, not only its card fields. */
export const isFullIncident = (entry: IncidentEntry): entry is IncidentView => 'description' in entry;

/** Which copy to keep: the held one, or the incoming one (`keepWhole`: a page shows this incident whole). */
export function newerIncident<T extends IncidentEntry>(held: T | undefined, incoming: T, keepWhole = false): T {
  if (keepWhole && held && isFullIncident(held) && !isFullIncident(incoming)) return held;
  if (!held || incoming.version > held.version) return incoming;
  if (incoming.version < held.version) return held;
  return isFullIncident(incoming) && !isFullIncident(held) ? incoming : held;
}

export interface Reconciled<T extends IncidentEntry> {
  incidents: ReadonlyMap<string, T>;
  /** Watched incidents to read again whole, with the newest version a card announced for each. */
  reread: ReadonlyMap<string, number>;
}

/**
 * Applies copies to a set of incidents by the rule above (`watched`: the incidents pages show
 * whole). `incidents` is the same map when nothing changed (React then skips the render), a
 * new one otherwise; never mutates `current`.
 */
export function reconcileIncidents<T extends IncidentEntry>(
  current: ReadonlyMap<string, T>,
  incoming: readonly T[],
  watched: (id: string) => boolean = () => false,
): Reconciled<T> {
  let next: Map<string, T> | null = null;
  const reread = new Map<string, number>();
  for (const entry of incoming) {
    const held = (next ?? current).get(entry.id);
    const keepWhole = watched(entry.id);
    if (keepWhole && !isFullIncident(entry) && (!held || entry.version > held.version)) {
      reread.set(entry.id, Math.max(reread.get(entry.id) ?? 0, entry.version));
    }
    if (newerIncident(held, entry, keepWhole) === held) continue;
    next ??= new Map(current);
    next.set(entry.id, entry);
  }
  return { incidents: next ?? current, reread };
}

/** The card fields of an incident (what the board needs; live events carry the whole incident). */
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
