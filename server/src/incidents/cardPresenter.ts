/**
 * The board card: an explicit whitelist, much smaller than the full incident (presenter.ts),
 * per audience like the full view — the reporting agency never gets the CERT's assignees or
 * SLA due time.
 */
import { incidentAbilities, seesInternal, type AccessSubject, type IncidentCardView } from '@cert-hub/shared';
import type { IncidentCardRecord } from '../store/port.js';

/** Takes a whole incident or only its card fields (the catch-up feed reads only those). */
export function presentIncidentCard(i: IncidentCardRecord, viewer: AccessSubject): IncidentCardView {
  const card: IncidentCardView = {
    id: i.id,
    code: i.code,
    agencyId: i.agencyId,
    title: i.title,
    category: i.category,
    status: i.status,
    severity: i.severity,
    serious: i.serious,
    lateReport: i.lateReport,
    drill: i.drill ? { drillId: i.drill.drillId, injectId: i.drill.injectId } : null,
    reportedAt: i.reportedAt,
    statusChangedAt: i.statusChangedAt,
    routing: { teamId: i.routing.teamId, teamIds: [...i.routing.teamIds] },
    version: i.version,
    abilities: incidentAbilities(viewer, i),
  };
  if (!seesInternal(viewer)) return card;
  return { ...card, assigneeIds: [...i.assigneeIds], slaDueAt: i.slaDueAt ?? null };
}
