/** SQLite repository of the event log: `seq` is the row id, so events are numbered in commit order; and the catch-up feed's query (over eventScopes.ts). */
import type { Database as Db } from 'better-sqlite3';
import type { EventScope, IncidentStatus } from '@cert-hub/shared';
import type { EventRecord, EventRepository, NewEvent } from '../port.js';
import { decodeEventData, encodeEventData } from './eventData.js';
import { existingScopeIds, feedScopeNames, indexAppendedEvent, visibleSeqsSql } from './eventScopes.js';
import { statsOnStatusChanged } from './statsAggregates.js';

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
  data: decodeEventData(r.type, r.data),
});

/**
 * The catch-up feed's query: the incident events after `afterSeq` (up to `scanUpTo`) that a
 * scope may see. A narrow scope reads its own rows of the feed index (eventScopes.ts): one
 * index range per team or for the agency, cut at `limit`, whatever the size of the log.
 */
function listVisibleEventsAfter(db: Db, afterSeq: number, scope: EventScope, options: { limit: number; scanUpTo: number }): EventRecord[] {
  if (scope.kind === 'none') return [];
  if (scope.kind === 'all')
    return (
      db
        .prepare(
          `SELECT * FROM events WHERE seq > ? AND seq <= ? AND +entity = 'incident' AND incident_id IS NOT NULL ORDER BY seq LIMIT ?`,
        )
        .all(afterSeq, options.scanUpTo, options.limit) as EventRow[]
    ).map(toEvent);
  const names = scope.kind === 'teams' ? [...new Set(scope.teamIds)].map(feedScopeNames.team) : [feedScopeNames.agency(scope.agencyId)];
  const ids = existingScopeIds(db, names);
  if (ids.length === 0) return [];
  const params = ids.flatMap((id) => [id, afterSeq, options.scanUpTo, options.limit]);
  const sql = `SELECT e.* FROM (${visibleSeqsSql(ids.length)}) AS visible CROSS JOIN events e ON e.seq = visible.seq ORDER BY visible.seq LIMIT ?`;
  return (db.prepare(sql).all(...params, options.limit) as EventRow[]).map(toEvent);
}

export class SqliteEvents implements EventRepository {
  constructor(private readonly db: Db) {}
  async append(e: NewEvent) {
    const r = this.db
      .prepare(`INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)`)
      .run(e.type, e.entity, e.entityId, e.incidentId, e.version, e.at, e.actorId, encodeEventData(e.type, e.data));
    const seq = Number(r.lastInsertRowid);
    if (e.entity === 'incident' && e.incidentId) indexAppendedEvent(this.db, seq, e.incidentId, e.type, e.data);
    if (e.type === 'incident.status_changed' && e.entity === 'incident')
      statsOnStatusChanged(this.db, e.entityId, { ...(e.data as { from: IncidentStatus; to: IncidentStatus }), at: e.at });
    return { ...e, seq };
  }
  async listAfter(afterSeq: number, limit: number) {
    return (this.db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[]).map(toEvent);
  }
  async listForEntity(entity: string, entityId: string, limit: number) {
    // An incident's own events carry its id as incident_id and are read by that index;
    // events_entity holds only the other entities' events (storageMigration.ts).
    const sql =
      entity === 'incident'
        ? `SELECT * FROM events WHERE incident_id = ? AND entity = ? AND entity_id = ? ORDER BY seq LIMIT ?`
        : `SELECT * FROM events WHERE entity <> 'incident' AND entity = ? AND entity_id = ? ORDER BY seq LIMIT ?`;
    const params = entity === 'incident' ? [entityId, entity, entityId, limit] : [entity, entityId, limit];
    return (this.db.prepare(sql).all(...params) as EventRow[]).map(toEvent);
  }
  async lastSeq() {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM events').get() as { s: number }).s;
  }
  async listVisibleAfter(afterSeq: number, scope: EventScope, options: { limit: number; scanUpTo: number }) {
    return listVisibleEventsAfter(this.db, afterSeq, scope, options);
  }
}
