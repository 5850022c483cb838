/** MongoDB repository of sectors, keyed by their code. */
import type { ClientSession } from 'mongoose';
import type { SectorRecord, SectorRepository } from '../port.js';
import { withoutId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoSectors(models: Models, session: ClientSession | undefined): SectorRepository {
  return {
    async upsert(s) {
      await models.Sector.updateOne({ _id: s.code }, { $set: { ...s } }, { upsert: true, session });
    },
    async get(code) {
      return withoutId<SectorRecord>(
        await models.Sector.findById(code)
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async list() {
      const docs = await models.Sector.find()
        .sort({ _id: 1 })
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map((d) => withoutId<SectorRecord>(d)!);
    },
  };
}
