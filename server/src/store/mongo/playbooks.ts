/** MongoDB repository of playbooks, one per incident category (the category is the `_id`). */
import type { ClientSession } from 'mongoose';
import type { PlaybookRecord, PlaybookRepository } from '../port.js';
import { withoutId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoPlaybooks(models: Models, session: ClientSession | undefined): PlaybookRepository {
  return {
    async get(category) {
      return withoutId<PlaybookRecord>(
        await models.Playbook.findById(category)
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async upsert(p) {
      await models.Playbook.updateOne({ _id: p.category }, { $set: { ...p } }, { upsert: true, session });
    },
    async list() {
      const docs = await models.Playbook.find()
        .sort({ _id: 1 })
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map((d) => withoutId<PlaybookRecord>(d)!);
    },
  };
}
