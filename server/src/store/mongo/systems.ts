/** MongoDB repository of information systems (same behaviour as sqlite/systems.ts). */
import type { ClientSession } from 'mongoose';
import type { SystemRecord, SystemRepository } from '../port.js';
import { systemKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';

export function mongoSystems(models: Models, session: ClientSession | undefined): SystemRepository {
  const systems = new DocCollection<SystemRecord>(models.System, systemKeys, session);
  return {
    insert: (s) => systems.insert(s),
    update: (s, v) => systems.update(s, v),
    get: (id) => systems.get(id),
    async list(q) {
      if (q.agencyIds && q.agencyIds.length === 0) return { items: [], nextCursor: null };
      return systems.page({ ...(q.agencyIds ? { agencyId: { $in: q.agencyIds } } : {}), ...(q.level ? { level: q.level } : {}) }, q);
    },
    async reassignAgency(fromAgencyId, toAgencyId, at) {
      const r = await models.System.updateMany(
        { agencyId: fromAgencyId },
        { $set: { agencyId: toAgencyId, updatedAt: at }, $inc: { version: 1 } },
        { session },
      );
      return r.modifiedCount;
    },
  };
}
