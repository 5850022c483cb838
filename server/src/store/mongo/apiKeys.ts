/** MongoDB repository of machine-source API keys, found by the hash of the presented key. */
import type { ClientSession } from 'mongoose';
import type { ApiKeyRecord, ApiKeyRepository } from '../port.js';
import { findDoc, findDocs, toRecord, withId } from './collection.js';
import type { Models } from './models.js';

export function mongoApiKeys(models: Models, session: ClientSession | undefined): ApiKeyRepository {
  return {
    async insert(k) {
      await models.ApiKey.create([withId(k)], { session });
    },
    async update(k) {
      const { id, ...rest } = k;
      await models.ApiKey.updateOne({ _id: id }, { $set: rest }, { session });
    },
    get: async (id) => toRecord<ApiKeyRecord>(await findDoc(models.ApiKey, { _id: id }, session)),
    getByHash: async (keyHash) => toRecord<ApiKeyRecord>(await findDoc(models.ApiKey, { keyHash }, session)),
    list: async () => (await findDocs(models.ApiKey, {}, { _id: 1 }, session)).map((d) => toRecord<ApiKeyRecord>(d)!),
  };
}
