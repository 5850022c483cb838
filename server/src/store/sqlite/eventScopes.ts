/**
 * The catch-up feed's index (issue #11): one row (scope, seq) per incident event and per scope
 * that may see it now — each of the incident's current teams, and its agency for the
 * agency-visible kinds — so a narrow user's feed is an index range over their own events
 * instead of a walk of the whole log. Scopes are named like the socket rooms (`team:<id>`,
 * `agency:<id>`) and stored as small integers (`feed_scopes`): a row costs a few bytes.
 *
 * The rows follow the incident's CURRENT teams and agency (the access rule): an event gets
 * the rows of its incident's scopes when appended, and a change of an incident's teams or
 * agency moves the rows of all its events (one index range on `events_incident`).
 */
import type { Database as Db } from 'better-sqlite3';
import { AGENCY_VISIBLE_COMMENT_EVENT, AGENCY_VISIBLE_EVENT_TYPES, isAgencyVisibleEvent, ROOMS } from '@cert-hub/shared';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `isAgencyVisibleEvent` as SQL over an `events` row aliased `e` (for the migration and agency moves). */
const AGENCY_VISIBLE_SQL = `(e.type IN (${AGENCY_VISIBLE_EVENT_TYPES.map(sqlText).join(', ')})
  OR (e.type = ${sqlText(AGENCY_VISIBLE_COMMENT_EVENT.type)} AND json_extract(e.data, '$.visibility') = ${sqlText(AGENCY_VISIBLE_COMMENT_EVENT.visibility)}))`;

const TEAM_PREFIX = ROOMS.team('');
const AGENCY_PREFIX = ROOMS.agency('');

/** The migration that builds the index for an existing store (sorted, so the b-tree is written in order). */
export const EVENT_SCOPES_MIGRATION = `
  CREATE TABLE feed_scopes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE event_scopes (scope_id INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (scope_id, seq)) WITHOUT ROWID;
  INSERT OR IGNORE INTO feed_scopes (name) SELECT DISTINCT ${sqlText(TEAM_PREFIX)} || team_id FROM incident_teams;
  INSERT OR IGNORE INTO feed_scopes (name) SELECT DISTINCT ${sqlText(AGENCY_PREFIX)} || agency_id FROM incidents;
  INSERT INTO event_scopes (scope_id, seq)
    SELECT s.id, e.seq FROM events e
      JOIN incident_teams t ON t.incident_id = e.incident_id
      JOIN feed_scopes s ON s.name = ${sqlText(TEAM_PREFIX)} || t.team_id
    WHERE e.entity = 'incident'
    UNION
    SELECT s.id, e.seq FROM events e
      JOIN incidents i ON i.id = e.incident_id
      JOIN feed_scopes s ON s.name = ${sqlText(AGENCY_PREFIX)} || i.agency_id
    WHERE e.entity = 'incident' AND ${AGENCY_VISIBLE_SQL}
    ORDER BY 1, 2;
`;

const teamScope = (teamId: string) => ROOMS.team(teamId);
const agencyScope = (agencyId: string) => ROOMS.agency(agencyId);

function scopeId(db: Db, name: string): number {
  const find = () => db.prepare('SELECT id FROM feed_scopes WHERE name = ?').get(name) as { id: number } | undefined;
  const found = find();
  if (found) return found.id;
  db.prepare('INSERT INTO feed_scopes (name) VALUES (?)').run(name);
  return find()!.id;
}

/** The ids of the named scopes that exist (a scope nobody was ever routed to has no events). */
export function existingScopeIds(db: Db, names: string[]): number[] {
  if (names.length === 0) return [];
  const rows = db.prepare(`SELECT id FROM feed_scopes WHERE name IN (${names.map(() => '?').join(',')})`).all(...names) as { id: number }[];
  return rows.map((r) => r.id);
}

export const feedScopeNames = { team: teamScope, agency: agencyScope };

/** The rows of a newly appended incident event: its incident's current teams, and its agency if the kind is agency-visible. */
export function indexAppendedEvent(db: Db, seq: number, incidentId: string, type: string, data: Record<string, unknown>): void {
  db.prepare(
    `INSERT OR IGNORE INTO event_scopes (scope_id, seq)
     SELECT s.id, ? FROM incident_teams t JOIN feed_scopes s ON s.name = ${sqlText(TEAM_PREFIX)} || t.team_id WHERE t.incident_id = ?`,
  ).run(seq, incidentId);
  if (isAgencyVisibleEvent(type, data))
    db.prepare(
      `INSERT OR IGNORE INTO event_scopes (scope_id, seq)
       SELECT s.id, ? FROM incidents i JOIN feed_scopes s ON s.name = ${sqlText(AGENCY_PREFIX)} || i.agency_id WHERE i.id = ?`,
    ).run(seq, incidentId);
}

/** Who may see an incident's events, as stored before a write. */
export interface IncidentScopes {
  teamIds: readonly string[];
  agencyId: string | null;
}

/**
 * After an incident is written: makes sure its scopes exist, and moves its events' rows when
 * its teams or agency changed (events appended before the incident was inserted get theirs here).
 */
export function moveIncidentEventScopes(
  db: Db,
  incidentId: string,
  before: IncidentScopes,
  after: IncidentScopes & { agencyId: string },
): void {
  const was = new Set(before.teamIds);
  const is = new Set(after.teamIds);
  // A new incident usually has no events yet (they are appended after it): nothing to move.
  const hasEvents = db.prepare('SELECT 1 FROM events WHERE incident_id = ? LIMIT 1').get(incidentId) !== undefined;
  if (!hasEvents) {
    for (const teamId of is) if (!was.has(teamId)) scopeId(db, teamScope(teamId));
    if (before.agencyId !== after.agencyId) scopeId(db, agencyScope(after.agencyId));
    return;
  }
  for (const teamId of is)
    if (!was.has(teamId))
      db.prepare(
        `INSERT OR IGNORE INTO event_scopes (scope_id, seq) SELECT ?, seq FROM events WHERE incident_id = ? AND entity = 'incident'`,
      ).run(scopeId(db, teamScope(teamId)), incidentId);
  for (const teamId of was) if (!is.has(teamId)) dropRows(db, teamScope(teamId), incidentId);
  if (before.agencyId === after.agencyId) return;
  if (before.agencyId !== null) dropRows(db, agencyScope(before.agencyId), incidentId);
  db.prepare(
    `INSERT OR IGNORE INTO event_scopes (scope_id, seq)
     SELECT ?, e.seq FROM events e WHERE e.incident_id = ? AND e.entity = 'incident' AND ${AGENCY_VISIBLE_SQL}`,
  ).run(scopeId(db, agencyScope(after.agencyId)), incidentId);
}

function dropRows(db: Db, scope: string, incidentId: string) {
  const [id] = existingScopeIds(db, [scope]);
  if (id === undefined) return;
  db.prepare(`DELETE FROM event_scopes WHERE scope_id = ? AND seq IN (SELECT seq FROM events WHERE incident_id = ?)`).run(id, incidentId);
}

/**
 * The seqs after `afterSeq` (up to `upTo`) the scopes may see, in order, at most `limit`:
 * one index range per scope, each cut at `limit` before they are merged.
 */
export function visibleSeqsSql(scopeCount: number): string {
  const range = `SELECT seq FROM (SELECT seq FROM event_scopes WHERE scope_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?)`;
  return Array.from({ length: scopeCount }, () => range).join(' UNION ');
}
