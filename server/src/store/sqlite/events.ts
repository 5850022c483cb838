/** SQLite repository of the event log: `seq` is the row id, so events are numbered in commit order. */
import type { Database as Db } from 'better-sqlite3';
import type { EventScope } from '@cert-hub/shared';
import type { EventRecord, EventRepository, NewEvent } from '../port.js';
import { listVisibleEventsAfter } from './eventFeed.js';

type EventRow = {
  seq: number;
  type: string;
  entity: string;
  entity_id: string;
  incident_id: string | null;
  version: number | null;
  at: string;
  actor_id: string | null;
  data: string;
};
const toEvent = (r: EventRow): EventRecord => ({
  seq: r.seq,
  type: r.type,
  entity: r.entity,
  entityId: r.entity_id,
  incidentId: r.incident_id,
  version: r.version,
  at: r.at,
  actorId: r.actor_id,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

export class SqliteEvents implements EventRepository {
  constructor(private readonly db: Db) {}
  async append(e: NewEvent) {
    const r = this.db
      .prepare(`INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)`)
      .run(e.type, e.entity, e.entityId, e.incidentId, e.version, e.at, e.actorId, JSON.stringify(e.data));
    return { ...e, seq: Number(r.lastInsertRowid) };
  }
  async listAfter(afterSeq: number, limit: number) {
    return (this.db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[]).map(toEvent);
  }
  async listForEntity(entity: string, entityId: string, limit: number) {
    return (
      this.db
        .prepare('SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY seq LIMIT ?')
        .all(entity, entityId, limit) as EventRow[]
    ).map(toEvent);
  }
  async lastSeq() {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM events').get() as { s: number }).s;
  }
  async listVisibleAfter(afterSeq: number, scope: EventScope, options: { limit: number; scanUpTo: number }) {
    return listVisibleEventsAfter(this.db, afterSeq, scope, options);
  }
}
