/** SQLite side of the report types (configuration of the reporting cycle). */
import type { Database as Db } from 'better-sqlite3';
import type { ReportTypeRecord, ReportTypeRepository } from '../reportTypes.js';

export class SqliteReportTypes implements ReportTypeRepository {
  constructor(private readonly db: Db) {}
  async insert(t: ReportTypeRecord) {
    this.db.prepare('INSERT INTO report_types (code, version, doc) VALUES (?,?,?)').run(t.code, t.version, JSON.stringify(t));
  }
  async update(t: ReportTypeRecord, expectedVersion: number) {
    const r = this.db
      .prepare('UPDATE report_types SET version = ?, doc = ? WHERE code = ? AND version = ?')
      .run(t.version, JSON.stringify(t), t.code, expectedVersion);
    return r.changes === 1;
  }
  async get(code: string) {
    const row = this.db.prepare('SELECT doc FROM report_types WHERE code = ?').get(code) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ReportTypeRecord) : null;
  }
  async list() {
    const rows = this.db.prepare('SELECT doc FROM report_types ORDER BY code').all() as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ReportTypeRecord);
  }
}
