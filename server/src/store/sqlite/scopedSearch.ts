/**
 * Search within a scope (issue #11): a team's or an agency's incidents. The text index alone
 * (search.ts) finds every incident of the store containing the words' trigrams, in list order;
 * within a scope that holds few or none of them (a coordinator searching a phrase common in
 * other teams' incidents) the walk checked every match against the scope — 125k lookups for
 * "thay doi giao dien" at 1M incidents, and growing with the store.
 *
 * This index holds, per incident, one token per (scope, trigram) — each of its current teams
 * and its agency, times the trigrams of its words — so "these trigrams in this scope" is a
 * match of a few doclists that are empty when the scope has no such incident, and otherwise
 * walked in list order (rowids as in the text index) with early termination. It only narrows
 * the candidates: the list query still checks each row's words (LIKE) and scope (its columns).
 * Contentless and without positions, each token costs a byte or two per incident.
 */
import type { Database as Db } from 'better-sqlite3';

/** A scope's token prefix: team or agency id made of token characters (a shared prefix only widens candidates). */
const scopePrefix = (kind: 't' | 'a', id: string) =>
  kind +
  id
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 16);
export const searchScope = { team: (id: string) => scopePrefix('t', id), agency: (id: string) => scopePrefix('a', id) };

const gramToken = (scope: string, gram: string) => `${scope}x${Buffer.from(gram, 'utf8').toString('hex')}`;

/**
 * The trigrams the scoped index holds: those inside words (a query word's trigrams never cross
 * a space) without a digit. Codes, addresses and numbers make half an incident's trigrams; a
 * query is narrowed by its other trigrams (every word is then checked with LIKE), and a query
 * made only of digit trigrams is selective enough for the text index.
 */
export const isScopedTrigram = (gram: string) => !/\d/.test(gram);
export function wordTrigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(' ')) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const gram = chars.slice(i, i + 3).join('');
      if (isScopedTrigram(gram)) grams.add(gram);
    }
  }
  return grams;
}

/** The scoped index's document of an incident: every (scope, trigram) token. */
export function scopedSearchDoc(searchText: string, agencyId: string, teamIds: readonly string[]): string {
  const scopes = new Set([searchScope.agency(agencyId), ...teamIds.map(searchScope.team)]);
  // Each trigram hex-encoded once, not once per scope (every report writes this document).
  const encoded = [...wordTrigrams(searchText)].map((gram) => gramToken('', gram));
  const tokens: string[] = [];
  for (const scope of scopes) for (const gram of encoded) tokens.push(scope + gram);
  return tokens.join(' ');
}

/** The FTS5 query: every trigram the index holds, each in any of the scopes (null when it holds none of them). */
export function scopedMatch(trigrams: readonly string[], scopes: readonly string[]): string | null {
  const held = trigrams.filter(isScopedTrigram);
  if (held.length === 0) return null;
  return held.map((gram) => `(${[...new Set(scopes)].map((scope) => `"${gramToken(scope, gram)}"`).join(' OR ')})`).join(' AND ');
}

/** SQL function for the migration that builds the index of an existing store. */
export const SCOPED_SEARCH_DOC_FUNCTION = 'incident_scoped_search_doc';
export function registerScopedSearchFunction(db: Db): void {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  db.function(SCOPED_SEARCH_DOC_FUNCTION, { deterministic: true }, (searchText: unknown, agencyId: unknown, teamIds: unknown) =>
    scopedSearchDoc(text(searchText), text(agencyId), text(teamIds).split(' ').filter(Boolean)),
  );
}

export const SCOPED_SEARCH_MIGRATION = `
  CREATE VIRTUAL TABLE incidents_scoped_fts USING fts5(doc, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);
  INSERT INTO incidents_scoped_fts (rowid, doc)
    SELECT m.fts_rowid, ${SCOPED_SEARCH_DOC_FUNCTION}(i.search_text, i.agency_id,
      (SELECT group_concat(t.team_id, ' ') FROM incident_teams t WHERE t.incident_id = i.id))
    FROM incidents_fts_ids m JOIN incidents i ON i.id = m.id
    ORDER BY m.fts_rowid;
`;

/** What the scoped index's row of an incident is made of, read before a write. */
export interface ScopedSearchRow {
  /** Index rowids pass 2^53 (sort key × slot): read and written as BigInt, never as a JS number. */
  rowid: bigint | null;
  searchText: string;
  agencyId: string;
  teams: string;
}

/** The incident's list-order rowid, words and agency as stored, with the teams it is stored with. */
export function storedScopedSearchRow(db: Db, incidentId: string, teamIds: readonly string[]): ScopedSearchRow {
  const row = db
    .prepare(
      'SELECT m.fts_rowid AS rowid, i.search_text AS searchText, i.agency_id AS agencyId FROM incidents i JOIN incidents_fts_ids m ON m.id = i.id WHERE i.id = ?',
    )
    .safeIntegers(true)
    .get(incidentId) as { rowid: bigint; searchText: string; agencyId: string } | undefined;
  return {
    rowid: row?.rowid ?? null,
    searchText: row?.searchText ?? '',
    agencyId: row?.agencyId ?? '',
    teams: [...new Set(teamIds)].sort().join(' '),
  };
}

/** After an incident's write: rewrites its row when its rowid, words, teams or agency changed. */
export function writeScopedSearchRow(db: Db, incidentId: string, before: ScopedSearchRow | null, teamIds: readonly string[]): void {
  const after = storedScopedSearchRow(db, incidentId, teamIds);
  const same = (a: ScopedSearchRow) =>
    a.rowid === after.rowid && a.searchText === after.searchText && a.agencyId === after.agencyId && a.teams === after.teams;
  if (before && same(before)) return;
  if (before?.rowid != null) db.prepare('DELETE FROM incidents_scoped_fts WHERE rowid = ?').run(before.rowid);
  if (after.rowid !== null)
    db.prepare('INSERT INTO incidents_scoped_fts (rowid, doc) VALUES (?, ?)').run(
      after.rowid,
      scopedSearchDoc(after.searchText, after.agencyId, after.teams ? after.teams.split(' ') : []),
    );
}
