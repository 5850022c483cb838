/** SQLite repository of playbooks, one per incident category. */
import type { Database as Db } from 'better-sqlite3';
import type { PlaybookRecord, PlaybookRepository } from '../port.js';
import { getDoc, selectDocs } from './table.js';

export class SqlitePlaybooks implements PlaybookRepository {
  constructor(private readonly db: Db) {}
  async get(category: string) {
    return getDoc<PlaybookRecord>(this.db, 'playbooks', category, 'category');
  }
  async upsert(p: PlaybookRecord) {
    this.db
      .prepare('INSERT INTO playbooks (category, doc) VALUES (?, ?) ON CONFLICT(category) DO UPDATE SET doc = excluded.doc')
      .run(p.category, JSON.stringify(p));
  }
  async list() {
    return selectDocs<PlaybookRecord>(this.db, 'SELECT doc FROM playbooks ORDER BY category');
  }
}
