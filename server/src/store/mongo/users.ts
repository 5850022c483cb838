/** MongoDB repository of user accounts (same behaviour as sqlite/users.ts; team membership is the `teamIds` array). */
import type { ClientSession } from 'mongoose';
import type { UserRecord, UserRepository } from '../port.js';
import { userKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';

export function mongoUsers(models: Models, session: ClientSession | undefined): UserRepository {
  const users = new DocCollection<UserRecord>(models.User, userKeys, session);
  return {
    insert: (u) => users.insert(u),
    update: (u, v) => users.update(u, v),
    get: (id) => users.get(id),
    getByUsername: (username) => users.findOne({ username }),
    list: (q) =>
      users.page(
        {
          ...(q.role ? { role: q.role } : {}),
          ...(q.agencyId ? { agencyId: q.agencyId } : {}),
          ...(q.teamId ? { teamIds: q.teamId } : {}),
        },
        q,
      ),
    listByTeam: (teamId) => users.find({ teamIds: teamId }),
    listByAgency: (agencyId) => users.find({ agencyId }),
    count: () => users.count(),
  };
}
