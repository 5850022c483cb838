/** MongoDB repository of incidents (same behaviour as sqlite/incidents.ts; team visibility is `routing.teamIds`). */
import type { ClientSession } from 'mongoose';
import type { IncidentRecord, IncidentRepository } from '../port.js';
import { incidentCardRecordOf } from '../incidentCards.js';
import { incidentKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';
import { moveAgencyEventScopes, rescopeIncidentEvents } from './eventScopes.js';

export function mongoIncidents(models: Models, session: ClientSession | undefined): IncidentRepository {
  const incidents = new DocCollection<IncidentRecord>(models.Incident, incidentKeys, session);
  return {
    async insert(i) {
      await incidents.insert(i);
      // Events recorded before the incident in the same transaction get their scopes now.
      await rescopeIncidentEvents(models, session, i.id, i);
    },
    async update(i, v) {
      const before = await models.Incident.findById(i.id, { agencyId: 1, 'routing.teamIds': 1 })
        .session(session ?? null)
        .lean<{ agencyId: string; routing: { teamIds: string[] } }>();
      const updated = await incidents.update(i, v);
      const moved =
        !before ||
        before.agencyId !== i.agencyId ||
        [...new Set(before.routing.teamIds)].sort().join() !== [...new Set(i.routing.teamIds)].sort().join();
      if (updated && moved) await rescopeIncidentEvents(models, session, i.id, i);
      return updated;
    },
    get: (id) => incidents.get(id),
    getMany: (ids) => (ids.length === 0 ? Promise.resolve([]) : incidents.find({ _id: { $in: [...new Set(ids)] } })),
    // MongoDB keeps whole documents (nothing to put back together): the cards are their projection.
    getManyCards: async (ids) =>
      ids.length === 0 ? [] : (await incidents.find({ _id: { $in: [...new Set(ids)] } })).map(incidentCardRecordOf),
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
      await moveAgencyEventScopes(models, session, fromAgencyId, toAgencyId);
      return r.modifiedCount;
    },
    async setSlaDueAt(id, dueAt) {
      await models.Incident.updateOne({ _id: id }, { $set: { slaDueAt: dueAt } }, { session });
    },
  };
}
