/** MongoDB repository of agencies (same behaviour as sqlite/agencies.ts, held by the contract suite). */
import type { ClientSession } from 'mongoose';
import type { AgencyRecord, AgencyRepository } from '../port.js';
import { agencyKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';

export function mongoAgencies(models: Models, session: ClientSession | undefined): AgencyRepository {
  const agencies = new DocCollection<AgencyRecord>(models.Agency, agencyKeys, session);
  return {
    insert: (a) => agencies.insert(a),
    update: (a, v) => agencies.update(a, v),
    get: (id) => agencies.get(id),
    list: (q) => agencies.page({ ...(q.type ? { type: q.type } : {}), ...(q.includeMerged ? {} : { mergedIntoId: null }) }, q),
    count: () => agencies.count(),
  };
}
