/** MongoDB repository of incident comments, in their position order. */
import type { ClientSession } from 'mongoose';
import type { CommentRecord, CommentRepository } from '../port.js';
import { findDocs, toRecord, withId } from './collection.js';
import type { Models } from './models.js';

export function mongoComments(models: Models, session: ClientSession | undefined): CommentRepository {
  return {
    async insert(c) {
      await models.Comment.create([withId(c)], { session });
    },
    listByIncident: async (incidentId) =>
      (await findDocs(models.Comment, { incidentId }, { position: 1 }, session)).map((d) => toRecord<CommentRecord>(d)!),
  };
}
