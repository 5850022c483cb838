/** MongoDB repository of incident comments, in their position order. */
import type { ClientSession } from 'mongoose';
import type { CommentRecord, CommentRepository } from '../port.js';
import { toRecord, withId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoComments(models: Models, session: ClientSession | undefined): CommentRepository {
  return {
    async insert(c) {
      await models.Comment.create([withId(c)], { session });
    },
    async listByIncident(incidentId) {
      const docs = await models.Comment.find({ incidentId })
        .sort({ position: 1 })
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map((d) => toRecord<CommentRecord>(d)!);
    },
  };
}
