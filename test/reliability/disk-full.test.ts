/**
 * A full disk while writing an evidence file or a report: the hub answers 507 with the
 * usual error body (never a 500), keeps no half-written incident and no orphan file, stays
 * consistent, and works again once space is freed. The data directory is a small tmpfs
 * mounted by the test (needs root; skipped with a message otherwise).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { openTestHub, signIn, type TestHub } from '../../server/src/testing/testHub.js';
import { recordFigures } from './figures.js';
import { reportBody, seedInto } from './harness.js';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  process.stdout.write(
    `\n[reliability] SKIPPED the full-disk test: cannot mount a tmpfs (${(error as Error).message.split('\n')[0]}). Run as root.\n\n`,
  );
}

let hub: TestHub;
let token: string;
let agencyId: string;
const filler = path.join(mountPoint, 'filler');

beforeAll(async () => {
  if (!mounted) return;
  const dataDir = path.join(mountPoint, 'data');
  fs.mkdirSync(dataDir);
  await seedInto(dataDir);
  hub = openTestHub(dataDir, new FakeClock(new Date('2026-11-20T03:00:00Z')));
  token = await signIn(hub, 'focal.a');
  agencyId = ((await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`)).body as { agencyId: string }).agencyId;
});
afterAll(async () => {
  if (!mounted) return;
  await hub?.store.close();
  execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

/** Fills the file system until only `leaveBytes` remain. */
function fillDisk(leaveBytes: number) {
  const { bavail, bsize } = fs.statfsSync(mountPoint);
  const size = Math.max(0, bavail * bsize - leaveBytes);
  fs.writeFileSync(filler, Buffer.alloc(size));
}

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [e.name]))
    : [];

function checkStore() {
  const db = new Database(path.join(hub.dataDir, 'cert-hub.sqlite'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      incidents: (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n,
      // A half-written incident: a row without its creation event, or an event without its row.
      withoutEvent: (
        db
          .prepare(`SELECT count(*) AS n FROM incidents WHERE id NOT IN (SELECT entity_id FROM events WHERE type = 'incident.created')`)
          .get() as { n: number }
      ).n,
      eventWithoutIncident: (
        db
          .prepare(`SELECT count(*) AS n FROM events WHERE type = 'incident.created' AND entity_id NOT IN (SELECT id FROM incidents)`)
          .get() as { n: number }
      ).n,
      attachments: (db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

const post = (key: string) =>
  hub.http().post('/api/incidents').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(reportBody(agencyId, key));

it.runIf(mounted)('answers 507 for an evidence file that does not fit, and keeps no part of it', async () => {
  const created = await post('before-full');
  expect(created.status).toBe(201);
  const incidentId = (created.body as { id: string }).id;
  fillDisk(128 * 1024);
  const upload = await hub
    .http()
    .post(`/api/incidents/${incidentId}/attachments`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', Buffer.alloc(512 * 1024, 'a'), 'big.log');
  expect(upload.status).toBe(507);
  expect(upload.body).toEqual({ error: { code: 'insufficient_storage', message: expect.any(String) } });
  expect(filesUnder(path.join(hub.dataDir, 'attachments'))).toEqual([]);
  expect(checkStore().attachments).toBe(0);
  fs.rmSync(filler);
  const retry = await hub
    .http()
    .post(`/api/incidents/${incidentId}/attachments`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', Buffer.alloc(512 * 1024, 'a'), 'big.log');
  expect(retry.status).toBe(201);
  expect(filesUnder(path.join(hub.dataDir, 'attachments'))).toHaveLength(1);
});

it.runIf(mounted)('answers 507 for reports once the disk is full, keeps no half incident, and recovers', async () => {
  const before = checkStore();
  fillDisk(256 * 1024);
  const statuses = new Map<number, number>();
  let firstFull: string | null = null;
  let acknowledged = 0;
  for (let n = 0; n < 500 && !firstFull; n++) {
    // Several at once, so a full disk hits a group commit with several members.
    const keys = Array.from({ length: 8 }, (_, i) => `full-${n}-${i}`);
    const answers = await Promise.all(keys.map(post));
    for (const [i, res] of answers.entries()) {
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) acknowledged += 1;
      else if (res.status === 507) {
        expect(res.body).toEqual({ error: { code: 'insufficient_storage', message: expect.any(String) } });
        firstFull ??= keys[i]!;
      } else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
    }
  }
  expect(firstFull).not.toBeNull();
  const during = checkStore();
  expect(during.integrity).toBe('ok');
  expect(during.withoutEvent).toBe(0);
  expect(during.eventWithoutIncident).toBe(0);
  expect(during.incidents).toBe(before.incidents + acknowledged);
  // Reads still work while the disk is full.
  expect((await hub.http().get('/api/incidents?limit=5').set('Authorization', `Bearer ${token}`)).status).toBe(200);

  fs.rmSync(filler);
  const retried = await post(firstFull!);
  expect(retried.status).toBe(201);
  const after = checkStore();
  expect(after.integrity).toBe('ok');
  expect(after.incidents).toBe(during.incidents + 1);
  recordFigures('diskFull', { acknowledgedBeforeFull: acknowledged, answers: Object.fromEntries(statuses), integrity: after.integrity });
});
