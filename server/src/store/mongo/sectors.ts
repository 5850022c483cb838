/** MongoDB repository of sectors, keyed by their code. */
import type { ClientSession } from 'mongoose';
import type { SectorRecord, SectorRepository } from '../port.js';
import { findDoc, findDocs, withoutId } from './collection.js';
import type { Models } from './models.js';

export function mongoSectors(models: Models, session: ClientSession | undefined): SectorRepository {
  return {
    async upsert(s) {
      await models.Sector.updateOne({ _id: s.code }, { $set: { ...s } }, { upsert: true, session });
    },
    get: async (code) => withoutId<SectorRecord>(await findDoc(models.Sector, { _id: code }, session)),
    list: async () => (await findDocs(models.Sector, {}, { _id: 1 }, session)).map((d) => withoutId<SectorRecord>(d)!),
  };
}
