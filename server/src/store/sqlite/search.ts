/**
 * Full-text search on SQLite (issue #11): a contentless FTS5 trigram index with `detail=none`
 * per searchable table. The index holds only which rows contain each trigram — no copy of
 * the text (the table's own `search_text` has it) and no positions — about a seventh of the
 * bytes of a trigram index that keeps both. Without positions FTS5 cannot match a phrase, so a
 * query word is looked up as the set of its trigrams and the rows found are checked with
 * `LIKE` against the row's own text: words match in any order, inside words too, with no
 * false hit.
 *
 * `<table>_fts_ids` maps the index's rowids to the table's ids (a table's implicit rowid may
 * change under VACUUM). Incidents' index rowids follow the list order (newest first,
 * listOrderRowids.ts), so a search walks the index in order and stops after one page, however
 * many incidents match.
 */
import type { Database as Db } from 'better-sqlite3';
import { normalizeSearch } from '@cert-hub/shared';

type Params = (string | number | null)[];

/**
 * The first layout of incidents' index rowids (kept for the migration that built it): rows reported
 * in the same millisecond share a sort key, up to this many index rowids per key. Stores now
 * number incidents densely in list order (listOrderRowids.ts).
 */
const ROWIDS_PER_SORT_KEY = 1024;
/** Index rowid of an incident: its sort key (newest first) times ROWIDS_PER_SORT_KEY, plus a serial. */
const incidentRowidBase = (sortKey: string) => `(CAST(${sortKey} AS INTEGER) * ${ROWIDS_PER_SORT_KEY})`;

/** The migration that (re)builds a table's search index in this design from `search_text`. */
export function searchIndexSql(table: string, opts: { orderedBySortKey: boolean }): string {
  const newRowid = opts.orderedBySortKey
    ? // The next free id in this millisecond's slot; a full slot (a frozen clock, a bulk import)
      // gives NULL, i.e. the next id after every other: the row is stored and found, only
      // listed out of order in a search.
      `(SELECT CASE WHEN max(fts_rowid) IS NULL THEN ${incidentRowidBase('new.sort_key')}
                    WHEN max(fts_rowid) + 1 < ${incidentRowidBase('new.sort_key')} + ${ROWIDS_PER_SORT_KEY} THEN max(fts_rowid) + 1 END
         FROM ${table}_fts_ids
         WHERE fts_rowid >= ${incidentRowidBase('new.sort_key')} AND fts_rowid < ${incidentRowidBase('new.sort_key')} + ${ROWIDS_PER_SORT_KEY})`
    : 'NULL';
  const existingRowids = opts.orderedBySortKey
    ? `CASE WHEN ROW_NUMBER() OVER (PARTITION BY sort_key ORDER BY id) <= ${ROWIDS_PER_SORT_KEY}
            THEN ${incidentRowidBase('sort_key')} + ROW_NUMBER() OVER (PARTITION BY sort_key ORDER BY id) - 1 END`
    : 'NULL';
  const addRow = (row: 'new') => `
    INSERT INTO ${table}_fts_ids (fts_rowid, id) VALUES (${newRowid}, ${row}.id);
    INSERT INTO ${table}_fts (rowid, search_text) VALUES ((SELECT fts_rowid FROM ${table}_fts_ids WHERE id = ${row}.id), ${row}.search_text);`;
  const dropRow = (row: 'old') => `
    DELETE FROM ${table}_fts WHERE rowid = (SELECT fts_rowid FROM ${table}_fts_ids WHERE id = ${row}.id);
    DELETE FROM ${table}_fts_ids WHERE id = ${row}.id;`;
  return `
  DROP TRIGGER IF EXISTS ${table}_fts_insert;
  DROP TRIGGER IF EXISTS ${table}_fts_update;
  DROP TRIGGER IF EXISTS ${table}_fts_delete;
  DROP TABLE IF EXISTS ${table}_fts;
  DROP TABLE IF EXISTS ${table}_fts_ids;
  CREATE VIRTUAL TABLE ${table}_fts USING fts5(search_text, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none);
  CREATE TABLE ${table}_fts_ids (fts_rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
  INSERT INTO ${table}_fts_ids (fts_rowid, id) SELECT ${existingRowids}, id FROM ${table};
  INSERT INTO ${table}_fts (rowid, search_text) SELECT m.fts_rowid, t.search_text FROM ${table} t JOIN ${table}_fts_ids m ON m.id = t.id;
  CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN ${addRow('new')}
  END;
  CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF search_text ON ${table} WHEN old.search_text IS NOT new.search_text BEGIN
    UPDATE ${table}_fts SET search_text = new.search_text WHERE rowid = (SELECT fts_rowid FROM ${table}_fts_ids WHERE id = new.id);
  END;
  ${
    opts.orderedBySortKey
      ? `CREATE TRIGGER ${table}_fts_reorder AFTER UPDATE OF sort_key ON ${table} WHEN old.sort_key IS NOT new.sort_key BEGIN ${dropRow('old')} ${addRow('new')}
  END;`
      : ''
  }
  CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN ${dropRow('old')}
  END;
`;
}

