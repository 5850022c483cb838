/** SQLite repository of named counters (incident codes): one atomic upsert per increment. */
import type { Database as Db } from 'better-sqlite3';
import type { CounterRepository } from '../port.js';

export class SqliteCounters implements CounterRepository {
  constructor(private readonly db: Db) {}
  async next(name: string) {
    const row = this.db
      .prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
      .get(name) as { value: number };
    return row.value;
  }
}
