/** MongoDB repository of machine-source API keys, found by the hash of the presented key. */
import type { ClientSession } from 'mongoose';
import type { ApiKeyRecord, ApiKeyRepository } from '../port.js';
import { toRecord, withId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoApiKeys(models: Models, session: ClientSession | undefined): ApiKeyRepository {
  const findOne = async (filter: Record<string, unknown>) =>
    toRecord<ApiKeyRecord>(
      await models.ApiKey.findOne(filter)
        .session(session ?? null)
        .lean<StoredDoc>(),
    );
  return {
    async insert(k) {
      await models.ApiKey.create([withId(k)], { session });
    },
    async update(k) {
      const { id, ...rest } = k;
      await models.ApiKey.updateOne({ _id: id }, { $set: rest }, { session });
    },
    get: (id) => findOne({ _id: id }),
    getByHash: (keyHash) => findOne({ keyHash }),
    async list() {
      const docs = await models.ApiKey.find()
        .sort({ _id: 1 })
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map((d) => toRecord<ApiKeyRecord>(d)!);
    },
  };
}