export interface SearchTerms {
  /** The FTS5 query (every trigram of every word of 3+ characters), or null when no word is that long. */
  match: string | null;
  /** LIKE patterns every row found must also satisfy (words the trigrams alone cannot confirm). */
  likes: string[];
  /** The trigrams of the words (what `match` asks for). */
  trigrams: string[];
  /** A LIKE pattern per word (for an index that confirms fewer words than `match`). */
  wordLikes: string[];
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * Every word of the query must occur in the record's normalised search text, in any order
 * ("so tai chinh hoa lam" finds "Sở Tài chính tỉnh Hòa Lâm").
 */
export function searchTerms(q: string | undefined): SearchTerms {
  const words = [...new Set((q ? normalizeSearch(q) : '').split(' ').filter(Boolean))];
  const trigrams = new Set<string>();
  const likes: string[] = [];
  const wordLikes = words.map(escapeLike);
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
    // A three-character word is its own trigram; any other length needs the text itself.
    if (chars.length !== 3) likes.push(escapeLike(word));
  }
  return { match: trigrams.size > 0 ? [...trigrams].map(quote).join(' ') : null, likes, trigrams: [...trigrams], wordLikes };
}

/** Adds the search to a list query's WHERE (for tables whose order is not the index's). */
export function searchClause(table: string, q: string | undefined, where: string[], params: Params): void {
  const terms = searchTerms(q);
  if (terms.match !== null) {
    where.push(
      `${table}.id IN (SELECT id FROM ${table}_fts_ids WHERE fts_rowid IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH ?))`,
    );
    params.push(terms.match);
  }
  for (const like of terms.likes) {
    where.push(`${table}.search_text LIKE ? ESCAPE '\\'`);
    params.push(like);
  }
}

/**
 * A page of incidents matching `terms` (which must have a `match`), newest first, walking the
 * index in rowid order so that only as many matches are read as the page needs. `where`
 * holds the list's other filters on `incidents`; the cursor is the list's own (sort key, id).
 * `index` is the text index, or the scoped one (scopedSearch.ts) with its own query.
 */
export function searchIncidentsPage(
  db: Db,
  terms: SearchTerms & { match: string },
  index: { table: 'incidents_fts' | 'incidents_scoped_fts'; match: string },
  where: string[],
  params: Params,
  cursor: { key: string; id: string } | null,
  limit: number,
): { id: string; sort_key: string }[] {
  const clauses = [`${index.table} MATCH ?`, ...where];
  const args: Params = [index.match, ...params];
  for (const like of terms.likes) {
    clauses.push(`incidents.search_text LIKE ? ESCAPE '\\'`);
    args.push(like);
  }
  if (cursor) {
    // From the first incident after the cursor in list order (index rowids follow it: listOrderRowids.ts).
    clauses.push(
      `${index.table}.rowid >= (SELECT m.fts_rowid FROM incidents i CROSS JOIN incidents_fts_ids m ON m.id = i.id
        WHERE (i.sort_key, i.id) > (?, ?) ORDER BY i.sort_key, i.id LIMIT 1)`,
    );
    args.push(cursor.key, cursor.id);
  }
  const sql = `SELECT incidents.id AS id, incidents.sort_key AS sort_key
    FROM ${index.table}
      CROSS JOIN incidents_fts_ids ON incidents_fts_ids.fts_rowid = ${index.table}.rowid
      CROSS JOIN incidents ON incidents.id = incidents_fts_ids.id
    WHERE ${clauses.join(' AND ')}
    ORDER BY ${index.table}.rowid LIMIT ?`;
  return db.prepare(sql).all(...args, limit) as { id: string; sort_key: string }[];
}
