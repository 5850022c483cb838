/** MongoDB repository of refresh sessions: rotation and revocation are single conditional updates. */
import type { ClientSession } from 'mongoose';
import type { SessionRecord, SessionRepository } from '../port.js';
import { findDoc, toRecord, withId } from './collection.js';
import type { Models } from './models.js';

export function mongoSessions(models: Models, session: ClientSession | undefined): SessionRepository {
  return {
    async insert(s) {
      await models.Session.create([withId(s)], { session });
    },
    get: async (id) => toRecord<SessionRecord>(await findDoc(models.Session, { _id: id }, session)),
    getByTokenHash: async (tokenHash) => toRecord<SessionRecord>(await findDoc(models.Session, { tokenHash }, session)),
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
