/** SQLite adapter of the drill repository: JSON documents with the columns the scheduler and year view query. */
import type { Database as Db } from 'better-sqlite3';
import type { DrillPlanRecord, DrillRecord, DrillRepository } from '../drills.js';
import type { PageQuery } from '../port.js';
import { getDoc, keysetPage, selectDocs, type Params } from './table.js';

export const drillSortKey = (d: DrillRecord) => `${d.year}|${d.scheduledStart ?? d.heldOn ?? d.createdAt}`;

export class SqliteDrills implements DrillRepository {
  constructor(private readonly db: Db) {}

  private columns(d: DrillRecord) {
    return [drillSortKey(d), d.year, d.status, d.nextDueAt, d.version, JSON.stringify(d)];
  }
  async insert(d: DrillRecord) {
    this.db
      .prepare('INSERT INTO drills (id, sort_key, year, status, next_due_at, version, doc) VALUES (?,?,?,?,?,?,?)')
      .run(d.id, ...this.columns(d));
  }
  async update(d: DrillRecord, expectedVersion: number) {
    const r = this.db
      .prepare('UPDATE drills SET sort_key=?, year=?, status=?, next_due_at=?, version=?, doc=? WHERE id=? AND version=?')
      .run(...this.columns(d), d.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<DrillRecord>(this.db, 'drills', id);
  }
  async list(query: PageQuery & { year?: number | undefined }) {
    const where: string[] = [];
    const params: Params = [];
    if (query.year !== undefined) {
      where.push('year = ?');
      params.push(query.year);
    }
    return keysetPage<DrillRecord>(this.db, 'drills', where, params, query);
  }
  async listByYear(year: number) {
    return selectDocs<DrillRecord>(this.db, 'SELECT doc FROM drills WHERE year = ? ORDER BY sort_key, id', year);
  }
  async listDue(at: string) {
    return selectDocs<DrillRecord>(
      this.db,
      `SELECT doc FROM drills WHERE status = 'running' AND next_due_at IS NOT NULL AND next_due_at <= ? ORDER BY next_due_at`,
      at,
    );
  }
  async getNextDueAt() {
    const row = this.db.prepare(`SELECT min(next_due_at) AS due FROM drills WHERE status = 'running'`).get() as { due: string | null };
    return row.due ?? null;
  }
  async getPlan(year: number) {
    return getDoc<DrillPlanRecord>(this.db, 'drill_plans', year, 'year');
  }
  async upsertPlan(plan: DrillPlanRecord) {
    this.db
      .prepare('INSERT INTO drill_plans (year, doc) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET doc = excluded.doc')
      .run(plan.year, JSON.stringify(plan));
  }
}
