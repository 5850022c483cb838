/** MongoDB repository of incidents (same behaviour as sqlite/incidents.ts; team visibility is `routing.teamIds`). */
import type { ClientSession } from 'mongoose';
import type { IncidentRecord, IncidentRepository } from '../port.js';
import { incidentKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';

export function mongoIncidents(models: Models, session: ClientSession | undefined): IncidentRepository {
  const incidents = new DocCollection<IncidentRecord>(models.Incident, incidentKeys, session);
  return {
    insert: (i) => incidents.insert(i),
    update: (i, v) => incidents.update(i, v),
    get: (id) => incidents.get(id),
    async list(q) {
      if ((q.agencyIds && q.agencyIds.length === 0) || (q.teamIds && q.teamIds.length === 0) || (q.statuses && q.statuses.length === 0))
        return { items: [], nextCursor: null };
      const reported: Record<string, string> = {};
      if (q.from) reported.$gte = new Date(q.from).toISOString();
      if (q.to) reported.$lte = new Date(q.to).toISOString();
      return incidents.page(
        {
          ...(q.agencyIds ? { agencyId: { $in: q.agencyIds } } : {}),
          ...(q.teamIds ? { 'routing.teamIds': { $in: q.teamIds } } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.statuses ? { status: { $in: [...q.statuses] } } : {}),
          ...(q.assigneeId ? { assigneeIds: q.assigneeId } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.serious !== undefined ? { serious: q.serious } : {}),
          ...(q.drill !== undefined ? { drill: q.drill ? { $ne: null } : null } : {}),
          ...(q.from || q.to ? { reportedAt: reported } : {}),
          ...(q.overdueAt ? { slaDueAt: { $ne: null, $lte: q.overdueAt } } : {}),
        },
        q,
      );
    },
    count: () => incidents.count(),
    async reassignAgency(fromAgencyId, toAgencyId, at) {
      const r = await models.Incident.updateMany(
        { agencyId: fromAgencyId },
        { $set: { agencyId: toAgencyId, updatedAt: at }, $inc: { version: 1 } },
        { session },
      );
      return r.modifiedCount;
    },
    async setSlaDueAt(id, dueAt) {
      await models.Incident.updateOne({ _id: id }, { $set: { slaDueAt: dueAt } }, { session });
    },
  };
}
