/** MongoDB repository of Idempotency-Key records; `_id` is "scope|key", so a second insert is a duplicate key. */
import type { ClientSession } from 'mongoose';
import type { IdempotencyRecord, IdempotencyRepository } from '../port.js';
import { withoutId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoIdempotency(models: Models, session: ClientSession | undefined): IdempotencyRepository {
  return {
    async get(scope, key) {
      return withoutId<IdempotencyRecord>(
        await models.Idempotency.findById(`${scope}|${key}`)
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async insert(r) {
      await models.Idempotency.create([{ _id: `${r.scope}|${r.key}`, ...r }], { session });
    },
  };
}
