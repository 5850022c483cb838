/** MongoDB repository of teams (same behaviour as sqlite/teams.ts). */
import type { ClientSession } from 'mongoose';
import type { TeamRecord, TeamRepository } from '../port.js';
import { teamKeys } from '../searchKeys.js';
import { DocCollection } from './collection.js';
import type { Models } from './models.js';

export function mongoTeams(models: Models, session: ClientSession | undefined): TeamRepository {
  const teams = new DocCollection<TeamRecord>(models.Team, teamKeys, session);
  return {
    insert: (t) => teams.insert(t),
    update: (t, v) => teams.update(t, v),
    get: (id) => teams.get(id),
    list: (q) => teams.page(q.kind ? { kind: q.kind } : {}, q),
    listStanding: () => teams.find({ isStanding: true }),
  };
}
