/** On-call rosters over HTTP with the fake clock: rotation handovers, overrides, checks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let health: string;
const ids: Record<string, string> = {};

const as = async (who: string) => {
  // Signed in afresh at the current fake time: the clock jumps weeks in these tests.
  const auth = `Bearer ${await signIn(hub, who)}`;
  return {
    get: (url: string) => hub.http().get(url).set('Authorization', auth),
    put: (url: string, body: object) => hub.http().put(url).set('Authorization', auth).send(body),
  };
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  const admin = await as('admin');
  health = ((await admin.get('/api/teams?kind=sector_cert')).body.items as TeamView[]).find((t) => t.sectorCode === 'health')!.id;
  const people: [string, string][] = [
    ['yte.an', 'Nguyễn Văn An'],
    ['yte.binh', 'Lê Thị Bình'],
  ];
  for (const [username, name] of people) {
    const created = await hub
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${await signIn(hub, 'admin')}`)
      .send({ username, displayName: name, password: 'Mat-khau-2026', role: 'responder', teamIds: [health] });
    ids[username] = created.body.id;
  }
  ids.outsider = (await (await as('responder')).get('/api/me')).body.id;
});
afterAll(() => hub.close());

const roster = (version: number | null, overrides: object[] = []) => ({
  version,
  rotationStart: '2026-11-16T08:00:00+07:00', // Monday 16 November, 08:00 in Hà Nội
  weeks: [
    { primaryUserId: ids['yte.an'], backupUserId: ids['yte.binh'] },
    { primaryUserId: ids['yte.binh'], backupUserId: ids['yte.an'] },
  ],
  overrides,
});

describe('on-call rosters', () => {
  it('only coordinators edit; people must be active members; the version is checked', async () => {
    const url = `/api/teams/${health}/oncall`;
    expect((await (await as('coordinator')).get(url)).body).toMatchObject({ roster: null, now: { primaryUserId: null, source: 'none' } });
    expect((await (await as('responder')).put(url, roster(null))).status).toBe(403);
    const outsider = await (
      await as('coordinator')
    ).put(url, { ...roster(null), weeks: [{ primaryUserId: ids.outsider, backupUserId: null }] });
    expect(outsider.status).toBe(422);
    expect(outsider.body.error.details[0].path).toBe('weeks.0.primaryUserId');
    const saved = await (await as('coordinator')).put(url, roster(null));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ teamId: health, version: 1, rotationStart: '2026-11-16T01:00:00.000Z' });
    expect((await (await as('coordinator')).put(url, roster(null))).status).toBe(409);
    const badOverride = await (
      await as('coordinator')
    ).put(
      url,
      roster(1, [
        {
          from: '2026-12-31T00:00:00+07:00',
          to: '2026-12-30T00:00:00+07:00',
          primaryUserId: ids['yte.an'],
          backupUserId: null,
          reason: 'Tết',
        },
      ]),
    );
    expect(badOverride.status).toBe(400);
  });

  it('hands over weekly and lets an override win, as the fake clock moves', async () => {
    const url = `/api/teams/${health}/oncall`;
    const current = (await (await as('coordinator')).get(url)).body.roster;
    await (
      await as('coordinator')
    ).put(
      url,
      roster(current.version, [
        {
          from: '2026-12-31T17:00:00Z',
          to: '2027-01-01T17:00:00Z',
          primaryUserId: ids['yte.binh'],
          backupUserId: null,
          reason: 'Trực Tết Dương lịch',
        },
      ]),
    );
    const now = async () => (await (await as('leader')).get(url)).body.now;
    hub.clock.set('2026-11-20T03:00:00Z'); // week 1
    expect(await now()).toMatchObject({
      primaryUserId: ids['yte.an'],
      backupUserId: ids['yte.binh'],
      source: 'rotation',
      until: '2026-11-23T01:00:00.000Z',
    });
    hub.clock.set('2026-11-23T00:59:00Z'); // a minute before the handover
    expect((await now()).primaryUserId).toBe(ids['yte.an']);
    hub.clock.set('2026-11-23T01:00:00Z'); // Monday 08:00: week 2
    expect((await now()).primaryUserId).toBe(ids['yte.binh']);
    hub.clock.set('2026-11-30T01:00:00Z'); // week 3 = slot 1 again
    expect((await now()).primaryUserId).toBe(ids['yte.an']);
    hub.clock.set('2027-01-01T03:00:00Z'); // New Year's Day (a week-1 slot), the override wins
    expect(await now()).toMatchObject({ primaryUserId: ids['yte.binh'], backupUserId: null, source: 'override' });
    // The contract the escalation engine codes against.
    expect(await hub.services.oncall.current(health, new Date('2026-11-24T00:00:00Z'))).toEqual({
      primaryUserId: ids['yte.binh'],
      backupUserId: ids['yte.an'],
    });
    hub.clock.set('2026-11-20T03:00:00Z');
  });

  it('"who is on call now" lists every team with names and phones for coordinators and leaders, not agencies', async () => {
    const res = await (await as('coordinator')).get('/api/oncall/now');
    expect(res.status).toBe(200);
    const row = res.body.items.find((r: { teamId: string }) => r.teamId === health);
    expect(row).toMatchObject({ primary: { id: ids['yte.an'], displayName: 'Nguyễn Văn An' }, backup: { id: ids['yte.binh'] } });
    expect(res.body.items.length).toBeGreaterThanOrEqual(8);
    expect((await (await as('focal.a')).get('/api/oncall/now')).status).toBe(403);
    expect((await (await as('leader')).get('/api/teams/nope/oncall')).status).toBe(404);
  });
});
