/**
 * `tsx scripts/bench/liveLayout.ts <store.sqlite>`: the bytes per incident of the incidents'
 * time-keyed tables and indexes as a live hub lays them out. The generator (hubProcess.ts) stores
 * each increment newest first, the reverse of a live hub, which stores every incident after all
 * others (stored oldest first, its placement in the search indexes' list order would land
 * between two packed rowids each time: listOrderRowids.ts shifts, quadratic). So this copies each
 * of those tables, with its indexes as declared, into `live_*` copies filled oldest first, and
 * prints both layouts' sizes (SQLite's dbstat). Run it on a copy: it writes the copies into the
 * file. Keep a store with `KEEP_STORE=1 tsx scripts/bench/storageByTable.ts 100000`.
 */
import Database from 'better-sqlite3';
import { pathToFileURL } from 'node:url';

/** Oldest first, as a live hub writes them (the sort key counts reporting time down; list-order rowids too). */
const LIVE_ORDER: Record<string, string> = {
  incidents: 'ORDER BY sort_key DESC, id DESC',
  incident_teams: 'ORDER BY incident_sort_key DESC, incident_id DESC',
  incidents_fts_ids: 'ORDER BY fts_rowid DESC',
  incidents_fts_docsize: 'ORDER BY id DESC',
  incidents_scoped_fts_docsize: 'ORDER BY id DESC',
};

/** Sizes per table / index of a store's generated layout and of the same rows filled oldest first. */
export function liveLayout(file: string): { incidents: number; sizes: { name: string; generated: number; live: number }[] } {
  const db = new Database(file);
  try {
    const incidents = (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    db.exec('BEGIN');
    for (const [table, order] of Object.entries(LIVE_ORDER)) {
      const objects = db
        .prepare(
          "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC",
        )
        .all(table) as { type: string; name: string; sql: string }[];
      for (const o of objects)
        db.exec(o.sql.replace(new RegExp(`\\bON\\s+${table}\\b`), `ON live_${table}`).replace(new RegExp(`\\b${o.name}\\b`), `live_${o.name}`));
      const columns = (db.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').all(table) as { name: string }[])
        .map((c) => c.name)
        .join(', ');
      db.exec(`INSERT INTO live_${table} (${columns}) SELECT ${columns} FROM ${table} ${order}`);
    }
    db.exec('COMMIT');
    const bytes = new Map(
      (db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]).map((r) => [
        r.name,
        r.bytes,
      ]),
    );
    const sizes: { name: string; generated: number; live: number }[] = [];
    for (const [name, generated] of [...bytes].sort()) {
      const auto = /^sqlite_autoindex_(\w+)_(\d+)$/.exec(name);
      const live = auto ? bytes.get(`sqlite_autoindex_live_${auto[1]}_${auto[2]}`) : bytes.get(`live_${name}`);
      if (live !== undefined && !name.startsWith('live_')) sizes.push({ name, generated, live });
    }
    return { incidents, sizes };
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/bench/liveLayout.ts <copy of cert-hub.sqlite>');
  const { incidents, sizes } = liveLayout(file);
  const per = (n: number) => (n / incidents).toFixed(1).padStart(10);
  process.stdout.write(`${incidents} incidents\n${'table / index'.padEnd(40)} ${'generated'.padStart(10)} ${'live'.padStart(10)}\n`);
  for (const s of sizes) process.stdout.write(`${s.name.padEnd(40)} ${per(s.generated)} ${per(s.live)}\n`);
  const generated = sizes.reduce((sum, s) => sum + s.generated, 0);
  const live = sizes.reduce((sum, s) => sum + s.live, 0);
  process.stdout.write(`${'these together'.padEnd(40)} ${per(generated)} ${per(live)}  (difference ${((live - generated) / incidents).toFixed(0)} B per incident)\n`);
}
