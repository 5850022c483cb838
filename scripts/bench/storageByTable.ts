/**
 * `tsx scripts/bench/storageByTable.ts [count…]`: where a stored incident's bytes go. Starts
 * the bench hub (hubProcess.ts) on a temporary store, files one report through the API, has
 * the hub generate incidents the way the read benchmark does, and after each size prints the
 * bytes per incident of every table and index (SQLite's `dbstat`, after a checkpoint), then the
 * figure with the incidents' time-keyed tables laid out as a live hub fills them (liveLayout.ts).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileReport, startBenchHub } from './benchHub.js';
import { login } from './http.js';
import { liveLayout } from './liveLayout.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000);

const hub = await startBenchHub({ keep: Boolean(process.env.KEEP_STORE) });
const { dataDir } = hub;
try {
  const base = hub.base;
  await fileReport(base, await login(base, 'focal.a'));
  for (const size of sizes) {
    const before = await hub.ask<{ incidents: number }>({ type: 'storage' });
    if (size > before.incidents) await hub.ask({ type: 'generate', count: size - before.incidents });
    const storage = await hub.ask<{ bytes: number; incidents: number }>({ type: 'storage' });
    const db = new Database(path.join(dataDir, 'cert-hub.sqlite'), { readonly: true });
    const rows = db
      .prepare(
        `SELECT name, SUM(pgsize) AS bytes, SUM(payload) AS payload, SUM(ncell) AS cells
         FROM dbstat GROUP BY name ORDER BY bytes DESC`,
      )
      .all() as { name: string; bytes: number; payload: number; cells: number }[];
    db.close();
    const per = (n: number) => (n / storage.incidents).toFixed(1).padStart(8);
    process.stdout.write(`\n${storage.incidents} incidents: ${Math.round(storage.bytes / storage.incidents)} B per incident (file)\n`);
    process.stdout.write(`${'table / index'.padEnd(40)} ${'B/inc'.padStart(8)} ${'payload'.padStart(8)}\n`);
    for (const r of rows.filter((r) => r.payload / storage.incidents >= 1))
      process.stdout.write(`${r.name.padEnd(40)} ${per(r.bytes)} ${per(r.payload)}\n`);
    // The generator stores newest first, a live hub oldest first: the time-keyed tables again as a live hub fills them.
    const copy = path.join(dataDir, 'live-layout.sqlite');
    fs.copyFileSync(path.join(dataDir, 'cert-hub.sqlite'), copy);
    const { sizes } = liveLayout(copy);
    fs.rmSync(copy);
    const difference = sizes.reduce((sum, t) => sum + t.live - t.generated, 0);
    process.stdout.write(`as a live hub lays out its incidents' tables (liveLayout.ts): ${Math.round((storage.bytes + difference) / storage.incidents)} B per incident\n`);
    for (const t of sizes.filter((t) => Math.abs(t.live - t.generated) / storage.incidents >= 1))
      process.stdout.write(`${t.name.padEnd(40)} ${per(t.generated)} → ${per(t.live)}\n`);
  }
} finally {
  await hub.stop();
}
