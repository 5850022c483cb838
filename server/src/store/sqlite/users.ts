/** SQLite repository of user accounts; team membership is also kept as rows (user_teams) for the team filters. */
import type { Database as Db } from 'better-sqlite3';
import type { UserRecord, UserRepository } from '../port.js';
import { userKeys } from '../searchKeys.js';
import { countRows, docOf, getDoc, keysetPage, searchClause, selectDocs, type Params } from './table.js';

export class SqliteUsers implements UserRepository {
  constructor(private readonly db: Db) {}
  private writeTeams(u: UserRecord) {
    this.db.prepare('DELETE FROM user_teams WHERE user_id = ?').run(u.id);
    const add = this.db.prepare('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)');
    for (const teamId of new Set(u.teamIds)) add.run(u.id, teamId);
  }
  async insert(u: UserRecord) {
    const k = userKeys(u);
    this.db
      .prepare(`INSERT INTO users (id, username, role, agency_id, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?,?)`)
      .run(u.id, u.username, u.role, u.agencyId, k.sortKey, k.searchText, u.version, JSON.stringify(u));
    this.writeTeams(u);
  }
  async update(u: UserRecord, expectedVersion: number) {
    const k = userKeys(u);
    const r = this.db
      .prepare(`UPDATE users SET username=?, role=?, agency_id=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(u.username, u.role, u.agencyId, k.sortKey, k.searchText, u.version, JSON.stringify(u), u.id, expectedVersion);
    if (r.changes === 1) this.writeTeams(u);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<UserRecord>(this.db, 'users', id);
  }
  async getByUsername(username: string) {
    return docOf<UserRecord>(this.db.prepare('SELECT doc FROM users WHERE username = ?').get(username));
  }
  async list(query: Parameters<UserRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('users', query.q, where, params);
    if (query.role) {
      where.push('role = ?');
      params.push(query.role);
    }
    if (query.agencyId) {
      where.push('agency_id = ?');
      params.push(query.agencyId);
    }
    if (query.teamId) {
      where.push('id IN (SELECT user_id FROM user_teams WHERE team_id = ?)');
      params.push(query.teamId);
    }
    return keysetPage<UserRecord>(this.db, 'users', where, params, query);
  }
  async listByTeam(teamId: string) {
    return selectDocs<UserRecord>(
      this.db,
      'SELECT doc FROM users WHERE id IN (SELECT user_id FROM user_teams WHERE team_id = ?) ORDER BY sort_key',
      teamId,
    );
  }
  async listByAgency(agencyId: string) {
    return selectDocs<UserRecord>(this.db, 'SELECT doc FROM users WHERE agency_id = ? ORDER BY sort_key', agencyId);
  }
  async count() {
    return countRows(this.db, 'users');
  }
}
