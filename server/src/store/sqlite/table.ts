/**
 * What every SQLite repository shares. Records are stored whole as a JSON `doc` column beside
 * the columns the explicit queries filter and sort on, so reading a record is parsing its doc.
 * Statements are prepared through `db.prepare`, which the store makes reuse one compiled
 * statement per SQL text (statementCache.ts): a repository just writes its SQL inline.
 */
import type { Database as Db } from 'better-sqlite3';
import { pageStart, toPage } from '../cursor.js';
import type { PageQuery, PageResult } from '../port.js';

export type Params = (string | number | null)[];
type DocRow = { doc: string };

/** The record stored in a row's `doc`, or null when there is no row. */
export const docOf = <T>(row: unknown): T | null => (row ? (JSON.parse((row as DocRow).doc) as T) : null);

/** The records stored in the rows' `doc`, in the rows' order. */
export const docsOf = <T>(rows: unknown[]): T[] => rows.map((row) => JSON.parse((row as DocRow).doc) as T);

/** One record by its key column (`id` unless the table is keyed otherwise). */
export const getDoc = <T>(db: Db, table: string, key: string | number, keyColumn = 'id'): T | null =>
  docOf<T>(db.prepare(`SELECT doc FROM ${table} WHERE ${keyColumn} = ?`).get(key));

/** The records a `SELECT doc …` query returns. */
export const selectDocs = <T>(db: Db, sql: string, ...params: Params): T[] => docsOf<T>(db.prepare(sql).all(...params));

export const countRows = (db: Db, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Adds `column IN (?, …)` for the values (callers answer an empty list themselves). */
export function inList(where: string[], params: Params, column: string, values: readonly (string | number)[]): void {
  where.push(`${column} IN (${values.map(() => '?').join(',')})`);
  params.push(...values);
}

/** The columns a page is ordered by: the table's own, or a joined index table's copy of them. */
export interface PageKeys {
  sort: string;
  id: string;
  direction?: 'ASC' | 'DESC';
}
const OWN_KEYS: PageKeys = { sort: 'sort_key', id: 'id' };

/**
 * Keyset pagination over (sort, id) — the one pager of the SQLite adapter. `from` is a table
 * (or a join), `where`/`params` hold the filters; rows are read in (sort, id) order, ascending
 * unless `keys.direction` says DESC.
 */
export function keysetPage<T>(
  db: Db,
  from: string,
  where: string[],
  params: Params,
  query: PageQuery,
  keys = OWN_KEYS,
  /** Columns read beside the keys, and the record they make (default: the `doc` column's JSON). */
  read: { columns: string; toRecord: (row: never) => T } = { columns: 'doc', toRecord: (row: { doc: string }) => JSON.parse(row.doc) as T },
): PageResult<T> {
  const clauses = [...where];
  const args = [...params];
  const start = pageStart(query);
  const after = keys.direction === 'DESC' ? '<' : '>';
  if (start) {
    clauses.push(`(${keys.sort} ${after} ? OR (${keys.sort} = ? AND ${keys.id} ${after} ?))`);
    args.push(start.key, start.key, start.id);
  }
  const order = keys.direction ?? 'ASC';
  const sql = `SELECT ${keys.id} AS id, ${keys.sort} AS sort_key, ${read.columns} FROM ${from} ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''}
    ORDER BY ${keys.sort} ${order}, ${keys.id} ${order} LIMIT ?`;
  const rows = db.prepare(sql).all(...args, query.limit + 1) as { id: string; sort_key: string }[];
  return toPage(
    rows,
    query.limit,
    (row) => ({ key: String(row.sort_key), id: String(row.id) }),
    (row) => read.toRecord(row as never),
  );
}

/** Search: see search.ts (every word in any order, over a contentless trigram index). */
export { searchClause } from './search.js';
