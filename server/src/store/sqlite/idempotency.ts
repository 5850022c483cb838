/** SQLite repository of Idempotency-Key records, unique per (scope, key). */
import type { Database as Db } from 'better-sqlite3';
import type { IdempotencyRecord, IdempotencyRepository } from '../port.js';
import { docOf } from './table.js';

export class SqliteIdempotency implements IdempotencyRepository {
  constructor(private readonly db: Db) {}
  async get(scope: string, key: string) {
    return docOf<IdempotencyRecord>(this.db.prepare('SELECT doc FROM idempotency_keys WHERE scope = ? AND key = ?').get(scope, key));
  }
  async insert(r: IdempotencyRecord) {
    this.db.prepare('INSERT INTO idempotency_keys (scope, key, doc) VALUES (?, ?, ?)').run(r.scope, r.key, JSON.stringify(r));
  }
}
