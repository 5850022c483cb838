/** SQLite repository of agencies (searchable, keyset-paged by name). */
import type { Database as Db } from 'better-sqlite3';
import type { AgencyRecord, AgencyRepository } from '../port.js';
import { agencyKeys } from '../searchKeys.js';
import { countRows, getDoc, keysetPage, searchClause, type Params } from './table.js';

export class SqliteAgencies implements AgencyRepository {
  constructor(private readonly db: Db) {}
  async insert(a: AgencyRecord) {
    const k = agencyKeys(a);
    this.db
      .prepare(`INSERT INTO agencies (id, sort_key, search_text, type, merged_into_id, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(a.id, k.sortKey, k.searchText, a.type, a.mergedIntoId, a.version, JSON.stringify(a));
  }
  async update(a: AgencyRecord, expectedVersion: number) {
    const k = agencyKeys(a);
    const r = this.db
      .prepare(`UPDATE agencies SET sort_key=?, search_text=?, type=?, merged_into_id=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(k.sortKey, k.searchText, a.type, a.mergedIntoId, a.version, JSON.stringify(a), a.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<AgencyRecord>(this.db, 'agencies', id);
  }
  async list(query: Parameters<AgencyRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('agencies', query.q, where, params);
    if (query.type) {
      where.push('type = ?');
      params.push(query.type);
    }
    if (!query.includeMerged) where.push('merged_into_id IS NULL');
    return keysetPage<AgencyRecord>(this.db, 'agencies', where, params, query);
  }
  async count() {
    return countRows(this.db, 'agencies');
  }
}
