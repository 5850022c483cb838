/** SQLite repository of information systems (searchable, keyset-paged, filtered by agency and level). */
import type { Database as Db } from 'better-sqlite3';
import type { SystemRecord, SystemRepository } from '../port.js';
import { systemKeys } from '../searchKeys.js';
import { getDoc, inList, keysetPage, searchClause, selectDocs, type Params } from './table.js';

export class SqliteSystems implements SystemRepository {
  constructor(private readonly db: Db) {}
  async insert(s: SystemRecord) {
    const k = systemKeys(s);
    this.db
      .prepare(`INSERT INTO systems (id, agency_id, level, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(s.id, s.agencyId, s.level, k.sortKey, k.searchText, s.version, JSON.stringify(s));
  }
  async update(s: SystemRecord, expectedVersion: number) {
    const k = systemKeys(s);
    const r = this.db
      .prepare(`UPDATE systems SET agency_id=?, level=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(s.agencyId, s.level, k.sortKey, k.searchText, s.version, JSON.stringify(s), s.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<SystemRecord>(this.db, 'systems', id);
  }
  async list(query: Parameters<SystemRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('systems', query.q, where, params);
    if (query.agencyIds) {
      if (query.agencyIds.length === 0) return { items: [], nextCursor: null };
      inList(where, params, 'agency_id', query.agencyIds);
    }
    if (query.level) {
      where.push('level = ?');
      params.push(query.level);
    }
    return keysetPage<SystemRecord>(this.db, 'systems', where, params, query);
  }
  async reassignAgency(fromAgencyId: string, toAgencyId: string, at: string) {
    const systems = selectDocs<SystemRecord>(this.db, 'SELECT doc FROM systems WHERE agency_id = ?', fromAgencyId);
    for (const s of systems) await this.update({ ...s, agencyId: toAgencyId, version: s.version + 1, updatedAt: at }, s.version);
    return systems.length;
  }
}
