/** MongoDB repository of Idempotency-Key records; `_id` is "scope|key", so a second insert is a duplicate key. */
import type { ClientSession } from 'mongoose';
import type { IdempotencyRecord, IdempotencyRepository } from '../port.js';
import { findDoc, withoutId } from './collection.js';
import type { Models } from './models.js';

export function mongoIdempotency(models: Models, session: ClientSession | undefined): IdempotencyRepository {
  return {
    get: async (scope, key) => withoutId<IdempotencyRecord>(await findDoc(models.Idempotency, { _id: `${scope}|${key}` }, session)),
    async insert(r) {
      await models.Idempotency.create([{ _id: `${r.scope}|${r.key}`, ...r }], { session });
    },
  };
}
