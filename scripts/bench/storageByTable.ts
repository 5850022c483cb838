/**
 * `tsx scripts/bench/storageByTable.ts [count…]`: where a stored incident's bytes go. Starts
 * the bench hub (hubProcess.ts) on a temporary store, files one report through the API, has
 * the hub generate incidents the way the read benchmark does, and after each size prints the
 * bytes per incident of every table and index (SQLite's `dbstat`, after a checkpoint).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, reportBody } from './http.js';
import { startChild } from './proc.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-storage-'));
const hub = await startChild('hubProcess.ts', [], {
  DATA_DIR: dataDir,
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  API_REQUESTS_PER_MINUTE: '100000000',
  JWT_SECRET: '',
});
try {
  const base = `http://127.0.0.1:${hub.port}`;
  const focal = await login(base, 'focal.a');
  const res = await fetch(`${base}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${focal.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'storage-by-table' },
    body: JSON.stringify(reportBody(focal.user.agencyId!, 1)),
  });
  if (res.status !== 201) throw new Error(`filing a report: ${res.status} ${await res.text()}`);
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
  }
} finally {
  await hub.stop();
  if (process.env.KEEP_STORE) process.stdout.write(`store kept in ${dataDir}\n`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
