/**
 * Dense list-order rowids for the incidents' search indexes (issue #11, storage).
 *
 * Both incident search indexes (search.ts `incidents_fts`, scopedSearch.ts
 * `incidents_scoped_fts`) are walked in rowid order so that a search stops after one page: an
 * incident's index rowid must follow the list order, (sort_key, id) ascending. Rowids used to
 * be the sort key (milliseconds) × 1024 + a serial, so consecutive incidents' rowids were far
 * apart and every posting cost a ~5-byte varint delta. Here rowids are ranks in list order,
 * LIST_ORDER_GAP apart, so a posting's delta is mostly a single byte (about 500 B less per
 * incident for the two indexes).
 *
 * An incident takes the rowid between its neighbours in list order: before the first (a new
 * report — the usual case), after the last (a store filled oldest-last), or halfway between two.
 * When two neighbours have no rowid left between them (several reports in the same millisecond
 * landing in the same gap), the following rows whose rowids are packed are shifted up by one,
 * each moved in both indexes; the shift stops at the first gap, so it touches only that cluster.
 *
 * `incidents_fts_ids` maps rowids to incident ids; the incidents repository (incidents.ts) calls
 * `placeIncident` after inserting an incident or changing its sort key and `unplaceIncident`
 * before the change, then writes the scoped row (scopedSearch.ts) from the rowid placed here.
 */
import type { Database as Db } from 'better-sqlite3';
import { SCOPED_SEARCH_MIGRATION, scopedSearchDoc } from './scopedSearch.js';

/** Distance between neighbours' rowids when placed at either end: room to place a few between. */
export const LIST_ORDER_GAP = 4;
/** The first incident's rowid: far from both ends of the 64-bit range, small enough for a JS number. */
export const FIRST_LIST_ORDER_ROWID = 2 ** 32;

interface Neighbour {
  rowid: number;
}

/** The rowid of the incident just before (`<`) or just after (`>`) the given list position. */
function neighbour(db: Db, side: 'before' | 'after', sortKey: string, id: string): number | null {
  const sql =
    side === 'before'
      ? `SELECT m.fts_rowid AS rowid FROM incidents i CROSS JOIN incidents_fts_ids m ON m.id = i.id
         WHERE (i.sort_key, i.id) < (?, ?) ORDER BY i.sort_key DESC, i.id DESC LIMIT 1`
      : `SELECT m.fts_rowid AS rowid FROM incidents i CROSS JOIN incidents_fts_ids m ON m.id = i.id
         WHERE (i.sort_key, i.id) > (?, ?) ORDER BY i.sort_key, i.id LIMIT 1`;
  return (db.prepare(sql).get(sortKey, id) as Neighbour | undefined)?.rowid ?? null;
}

interface IndexedIncident {
  id: string;
  searchText: string;
  agencyId: string;
}

const storedIncident = (db: Db, id: string) =>
  db.prepare('SELECT id, search_text AS searchText, agency_id AS agencyId FROM incidents WHERE id = ?').get(id) as
    IndexedIncident | undefined;

/** The scoped index's document of a stored incident, from its stored words, agency and team rows. */
function storedScopedDoc(db: Db, incident: IndexedIncident): string {
  const teams = db.prepare('SELECT team_id FROM incident_teams WHERE incident_id = ?').all(incident.id) as { team_id: string }[];
  return scopedSearchDoc(
    incident.searchText,
    incident.agencyId,
    teams.map((t) => t.team_id),
  );
}

/** Moves an incident's index rows from one rowid to a free one. */
function move(db: Db, from: number, to: number): void {
  const row = db.prepare('SELECT id FROM incidents_fts_ids WHERE fts_rowid = ?').get(from) as { id: string };
  const incident = storedIncident(db, row.id)!;
  db.prepare('UPDATE incidents_fts_ids SET fts_rowid = ? WHERE fts_rowid = ?').run(to, from);
  db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run(from);
  db.prepare('INSERT INTO incidents_fts (rowid, search_text) VALUES (?, ?)').run(to, incident.searchText);
  // An incident being inserted has no scoped row yet; one placed earlier has (incidents.ts).
  const scoped = db.prepare('DELETE FROM incidents_scoped_fts WHERE rowid = ?').run(from);
  if (scoped.changes > 0) db.prepare('INSERT INTO incidents_scoped_fts (rowid, doc) VALUES (?, ?)').run(to, storedScopedDoc(db, incident));
}

