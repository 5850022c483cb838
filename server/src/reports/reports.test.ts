/**
 * The reporting cycle (R5) on a fake clock: a round opened to three agencies, two submit, the
 * third is reminded before the deadline and shown late after it. The reminder's due time is
 * stored on the round, so a restarted hub still reminds (once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS } from '@cert-hub/shared';
import { startReportReminders } from './reminders.js';
import { createSeededHub, openTestHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
const agency: Record<string, string> = {};

const as = (who: string) => {
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => hub.http().get(url).set('Authorization', auth),
    post: (url: string, body: object) => hub.http().post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object) => hub.http().put(url).set('Authorization', auth).send(body),
  };
};

const answer = (text: string, submit = true) => ({
  sections: { results: `Kết quả: ${text}`, difficulties: `Khó khăn: ${text}`, recommendations: `Kiến nghị: ${text}` },
  submit,
});

/** Access tokens live minutes; after the fake clock jumps days, everyone signs in again. */
const signInAll = async () => {
  for (const who of ['admin', 'coordinator', 'leader', 'focal.a', 'focal.b', ...(token['focal.c'] ? ['focal.c'] : [])])
    token[who] = await signIn(hub, who);
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T02:00:00Z');
  await signInAll();
  const agencies = (await hub.store.agencies.list({ limit: 200 })).items;
  agency.a = agencies.find((a) => a.name === 'Sở Tài chính tỉnh Hòa Lâm')!.id;
  agency.b = agencies.find((a) => a.name === 'UBND phường Hòa Bình')!.id;
  agency.c = agencies.find((a) => a.name === 'Sở Nội vụ tỉnh Hòa Lâm')!.id;
  const created = await as('admin').post('/api/users', {
    username: 'focal.c',
    displayName: 'Lê Thị Mai',
    password: 'Demo@12345',
    role: 'focal_point',
    agencyId: agency.c,
    teamIds: [],
  });
  expect(created.status).toBe(201);
  token['focal.c'] = await signIn(hub, 'focal.c');
}, 60_000);
afterAll(async () => hub?.close());

describe('a reporting round', () => {
  let roundId: string;

  it('is opened by a coordinator to three agencies, not by a focal point', async () => {
    const input = {
      reportType: 'agency_annual',
      title: 'Báo cáo năm 2026',
      year: 2026,
      deadline: '2026-12-05T00:00:00+07:00',
      agencyIds: [agency.a, agency.b, agency.c],
      remindHoursBefore: 72,
    };
    expect((await as('focal.a').post('/api/reports/rounds', input)).status).toBe(403);
    const past = await as('coordinator').post('/api/reports/rounds', { ...input, deadline: '2026-11-01T00:00:00+07:00' });
    expect(past.status).toBe(422);
    const res = await as('coordinator').post('/api/reports/rounds', input);
    expect(res.status).toBe(201);
    roundId = res.body.id;
    expect(res.body.remindAt).toBe('2026-12-01T17:00:00.000Z');
  });

  it('lets each focal point fill only its own agency’s answer; one submits early', async () => {
    const draft = await as('focal.a').put(`/api/reports/rounds/${roundId}/submission`, answer('bản nháp', false));
    expect(draft.status).toBe(200);
    expect(draft.body.submittedAt).toBeNull();
    const incomplete = await as('focal.a').put(`/api/reports/rounds/${roundId}/submission`, {
      sections: { results: 'Có', difficulties: '', recommendations: '' },
      submit: true,
    });
    expect(incomplete.status).toBe(422);
    const sent = await as('focal.a').put(`/api/reports/rounds/${roundId}/submission`, {
      ...answer('Sở Tài chính'),
      version: draft.body.version,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.submittedAt).toBe(hub.clock.now().toISOString());
    const again = await as('focal.a').put(`/api/reports/rounds/${roundId}/submission`, answer('sửa lại'));
    expect(again.status).toBe(409);
    // A focal point sees only its own line; a leader cannot answer for an agency.
    const mine = await as('focal.b').get(`/api/reports/rounds/${roundId}`);
    expect(mine.body.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual([agency.b]);
    expect((await as('leader').put(`/api/reports/rounds/${roundId}/submission`, answer('x'))).status).toBe(403);
  });

  it('reminds, before the deadline, only the agencies that have not submitted — once, even after a restart', async () => {
    hub.clock.set('2026-12-01T16:59:00Z');
    expect(await hub.services.reports.runDueReminders()).toBe(0);
    hub.clock.set('2026-12-01T17:00:30Z');
    // A new hub process on the same data: the due time is on the round, not in memory.
    const restarted = openTestHub(hub.dataDir, hub.clock);
    const timer = startReportReminders(restarted.deps, restarted.services.reports);
    await timer.runNow();
    timer.stop();
    await restarted.store.close();
    await signInAll();
    expect(await hub.services.reports.runDueReminders()).toBe(0);

    const events = await hub.store.events.listForEntity('report_round', roundId, 100);
    const reminders = events.filter((e) => e.type === EVENTS.reportRoundReminderDue);
    expect(reminders.map((e) => e.data.agencyId).sort()).toEqual([agency.b, agency.c].sort());
    // The reminder shows on the focal point's round page.
    const cPage = await as('focal.c').get(`/api/reports/rounds/${roundId}`);
    expect(cPage.body.agencies[0]).toMatchObject({ agencyId: agency.c, state: 'pending', remindedAt: '2026-12-01T17:00:30.000Z' });
    const mine = await as('focal.c').get('/api/reports/mine');
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        round: expect.objectContaining({ id: roundId }),
        status: expect.objectContaining({ remindedAt: '2026-12-01T17:00:30.000Z' }),
      }),
    ]);
    expect((await as('focal.a').get('/api/reports/mine')).body.items).toEqual([]);
    const aPage = await as('focal.a').get(`/api/reports/rounds/${roundId}`);
    expect(aPage.body.agencies[0]).toMatchObject({ state: 'submitted', remindedAt: null });
  });

  it('shows who submitted and who is late after the deadline, and consolidates the answers', async () => {
    hub.clock.set('2026-12-03T02:00:00Z');
    await signInAll();
    expect((await as('focal.b').put(`/api/reports/rounds/${roundId}/submission`, answer('phường Hòa Bình'))).status).toBe(200);
    hub.clock.set('2026-12-05T01:00:00Z'); // 08:00 on 5/12 in Viet Nam: past the deadline
    await signInAll();
    const view = await as('coordinator').get(`/api/reports/rounds/${roundId}`);
    const states = Object.fromEntries(view.body.agencies.map((a: { agencyId: string; state: string }) => [a.agencyId, a.state]));
    expect(states).toEqual({ [agency.a!]: 'submitted', [agency.b!]: 'submitted', [agency.c!]: 'late' });

    const consolidated = await as('leader').get(`/api/reports/rounds/${roundId}/consolidated`);
    expect(consolidated.status).toBe(200);
    expect(consolidated.body.sections.difficulties.map((d: { text: string }) => d.text).sort()).toEqual([
      'Khó khăn: Sở Tài chính',
      'Khó khăn: phường Hòa Bình',
    ]);
    expect(consolidated.body.missing.map((m: { agencyId: string }) => m.agencyId)).toEqual([agency.c]);

    const compliance = await as('leader').get('/api/compliance?year=2026');
    const r5 = compliance.body.items.filter((l: { rule: string }) => l.rule === 'R5');
    expect(r5).toEqual([expect.objectContaining({ agencyId: agency.c, check: 'report_missing', subjectId: roundId })]);
  });
});
