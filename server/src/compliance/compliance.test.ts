/**
 * The compliance page's checks: R6 (no 24/7 focal point), R3 (level-3+ assessment overdue,
 * level 5 every six months), R1 (late incident reports) and R4 (no drill this year).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceLine } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let admin: string;
let leader: string;
let coordinator: string;

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T02:00:00Z');
  admin = await signIn(hub, 'admin');
  leader = await signIn(hub, 'leader');
  coordinator = await signIn(hub, 'coordinator');
}, 60_000);
afterAll(async () => hub?.close());

const compliance = async (year = 2026) => {
  const res = await hub.http().get(`/api/compliance?year=${year}`).set('Authorization', `Bearer ${leader}`);
  expect(res.status).toBe(200);
  return res.body.items as ComplianceLine[];
};

describe('GET /api/compliance', () => {
  it('lists an agency with no 24/7 focal point, and stops listing it once one is designated (R6)', async () => {
    const created = await hub
      .http()
      .post('/api/agencies')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Trung tâm Lưu trữ lịch sử tỉnh', type: 'public_service_unit', province: 'Tỉnh Hòa Lâm' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const before = (await compliance()).filter((l) => l.agencyId === id && l.rule === 'R6');
    expect(before).toEqual([
      expect.objectContaining({
        rule: 'R6',
        check: 'no_focal_point',
        fixPath: `/agencies?q=${encodeURIComponent('Trung tâm Lưu trữ lịch sử tỉnh')}`,
      }),
    ]);

    const set = await hub
      .http()
      .put(`/api/agencies/${id}/focal-points`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        version: created.body.version,
        focalPoints: [{ name: 'Vũ Văn Nam', phone: '0263 3821 099', email: 'nam@example.gov.vn', available247: true, primary: true }],
      });
    expect(set.status).toBe(200);
    expect((await compliance()).filter((l) => l.agencyId === id && l.rule === 'R6')).toEqual([]);
  });

  it('lists a level-5 system whose assessment is older than six months, not one assessed recently (R3)', async () => {
    const agencyId = (await hub.store.agencies.list({ limit: 1 })).items[0]!.id;
    const system = async (name: string, level: number) => {
      const res = await hub
        .http()
        .post('/api/systems')
        .set('Authorization', `Bearer ${admin}`)
        .send({ agencyId, name, level, nationalCritical: level === 5 });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const old5 = await system('Hệ thống điều khiển lưới điện tỉnh', 5);
    const fresh5 = await system('Hệ thống thanh toán tập trung tỉnh', 5);
    const assess = (systemId: string, assessedAt: string) =>
      hub
        .http()
        .post('/api/assessments')
        .set('Authorization', `Bearer ${coordinator}`)
        .send({
          systemId,
          approvalDecision: { number: '123/QĐ-UBND', date: '2025-03-01' },
          assessor: 'Công ty kiểm định ATTT độc lập',
          monitoringProvider: 'Nhà mạng giám sát',
          assessedAt,
          result: 'passed_with_findings',
          findings: [{ text: 'Chưa bật xác thực hai lớp cho quản trị', remediationDue: '2026-06-30' }],
        });
    const oldRes = await assess(old5, '2026-04-10'); // 20/11 is more than six months later
    expect(oldRes.status).toBe(201);
    expect(oldRes.body.nextDueAt).toBe('2026-10-10');
    expect((await assess(fresh5, '2026-09-01')).status).toBe(201);

    const r3 = (await compliance()).filter((l) => l.rule === 'R3');
    expect(r3).toContainEqual(expect.objectContaining({ check: 'assessment_overdue', subjectId: old5 }));
    expect(r3.some((l) => l.subjectId === fresh5)).toBe(false);

    // Independence: the assessor cannot be the monitoring provider; level 1-2 systems need no assessment.
    const notIndependent = await hub
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        systemId: fresh5,
        approvalDecision: { number: '1/QĐ', date: '2025-01-01' },
        assessor: 'Nhà mạng giám sát',
        monitoringProvider: 'Nhà mạng giám sát',
        assessedAt: '2026-11-01',
        result: 'passed',
      });
    expect(notIndependent.status).toBe(400);
    const low = await system('Trang tin nội bộ', 2);
    const lowRes = await assess(low, '2026-11-01');
    expect(lowRes.status).toBe(422);
  });

  it('lists agencies with late incident reports (R1) and is refused to focal points', async () => {
    const agencyId = (await hub.store.agencies.list({ limit: 1 })).items[0]!.id;
    const filed = await hub
      .http()
      .post('/api/incidents')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        agencyId,
        title: 'Mã độc mã hóa dữ liệu kế toán',
        category: 'malware',
        description: 'Phát hiện máy trạm bị mã hóa dữ liệu từ tuần trước.',
        detectedAt: '2026-11-10T08:00:00+07:00',
        contact: { name: 'Cán bộ trực', phone: '0263 3999 000' },
      });
    expect(filed.status).toBe(201);
    expect(filed.body.lateReport).toBe(true);
    const r1 = (await compliance()).filter((l) => l.rule === 'R1');
    expect(r1).toEqual([expect.objectContaining({ agencyId, check: 'late_incident_reports' })]);
    const focal = await signIn(hub, 'focal.a');
    expect((await hub.http().get('/api/compliance?year=2026').set('Authorization', `Bearer ${focal}`)).status).toBe(403);
  });
});

describe('R4 on the compliance page', () => {
  it('lists an agency in no drill this year, and stops listing it once a drill held elsewhere records it', async () => {
    const agencyId = (await hub.store.agencies.list({ limit: 1 })).items[0]!.id;
    const r4 = async () => (await compliance()).filter((l) => l.rule === 'R4' && l.agencyId === agencyId);
    expect(await r4()).toEqual([expect.objectContaining({ check: 'no_drill', params: { year: 2026 }, fixPath: '/drills/years/2026' })]);

    const external = await hub
      .http()
      .post('/api/drills/external')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        name: 'Diễn tập thực chiến quốc gia 2026',
        year: 2026,
        date: '2026-10-15',
        organizer: 'Trung tâm ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)',
        participatingAgencyIds: [agencyId],
        results: [{ agencyId, score: 85 }],
      });
    expect(external.status).toBe(201);
    expect(await r4()).toEqual([]);
  });
});
