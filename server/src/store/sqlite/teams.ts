/** SQLite repository of teams (searchable, keyset-paged, with the standing team flagged). */
import type { Database as Db } from 'better-sqlite3';
import type { TeamRecord, TeamRepository } from '../port.js';
import { teamKeys } from '../searchKeys.js';
import { getDoc, keysetPage, searchClause, selectDocs, type Params } from './table.js';

export class SqliteTeams implements TeamRepository {
  constructor(private readonly db: Db) {}
  async insert(t: TeamRecord) {
    const k = teamKeys(t);
    this.db
      .prepare(`INSERT INTO teams (id, kind, is_standing, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(t.id, t.kind, t.isStanding ? 1 : 0, k.sortKey, k.searchText, t.version, JSON.stringify(t));
  }
  async update(t: TeamRecord, expectedVersion: number) {
    const k = teamKeys(t);
    const r = this.db
      .prepare(`UPDATE teams SET kind=?, is_standing=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(t.kind, t.isStanding ? 1 : 0, k.sortKey, k.searchText, t.version, JSON.stringify(t), t.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<TeamRecord>(this.db, 'teams', id);
  }
  async list(query: Parameters<TeamRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('teams', query.q, where, params);
    if (query.kind) {
      where.push('kind = ?');
      params.push(query.kind);
    }
    return keysetPage<TeamRecord>(this.db, 'teams', where, params, query);
  }
  async listStanding() {
    return selectDocs<TeamRecord>(this.db, 'SELECT doc FROM teams WHERE is_standing = 1 ORDER BY sort_key, id');
  }
}
