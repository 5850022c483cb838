/** SQLite repository of sectors, keyed by their code. */
import type { Database as Db } from 'better-sqlite3';
import type { SectorRecord, SectorRepository } from '../port.js';
import { getDoc, selectDocs } from './table.js';

export class SqliteSectors implements SectorRepository {
  constructor(private readonly db: Db) {}
  async upsert(s: SectorRecord) {
    this.db
      .prepare('INSERT INTO sectors (code, doc) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET doc = excluded.doc')
      .run(s.code, JSON.stringify(s));
  }
  async get(code: string) {
    return getDoc<SectorRecord>(this.db, 'sectors', code, 'code');
  }
  async list() {
    return selectDocs<SectorRecord>(this.db, 'SELECT doc FROM sectors ORDER BY code');
  }
}
