/** MongoDB repository of refresh sessions: rotation and revocation are single conditional updates. */
import type { ClientSession } from 'mongoose';
import type { SessionRecord, SessionRepository } from '../port.js';
import { toRecord, withId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoSessions(models: Models, session: ClientSession | undefined): SessionRepository {
  return {
    async insert(s) {
      await models.Session.create([withId(s)], { session });
    },
    async get(id) {
      return toRecord<SessionRecord>(
        await models.Session.findById(id)
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async getByTokenHash(tokenHash) {
      return toRecord<SessionRecord>(
        await models.Session.findOne({ tokenHash })
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async markRotated(id, at) {
      const r = await models.Session.updateOne({ _id: id, rotatedAt: null, revokedAt: null }, { $set: { rotatedAt: at } }, { session });
      return r.modifiedCount === 1;
    },
    async revoke(id, at) {
      await models.Session.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
    async revokeFamily(familyId, at) {
      await models.Session.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
    async revokeAllForUser(userId, at) {
      await models.Session.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
  };
}
