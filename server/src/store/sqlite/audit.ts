/** SQLite adapter of the audit log: one row per entry, columns for every search filter. */
import type { Database as Db } from 'better-sqlite3';
import { pageStart, toPage } from '../cursor.js';
import type { AuditQuery, AuditRecord, AuditRepository } from '../audit.js';

type AuditRow = {
  seq: number;
  event_seq: number;
  at: string;
  type: string;
  entity: string;
  entity_id: string;
  incident_id: string | null;
  actor_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
};

const toAudit = (r: AuditRow): AuditRecord => ({
  seq: r.seq,
  eventSeq: r.event_seq,
  at: r.at,
  type: r.type,
  entity: r.entity,
  entityId: r.entity_id,
  incidentId: r.incident_id,
  actorId: r.actor_id,
  data: JSON.parse(r.data) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class SqliteAudit implements AuditRepository {
  constructor(private readonly db: Db) {}
  async last() {
    const r = this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow | undefined;
    return r ? toAudit(r) : null;
  }
  async insert(e: AuditRecord) {
    this.db
      .prepare(
        `INSERT INTO audit_log (seq, event_seq, at, type, entity, entity_id, incident_id, actor_id, data, prev_hash, hash)
         VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(e.seq, e.eventSeq, e.at, e.type, e.entity, e.entityId, e.incidentId, e.actorId, JSON.stringify(e.data), e.prevHash, e.hash);
  }
  async listAfter(afterSeq: number, limit: number) {
    return (this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as AuditRow[]).map(toAudit);
  }
  async list(query: AuditQuery) {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('type', query.type);
    equal('entity', query.entity);
    equal('entity_id', query.entityId);
    equal('incident_id', query.incidentId);
    equal('actor_id', query.actorId);
    if (query.from) {
      where.push('at >= ?');
      params.push(new Date(query.from).toISOString());
    }
    if (query.to) {
      where.push('at <= ?');
      params.push(new Date(query.to).toISOString());
    }
    const start = pageStart(query, (p) => /^\d+$/.test(p.id));
    if (start) {
      where.push('seq < ?');
      params.push(Number(start.id));
    }
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...params, query.limit + 1) as AuditRow[];
    return toPage(rows, query.limit, (row) => ({ key: '', id: String(row.seq) }), toAudit);
  }
}
