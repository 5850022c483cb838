/**
 * Concurrent writers never surface SQLITE_BUSY as a 500: the hub's own concurrent requests
 * (group-committed on one connection) and another process writing the same file at the same
 * time all succeed; a lock held longer than the store waits is answered 503 with
 * Retry-After (nothing half-written), and the retry succeeds.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../../server/src/testing/testHub.js';
import { recordFigures } from './figures.js';
import { reportBody } from './harness.js';

let hub: TestHub;
let token: string;
let agencyId: string;
let other: Database.Database;

beforeAll(async () => {
  hub = await createSeededHub();
  token = await signIn(hub, 'focal.a');
  agencyId = ((await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`)).body as { agencyId: string }).agencyId;
  // Another process's connection to the same file (e.g. an operator script).
  other = new Database(path.join(hub.dataDir, 'cert-hub.sqlite'));
  other.pragma('busy_timeout = 5000');
  other.exec('CREATE TABLE IF NOT EXISTS operator_notes (id INTEGER PRIMARY KEY, body TEXT)');
});
afterAll(async () => {
  other.close();
  await hub.close();
});

const post = (key: string) =>
  hub.http().post('/api/incidents').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(reportBody(agencyId, key));

it('acknowledges every report while another connection keeps writing the same file', async () => {
  let otherWrites = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      other.transaction(() => other.prepare('INSERT INTO operator_notes (body) VALUES (?)').run('note'))();
      otherWrites += 1;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const statuses = new Map<number, number>();
  for (let round = 0; round < 8; round++) {
    const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => post(`busy-${round}-${i}`)));
    for (const res of answers) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  writing = false;
  await writer;
  expect(Object.fromEntries(statuses)).toEqual({ 201: 256 });
  expect(otherWrites).toBeGreaterThan(0);
  recordFigures('concurrentWriters', { reports: 256, answers: Object.fromEntries(statuses), otherConnectionWrites: otherWrites });
});

it('answers 503 with Retry-After, not 500, when another writer holds the lock too long, and the retry succeeds', async () => {
  const before = await hub.store.incidents.count();
  other.exec('BEGIN IMMEDIATE');
  // Released after the hub's 5 s busy timeout has run out.
  const held = new Promise<void>((resolve) =>
    setTimeout(() => {
      other.exec('COMMIT');
      resolve();
    }, 7_000),
  );
  const blocked = await post('held-lock');
  await held;
  expect(blocked.status).toBe(503);
  expect(blocked.headers['retry-after']).toBe('1');
  expect(blocked.body).toEqual({ error: { code: 'store_busy', message: expect.any(String) } });
  expect(await hub.store.incidents.count()).toBe(before);
  const retried = await post('held-lock');
  expect(retried.status).toBe(201);
  expect(await hub.store.incidents.count()).toBe(before + 1);
});
