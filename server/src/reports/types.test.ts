/**
 * Report types as configuration: the demo province's types are stored (seeded), coordinators
 * create, edit (versioned: a stale edit gets 409 with the current type) and retire types, and
 * a round opened from a type asks for that type's sections only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_TYPES, type ReportTypeView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;

const as = (who: string) => {
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => hub.http().get(url).set('Authorization', auth),
    post: (url: string, body: object) => hub.http().post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object) => hub.http().put(url).set('Authorization', auth).send(body),
  };
};

const quarterly = {
  code: 'quarterly_security',
  nameVi: 'Báo cáo quý về an toàn thông tin',
  nameEn: 'Quarterly security report',
  period: 'yearly',
  deadlines: ['03-31'],
  submittedBy: 'Cơ quan, đơn vị',
  sentTo: 'Công an tỉnh',
  sections: ['results', 'recommendations'],
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T02:00:00Z');
  for (const who of ['coordinator', 'leader', 'focal.a']) token[who] = await signIn(hub, who);
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
}, 60_000);
afterAll(async () => hub?.close());

const openRound = (reportType: string) =>
  as('coordinator').post('/api/reports/rounds', {
    reportType,
    title: `Đợt báo cáo ${reportType}`,
    year: 2026,
    deadline: '2026-12-20T00:00:00+07:00',
    agencyIds: [agencyA],
  });

describe('report types', () => {
  it('are stored, seeded with the demo province’s types', async () => {
    const res = await as('focal.a').get('/api/reports/types');
    expect(res.status).toBe(200);
    const types = res.body.items as ReportTypeView[];
    expect(types.map((t) => t.code).sort()).toEqual(DEFAULT_REPORT_TYPES.map((t) => t.code).sort());
    const annual = types.find((t) => t.code === 'agency_annual')!;
    expect(annual).toMatchObject({
      deadlines: ['12-05'],
      retired: false,
      version: 1,
      sections: ['results', 'difficulties', 'recommendations'],
    });
  });

  it('are created by coordinators only, with a deadline rule that fits the period', async () => {
    expect((await as('focal.a').post('/api/reports/types', quarterly)).status).toBe(403);
    expect((await as('leader').post('/api/reports/types', quarterly)).status).toBe(403);
    const wrongRule = await as('coordinator').post('/api/reports/types', { ...quarterly, period: 'six_monthly' });
    expect(wrongRule.status).toBe(400);
    expect(wrongRule.body.error.details[0].path).toBe('deadlines');
    const created = await as('coordinator').post('/api/reports/types', quarterly);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...quarterly, retired: false, version: 1 });
    expect((await as('coordinator').post('/api/reports/types', quarterly)).status).toBe(409);
  });

  it('open rounds that ask for the type’s sections only, kept as they were when the round opened', async () => {
    const round = await openRound('quarterly_security');
    expect(round.status).toBe(201);
    expect(round.body.sections).toEqual(['results', 'recommendations']);
    const sent = await as('focal.a').put(`/api/reports/rounds/${round.body.id}/submission`, {
      sections: { results: 'Đã rà soát 12 hệ thống', recommendations: 'Bổ sung nhân lực' },
      submit: true,
    });
    expect(sent.status).toBe(200);
    const consolidated = await as('coordinator').get(`/api/reports/rounds/${round.body.id}/consolidated`);
    expect(consolidated.body.sections.results.map((s: { text: string }) => s.text)).toEqual(['Đã rà soát 12 hệ thống']);
    expect(consolidated.body.sections.difficulties).toEqual([]);
    // A type that asks for all three sections still refuses an incomplete answer.
    const annual = await openRound('agency_annual');
    const incomplete = await as('focal.a').put(`/api/reports/rounds/${annual.body.id}/submission`, {
      sections: { results: 'Có', recommendations: 'Có' },
      submit: true,
    });
    expect(incomplete.status).toBe(422);

    // Editing the type later does not change the round already open.
    const type = (await as('coordinator').get('/api/reports/types')).body.items.find(
      (t: ReportTypeView) => t.code === 'quarterly_security',
    );
    const { code: _code, ...fields } = quarterly;
    const edited = await as('coordinator').put('/api/reports/types/quarterly_security', {
      ...fields,
      sections: ['results', 'difficulties', 'recommendations'],
      retired: false,
      version: type.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect((await as('coordinator').get(`/api/reports/rounds/${round.body.id}`)).body.round.sections).toEqual([
      'results',
      'recommendations',
    ]);
  });

  it('refuse a stale edit with the current type, and once retired open no new round', async () => {
    const { code: _code, ...fields } = quarterly;
    const stale = await as('coordinator').put('/api/reports/types/quarterly_security', { ...fields, retired: false, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ code: 'quarterly_security', version: 2 });
    expect((await as('coordinator').put('/api/reports/types/no_such_type', { ...fields, retired: false, version: 1 })).status).toBe(404);
    const retired = await as('coordinator').put('/api/reports/types/quarterly_security', { ...fields, retired: true, version: 2 });
    expect(retired.status).toBe(200);
    const refused = await openRound('quarterly_security');
    expect(refused.status).toBe(422);
    expect((await openRound('no_such_type')).status).toBe(422);
    // Still listed: rounds opened from it keep their name.
    const listed = (await as('leader').get('/api/reports/types')).body.items.find((t: ReportTypeView) => t.code === 'quarterly_security');
    expect(listed).toMatchObject({ retired: true, version: 3 });
  });
});