/**
 * The rowid for an incident at (sortKey, id) in list order, making room when its neighbours'
 * rowids are adjacent (shifting the packed rows after it up by one).
 */
function rowidFor(db: Db, sortKey: string, id: string): number {
  const before = neighbour(db, 'before', sortKey, id);
  const after = neighbour(db, 'after', sortKey, id);
  if (before === null && after === null) return FIRST_LIST_ORDER_ROWID;
  if (before === null) return after! - LIST_ORDER_GAP;
  if (after === null) return before + LIST_ORDER_GAP;
  if (after - before >= 2) return before + Math.floor((after - before) / 2);
  // The k-th row after the new one must end above before + 1 + k: the packed ones move, last first.
  const following = db
    .prepare('SELECT fts_rowid AS rowid FROM incidents_fts_ids WHERE fts_rowid > ? ORDER BY fts_rowid')
    .iterate(before) as IterableIterator<Neighbour>;
  const packed: number[] = [];
  for (const row of following) {
    if (row.rowid > before + packed.length + 1) break;
    packed.push(row.rowid);
  }
  for (let k = packed.length - 1; k >= 0; k--) move(db, packed[k]!, before + k + 2);
  return before + 1;
}

/** Adds a stored incident to the text index at its list-order rowid (its scoped row is written by the caller). */
export function placeIncident(db: Db, id: string): void {
  const row = db.prepare('SELECT sort_key AS sortKey, search_text AS searchText FROM incidents WHERE id = ?').get(id) as
    { sortKey: string; searchText: string } | undefined;
  if (!row) return;
  const rowid = rowidFor(db, row.sortKey, id);
  db.prepare('INSERT INTO incidents_fts_ids (fts_rowid, id) VALUES (?, ?)').run(rowid, id);
  db.prepare('INSERT INTO incidents_fts (rowid, search_text) VALUES (?, ?)').run(rowid, row.searchText);
}

/** Removes an incident's rows from both search indexes (before its sort key changes). */
export function unplaceIncident(db: Db, id: string): void {
  const row = db.prepare('SELECT fts_rowid AS rowid FROM incidents_fts_ids WHERE id = ?').get(id) as Neighbour | undefined;
  if (!row) return;
  db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run(row.rowid);
  db.prepare('DELETE FROM incidents_scoped_fts WHERE rowid = ?').run(row.rowid);
  db.prepare('DELETE FROM incidents_fts_ids WHERE fts_rowid = ?').run(row.rowid);
}

/** After an incident's words changed (same sort key): its text index row follows. */
export function rewriteIncidentText(db: Db, id: string, searchText: string): void {
  const row = db.prepare('SELECT fts_rowid AS rowid FROM incidents_fts_ids WHERE id = ?').get(id) as Neighbour | undefined;
  if (!row) return;
  db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run(row.rowid);
  db.prepare('INSERT INTO incidents_fts (rowid, search_text) VALUES (?, ?)').run(row.rowid, searchText);
}

/**
 * Migration: renumbers every incident in list order, LIST_ORDER_GAP apart, and rebuilds both
 * indexes at those rowids (set-based; the text index's triggers give way to placeIncident).
 * Runs after the scoped index's migration, whose SQL function it uses.
 */
export const LIST_ORDER_ROWIDS_MIGRATION = `
  DROP TRIGGER IF EXISTS incidents_fts_insert;
  DROP TRIGGER IF EXISTS incidents_fts_update;
  DROP TRIGGER IF EXISTS incidents_fts_reorder;
  DROP TRIGGER IF EXISTS incidents_fts_delete;
  DROP TABLE incidents_fts;
  DROP TABLE incidents_scoped_fts;
  DELETE FROM incidents_fts_ids;
  INSERT INTO incidents_fts_ids (fts_rowid, id)
    SELECT ${FIRST_LIST_ORDER_ROWID} + ${LIST_ORDER_GAP} * (ROW_NUMBER() OVER (ORDER BY sort_key, id) - 1), id FROM incidents
    ORDER BY sort_key, id;
  CREATE VIRTUAL TABLE incidents_fts USING fts5(search_text, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none);
  INSERT INTO incidents_fts (rowid, search_text)
    SELECT m.fts_rowid, i.search_text FROM incidents_fts_ids m JOIN incidents i ON i.id = m.id ORDER BY m.fts_rowid;
  INSERT INTO incidents_fts (incidents_fts) VALUES ('optimize');
  ${SCOPED_SEARCH_MIGRATION}
  INSERT INTO incidents_scoped_fts (incidents_scoped_fts) VALUES ('optimize');
`;
