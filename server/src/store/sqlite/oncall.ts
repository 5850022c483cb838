/** SQLite repository for on-call rosters, one row per team. */
import type { Database as Db } from 'better-sqlite3';
import type { OnCallRepository, OnCallRosterRecord } from '../oncall.js';
import { getDoc, selectDocs } from './table.js';

export class SqliteOnCall implements OnCallRepository {
  constructor(private readonly db: Db) {}
  async get(teamId: string) {
    return getDoc<OnCallRosterRecord>(this.db, 'oncall_rosters', teamId, 'team_id');
  }
  async save(r: OnCallRosterRecord, expectedVersion: number | null) {
    if (expectedVersion === null) {
      const result = this.db
        .prepare('INSERT INTO oncall_rosters (team_id, version, doc) VALUES (?,?,?) ON CONFLICT(team_id) DO NOTHING')
        .run(r.teamId, r.version, JSON.stringify(r));
      return result.changes === 1;
    }
    const result = this.db
      .prepare('UPDATE oncall_rosters SET version=?, doc=? WHERE team_id=? AND version=?')
      .run(r.version, JSON.stringify(r), r.teamId, expectedVersion);
    return result.changes === 1;
  }
  async list() {
    return selectDocs<OnCallRosterRecord>(this.db, 'SELECT doc FROM oncall_rosters ORDER BY team_id');
  }
}
