/** SQLite adapter of SLA policies and escalation timers. */
import type { Database as Db } from 'better-sqlite3';
import type { SlaPolicyRecord, SlaPolicyRepository, SlaScope, SlaTimerRecord, SlaTimerRepository } from '../sla.js';
import { docOf, docsOf } from './table.js';

export class SqliteSlaPolicies implements SlaPolicyRepository {
  constructor(private readonly db: Db) {}
  async list() {
    return docsOf<SlaPolicyRecord>(this.db.prepare('SELECT doc FROM sla_policies ORDER BY scope').all());
  }
  async get(scope: SlaScope) {
    const row = this.db.prepare('SELECT doc FROM sla_policies WHERE scope = ?').get(scope);
    return docOf<SlaPolicyRecord>(row);
  }
  async upsert(p: SlaPolicyRecord) {
    this.db
      .prepare('INSERT INTO sla_policies (scope, doc) VALUES (?, ?) ON CONFLICT(scope) DO UPDATE SET doc = excluded.doc')
      .run(p.scope, JSON.stringify(p));
  }
  async remove(scope: SlaScope) {
    return this.db.prepare('DELETE FROM sla_policies WHERE scope = ?').run(scope).changes === 1;
  }
}

export class SqliteSlaTimers implements SlaTimerRepository {
  constructor(private readonly db: Db) {}
  async get(incidentId: string) {
    const row = this.db.prepare('SELECT doc FROM sla_timers WHERE incident_id = ?').get(incidentId);
    return docOf<SlaTimerRecord>(row);
  }
  async put(t: SlaTimerRecord) {
    this.db
      .prepare(
        `INSERT INTO sla_timers (incident_id, step, due_at, doc) VALUES (?,?,?,?)
         ON CONFLICT(incident_id) DO UPDATE SET step = excluded.step, due_at = excluded.due_at, doc = excluded.doc`,
      )
      .run(t.incidentId, t.step, t.dueAt, JSON.stringify(t));
  }
  async remove(incidentId: string) {
    this.db.prepare('DELETE FROM sla_timers WHERE incident_id = ?').run(incidentId);
  }
  async listDue(now: string, limit: number) {
    return docsOf<SlaTimerRecord>(this.db.prepare('SELECT doc FROM sla_timers WHERE due_at <= ? ORDER BY due_at LIMIT ?').all(now, limit));
  }
  async nextDueAt() {
    return (this.db.prepare('SELECT min(due_at) AS at FROM sla_timers').get() as { at: string | null }).at;
  }
  async advance(current: SlaTimerRecord, next: SlaTimerRecord) {
    const r = this.db
      .prepare('UPDATE sla_timers SET step = ?, due_at = ?, doc = ? WHERE incident_id = ? AND step = ? AND due_at = ?')
      .run(next.step, next.dueAt, JSON.stringify(next), current.incidentId, current.step, current.dueAt);
    return r.changes === 1;
  }
}
