/**
 * The catch-up feed's query: the incident events in a bounded seq window that a scope may
 * see, filtered in SQL (by the incident's current teams or agency, and for the agency side by
 * the agency-visible kinds) so a user who may see little of the log costs little.
 *
 * The scan walks the seq window in order and stops at `limit` visible events: each event is
 * checked against its own incident (one primary-key lookup), never the other way round —
 * listing the agency's incidents first, or the whole log's incident events by the `entity`
 * index, costs time in proportion to the store (12× slower from 1k to 10k incidents).
 */
import type { Database as Db } from 'better-sqlite3';
import { AGENCY_VISIBLE_COMMENT_EVENT, AGENCY_VISIBLE_EVENT_TYPES, type EventScope } from '@cert-hub/shared';
import type { EventRecord } from '../port.js';

interface Row {
  seq: number;
  type: string;
  entity: string;
  entity_id: string;
  incident_id: string | null;
  version: number | null;
  at: string;
  actor_id: string | null;
  data: string;
}

export function listVisibleEventsAfter(
  db: Db,
  afterSeq: number,
  scope: EventScope,
  options: { limit: number; scanUpTo: number },
): EventRecord[] {
  if (scope.kind === 'none' || (scope.kind === 'teams' && scope.teamIds.length === 0)) return [];
  // `+e.entity`: keep the planner on the seq range (the primary key) instead of the entity index.
  const where = [`e.seq > ?`, `e.seq <= ?`, `+e.entity = 'incident'`, `e.incident_id IS NOT NULL`];
  const params: unknown[] = [afterSeq, options.scanUpTo];
  if (scope.kind === 'teams') {
    where.push(
      `EXISTS (SELECT 1 FROM incident_teams t WHERE t.incident_id = e.incident_id AND t.team_id IN (${scope.teamIds.map(() => '?').join(',')}))`,
    );
    params.push(...scope.teamIds);
  }
  if (scope.kind === 'agency') {
    where.push(
      `(e.type IN (${AGENCY_VISIBLE_EVENT_TYPES.map(() => '?').join(',')}) OR (e.type = ? AND json_extract(e.data, '$.visibility') = ?))`,
    );
    params.push(...AGENCY_VISIBLE_EVENT_TYPES, AGENCY_VISIBLE_COMMENT_EVENT.type, AGENCY_VISIBLE_COMMENT_EVENT.visibility);
    where.push(`EXISTS (SELECT 1 FROM incidents i WHERE i.id = e.incident_id AND i.agency_id = ?)`);
    params.push(scope.agencyId);
  }
  params.push(options.limit);
  const rows = db.prepare(`SELECT e.* FROM events e WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT ?`).all(...params) as Row[];
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    entity: r.entity,
    entityId: r.entity_id,
    incidentId: r.incident_id,
    version: r.version,
    at: r.at,
    actorId: r.actor_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
