import type { Database as Db, Statement } from 'better-sqlite3';

/**
 * Makes `db.prepare` reuse one compiled statement per SQL text. Preparing on every call
 * cost ~6% of the ingest profile (issue #11). The cache is bounded because IN-lists make
 * SQL texts vary with their length; the least recently used statement is dropped first.
 */
export function cacheStatements(db: Db, maxEntries = 500): Db {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql); // re-insert: Map order is the recency order
      cache.set(sql, hit);
      return hit;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  db.prepare = cached as Db['prepare'];
  return db;
}
