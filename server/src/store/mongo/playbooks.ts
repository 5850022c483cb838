/** MongoDB repository of playbooks, one per incident category (the category is the `_id`). */
import type { ClientSession } from 'mongoose';
import type { PlaybookRecord, PlaybookRepository } from '../port.js';
import { findDoc, findDocs, withoutId } from './collection.js';
import type { Models } from './models.js';

export function mongoPlaybooks(models: Models, session: ClientSession | undefined): PlaybookRepository {
  return {
    get: async (category) => withoutId<PlaybookRecord>(await findDoc(models.Playbook, { _id: category }, session)),
    async upsert(p) {
      await models.Playbook.updateOne({ _id: p.category }, { $set: { ...p } }, { upsert: true, session });
    },
    list: async () => (await findDocs(models.Playbook, {}, { _id: 1 }, session)).map((d) => withoutId<PlaybookRecord>(d)!),
  };
}
