/**
 * What issue #11 changed on the intake path keeps every guarantee:
 * - reference data read by every report (routing rules, teams, playbooks, the agency) is
 *   cached, and a committed change reaches the very next report;
 * - the follow-up work of committed events (SLA timers, inbox notifications) runs a group of
 *   events per transaction, not one transaction per event, and still reaches every recipient;
 * - a long queue of transactions is committed in groups of a few milliseconds each, so the
 *   event loop turns between them (Node accepts one new connection per turn), and nobody is
 *   answered before the COMMIT of their group.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { EVENTS } from '@cert-hub/shared';
import { GroupedDrain } from '../server/src/platform/drain.js';
import { EventBus } from '../server/src/platform/eventBus.js';
import { ReferenceCache } from '../server/src/platform/referenceCache.js';
import type { EventRecord } from '../server/src/store/port.js';
import { openSqliteDatabase, SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { agencyRecord } from './helpers/storeContract.js';

let hub: TestHub;
const tokens: Record<string, string> = {};
let agencyA: string;
let serial = 0;

const report = (title: string, category = 'phishing') => ({
  agencyId: agencyA,
  title,
  category,
  description: 'Cán bộ nhận thư giả mạo lãnh đạo tỉnh yêu cầu chuyển tiền.',
  detectedAt: '2026-11-20T08:00:00+07:00',
});
const as = (who: string) => ({
  post: (url: string, body: object, key?: string) => {
    const req = hub.http().post(`/api${url}`).set('Authorization', `Bearer ${tokens[who]}`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  },
  put: (url: string, body: object) => hub.http().put(`/api${url}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  get: (url: string) => hub.http().get(`/api${url}`).set('Authorization', `Bearer ${tokens[who]}`),
});
const fileReport = async (title: string, category?: string) => {
  const res = await as('focal.a').post('/incidents', report(title, category), `throughput-${++serial}`);
  expect(res.status).toBe(201);
  return res.body as IncidentView & { tasks?: { title: string }[]; routing?: { teamId: string | null } };
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const who of ['focal.a', 'coordinator']) tokens[who] = await signIn(hub, who);
  agencyA = ((await as('focal.a').get('/me')).body as { agencyId: string }).agencyId;
});
afterAll(() => hub.close());

it('a playbook or routing rule changed between two reports applies to the second at once', async () => {
  await fileReport('Trước khi đổi quy trình'); // the reference data is now cached
  const playbook = await as('coordinator').put('/playbooks/phishing', { tasks: ['Bước mới một', 'Bước mới hai'] });
  expect(playbook.status).toBe(200);
  const second = await hub.store.incidents.get((await fileReport('Sau khi đổi quy trình')).id);
  expect(second!.tasks.map((t) => t.title)).toEqual(['Bước mới một', 'Bước mới hai']);

  const teams = (await hub.store.teams.list({ limit: 50 })).items;
  const other = teams.find((t) => t.id !== second!.routing.teamId)!;
  const rule = await as('coordinator').post('/routing/rules', {
    name: 'Lừa đảo → đội khác',
    conditions: { categories: ['phishing'] },
    actions: { owningTeamId: other.id },
    position: 0,
  });
  expect(rule.status).toBe(201);
  const third = await hub.store.incidents.get((await fileReport('Sau khi thêm quy tắc')).id);
  expect(third!.routing.teamId).toBe(other.id);
  expect(third!.routing.ruleId).toBe((rule.body as { id: string }).id);
});

it('a burst of reports notifies every team member, with the follow-up work grouped into few transactions', async () => {
  const store = hub.store;
  const transaction = store.transaction.bind(store);
  let transactions = 0;
  store.transaction = (work) => {
    transactions += 1;
    return transaction(work);
  };
  try {
    const before = (await store.events.listAfter(0, 100_000)).filter((e) => e.type === EVENTS.notificationCreated).length;
    const burst = 30;
    const filed = await Promise.all(Array.from({ length: burst }, (_, i) => fileReport(`Đợt báo cáo dồn dập ${i}`, 'malware')));
    const incidentIds = new Set(filed.map((i) => i.id));
    // Each report notifies its owning team's members: wait for every one of those notifications.
    const members = async (id: string) => {
      const incident = await store.incidents.get(id);
      return (await store.users.listByTeam(incident!.routing.teamId!)).filter((u) => !u.disabled).length;
    };
    let expected = 0;
    for (const id of incidentIds) expected += await members(id);
    expect(expected).toBeGreaterThan(0);
    const notified = async () =>
      (await store.events.listAfter(0, 100_000)).filter(
        (e) => e.type === EVENTS.notificationCreated && incidentIds.has((e.data as { incidentId: string }).incidentId),
      ).length;
    await expect.poll(notified, { timeout: 10_000 }).toBe(expected);
    expect((await store.events.listAfter(0, 100_000)).filter((e) => e.type === EVENTS.notificationCreated).length).toBe(before + expected);
    // One transaction per report, and the SLA and notification follow-ups in groups: one
    // transaction per event would make it at least three per report.
    expect(transactions).toBeLessThan(2 * burst);
  } finally {
    store.transaction = transaction;
  }
});

it('a group that fails is retried item by item, so only the failing item is lost', async () => {
  const handled: number[] = [];
  const failed: number[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const groups: number[][] = [];
  const drain = new GroupedDrain<number>(
    async (items) => {
      groups.push(items);
      if (items[0] === 0) await gate; // the first group holds the drain while the others arrive
      if (items.includes(3)) throw new Error('item 3 cannot be handled');
      handled.push(...items);
    },
    (_error, item) => failed.push(item),
  );
  for (let i = 0; i < 6; i++) drain.push(i);
  release();
  await expect.poll(() => handled.length + failed.length).toBe(6);
  expect(groups[0]).toEqual([0]);
  expect(groups[1]).toEqual([1, 2, 3, 4, 5]); // what arrived meanwhile, as one group
  expect(failed).toEqual([3]);
  expect(handled.sort()).toEqual([0, 1, 2, 4, 5]);
});

it('a read that began before a change does not keep what it read', async () => {
  const bus = new EventBus();
  const cache = new ReferenceCache(true);
  cache.watch(bus);
  let stored = 'before';
  let finishRead!: () => void;
  const slowRead = cache.read('key', async () => {
    const value = stored;
    await new Promise<void>((resolve) => (finishRead = resolve));
    return value;
  });
  stored = 'after';
  bus.publish({ type: EVENTS.playbookUpdated, entity: 'playbook', entityId: 'phishing', incidentId: null } as EventRecord);
  finishRead();
  expect(await slowRead).toBe('before');
  expect(await cache.read('key', async () => stored)).toBe('after');
  // Incident events and inbox notifications change no reference data.
  bus.publish({ type: EVENTS.incidentCreated, entity: 'incident', entityId: 'i1', incidentId: 'i1' } as EventRecord);
  bus.publish({ type: EVENTS.notificationCreated, entity: 'notification', entityId: 'n1', incidentId: null } as EventRecord);
  expect(cache.size).toBe(1);
});

it('a long queue of transactions is committed in groups of a few milliseconds each, the event loop turning between them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-slices-'));
  const file = path.join(dir, 'slices.sqlite');
  const writeDb = openSqliteDatabase(file);
  const log: string[] = [];
  const exec = writeDb.exec.bind(writeDb);
  writeDb.exec = (sql: string) => {
    if (sql === 'COMMIT') log.push('COMMIT');
    return exec(sql);
  };
  const store = new SqliteStore(writeDb, openSqliteDatabase(file));
  try {
    // Each transaction keeps the thread busy for a while (as a report's work does).
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const count = 20;
    const work = Array.from({ length: count }, (_, i) =>
      store
        .transaction(async (tx) => {
          if (i === 0) setImmediate(() => log.push('loop turned'));
          busy(2);
          await tx.agencies.insert(agencyRecord(`s${i}`, `Cơ quan ${i}`));
          log.push(`work ${i}`);
        })
        .then(() => log.push(`answered ${i}`)),
    );
    await Promise.all(work);
    const commits = log.flatMap((entry, at) => (entry === 'COMMIT' ? [at] : []));
    expect(commits.length).toBeGreaterThan(1); // not one 40 ms stretch
    expect(commits.length).toBeLessThan(count); // still grouped
    expect(log.indexOf('loop turned')).toBeLessThan(commits.at(-1)!);
    for (let i = 0; i < count; i++) {
      // Answered only after the COMMIT that followed its work.
      const committedAt = commits.find((at) => at > log.indexOf(`work ${i}`));
      expect(committedAt).toBeDefined();
      expect(log.indexOf(`answered ${i}`)).toBeGreaterThan(committedAt!);
    }
    for (let i = 0; i < count; i++) expect(await store.agencies.get(`s${i}`)).not.toBeNull();
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
