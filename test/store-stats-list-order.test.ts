/**
 * The figures recomputed from incidents (sqlite/reports.ts `counts`, `listStatusHistories`) read a
 * reporting-time range along the list-order index (the sort key counts reporting time down), in
 * batches: every real incident of the range exactly once, oldest first then by id — across
 * batch boundaries that fall inside a millisecond shared by many incidents, with drills and
 * incidents just outside the range left out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { incidentRecord } from './helpers/storeContract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-stats-order-'));
const file = path.join(dir, 'store.sqlite');
const store = SqliteStore.open(file);
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (ms: number) => new Date(Date.UTC(2026, 9, 1) + ms).toISOString();

it('reads every real incident of the range once, by reporting time then id, across batches', async () => {
  const range = { from: at(0), to: at(1_000) };
  // 1,300 incidents: 700 in the range's first millisecond (more than a batch), the rest spread
  // over it and just outside it; every seventh a drill.
  const times = [...Array.from({ length: 700 }, () => 0), ...Array.from({ length: 600 }, (_, k) => (k * 7) % 1_010), -1, 1_001];
  await store.transaction(async (tx) => {
    for (const [n, ms] of times.entries()) {
      const id = `inc-${String((n * 7919) % 10_007).padStart(5, '0')}`;
      await tx.incidents.insert(incidentRecord(id, at(ms), { drill: n % 7 === 0 ? { drillId: 'd1', injectId: null } : null }));
    }
  });
  const db = new Database(file, { readonly: true });
  const expected = (
    db
      .prepare('SELECT id FROM incidents WHERE is_drill = 0 AND reported_at >= ? AND reported_at <= ? ORDER BY reported_at, id')
      .all(range.from, range.to) as { id: string }[]
  ).map((r) => r.id);
  db.close();
  expect(expected.length).toBeGreaterThan(1_000);
  const read: string[] = [];
  for await (const history of store.stats.listStatusHistories(range)) read.push(history.incidentId);
  expect(read).toEqual(expected);
  expect((await store.stats.counts(range)).total).toBe(expected.length);
});
