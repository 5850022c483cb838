/** The board card: an explicit whitelist, much smaller than the full incident (presenter.ts). */
import type { IncidentCardView } from '@cert-hub/shared';
import type { IncidentRecord } from '../store/port.js';

export const presentIncidentCard = (i: IncidentRecord): IncidentCardView => ({
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
  assigneeIds: [...i.assigneeIds],
  routing: { ownerTeamId: i.routing.ownerTeamId, teamIds: [...i.routing.teamIds] },
  version: i.version,
});
