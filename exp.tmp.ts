import { createSeededHub, signIn } from './server/src/testing/testHub.js';
import { reportBody } from './scripts/bench/http.js';
const variant = process.argv[2] ?? 'base';
const hub = await createSeededHub();
const db = (hub.store as any).db;
if (variant === 'nofts') { db.exec('DROP TRIGGER incidents_fts_insert'); }
if (variant === 'noscoped' || variant === 'nofts') { db.exec("DROP TABLE incidents_scoped_fts"); }
if (variant === 'automerge') { db.exec("INSERT INTO incidents_fts(incidents_fts, rank) VALUES('automerge', 16)"); db.exec("INSERT INTO incidents_scoped_fts(incidents_scoped_fts, rank) VALUES('automerge', 16)"); }
const token = await signIn(hub, 'focal.a');
const agencyId = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
const exec = db.exec.bind(db);
let commitMs = 0, commits = 0;
db.exec = (sql: string) => { if (sql !== 'COMMIT') return exec(sql); const t = performance.now(); const r = exec(sql); commitMs += performance.now() - t; commits++; return r; };
let n = 0;
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let round = 0; round < 60; round++) {
  await Promise.all(Array.from({ length: 8 }, () => { const i = n++; return hub.http().post('/api/incidents').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'bench-key-' + i).send(reportBody(agencyId, i)).then((r) => { if (r.status !== 201) throw new Error(String(r.status) + JSON.stringify(r.body)); }); }));
}
const cpu = process.cpuUsage(c0);
console.log(variant, 'reports', n, 'commits', commits, 'commit ms/report', (commitMs / n).toFixed(3), 'cpu ms/report', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'wall ms/report', ((performance.now() - t0) / n).toFixed(2));
await hub.close();
