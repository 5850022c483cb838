/**
 * Drills over real HTTP on the demo province with a fake clock: planning, injects firing as
 * DRILL incidents, metrics, scores and lessons, the after-action DOCX, the leaders' year view.
 * Over 400 lines: the drill's life runs in order on one seeded hub, a describe per stage.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView, TeamView } from '@cert-hub/shared';
import { MOTTO_NATION, MOTTO_SLOGAN } from '../documents/decree30.js';
import { createSeededHub, openTestHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;
let agencyB: string;
let certTeam: string;
let responderId: string;

const as = (who: string) => {
  const agent = hub.http();
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => agent.get(url).set('Authorization', auth),
    post: (url: string, body: object = {}) => agent.post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object) => agent.put(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => agent.patch(url).set('Authorization', auth).send(body),
  };
};

const template = (title: string) => ({
  systemName: 'Cổng dịch vụ công tỉnh',
  systemLevel: 3,
  title,
  category: 'ransomware',
  description: 'Kịch bản diễn tập: máy chủ bị mã hóa dữ liệu, xuất hiện thông báo đòi tiền chuộc.',
  impacts: ['service_interruption'],
  indicators: [{ type: 'ip', value: '198.51.100.23' }],
});

const drillBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Diễn tập ứng cứu sự cố mã độc tống tiền 2026',
  year: 2026,
  type: 'tabletop',
  scenario: 'Nhóm tin tặc mã hóa dữ liệu Cổng dịch vụ công tỉnh.',
  objectives: [{ title: 'Báo cáo sự cố trong 15 phút' }, { title: 'Ngăn chặn lây lan trong 1 giờ' }],
  participatingAgencyIds: [agencyA],
  teamIds: [certTeam],
  evaluatorIds: [responderId],
  injects: [
    { offset: 'PT10S', target: { teamId: certTeam, agencyId: agencyA }, incident: template('Máy chủ cổng dịch vụ công bị mã hóa') },
    { offset: 'PT20S', target: { teamId: certTeam, agencyId: agencyA }, incident: template('Máy trạm phòng một cửa bị mã hóa') },
    { offset: 'PT30S', target: { teamId: certTeam }, message: 'Báo chí gọi điện hỏi về sự cố' },
  ],
  ...overrides,
});

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const realIncidents = async () => ids((await as('leader').get('/api/incidents?drill=false&limit=100')).body.items);

async function move(who: string, id: string, to: string, extra: Record<string, unknown> = {}) {
  const current = (await as(who).get(`/api/incidents/${id}`)).body as IncidentView;
  const res = await as(who).post(`/api/incidents/${id}/transitions`, { to, version: current.version, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as IncidentView;
}

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const u of ['admin', 'coordinator', 'responder', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
  agencyB = (await as('focal.b').get('/api/me')).body.agencyId;
  responderId = (await as('responder').get('/api/me')).body.id;
  certTeam = ((await as('admin').get('/api/teams')).body.items as TeamView[]).find((t) => t.isStanding)!.id;
  // One real incident, so that "real lists do not change" compares something.
  const real = await as('focal.a').post('/api/incidents', {
    ...template('Sự cố thật: trang chủ bị lỗi'),
    agencyId: agencyA,
    detectedAt: '2026-11-20T09:00:00+07:00',
  });
  expect(real.status).toBe(201);
}, 60_000);
afterAll(() => hub.close());

describe('running a drill on the live board', () => {
  it('fires each inject on time as a DRILL incident on the responder’s board, measured per team; real lists never change', async () => {
    const realBefore = await realIncidents();
    const created = await as('coordinator').post('/api/drills', drillBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const drill = created.body;
    expect(drill).toMatchObject({ status: 'planned', phase: 'preparation', version: 1 });
    expect(drill.injects).toHaveLength(3);

    const started = await as('coordinator').post(`/api/drills/${drill.id}/start`, { version: 1 });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('running');
    const startAt = Date.parse(started.body.startedAt);
    expect(started.body.injects.map((i: { dueAt: string }) => Date.parse(i.dueAt) - startAt)).toEqual([10_000, 20_000, 30_000]);
    expect(started.body.injects.every((i: { firedAt: string | null }) => i.firedAt === null)).toBe(true);

    hub.clock.advance(9_999);
    expect(await hub.services.drills.fireDue()).toBe(0);
    hub.clock.advance(1);
    expect(await hub.services.drills.fireDue()).toBe(1);
    expect(await hub.services.drills.fireDue()).toBe(0); // once

    const board = (await as('responder').get('/api/incidents?open=true&limit=100')).body.items as IncidentView[];
    const first = board.find((i) => i.drill?.drillId === drill.id)!;
    expect(first).toBeTruthy();
    expect(first.drill).toEqual({ drillId: drill.id, injectId: drill.injects[0].id });
    expect(first.reportedAt).toBe(new Date(startAt + 10_000).toISOString());
    expect(first.routing.teamIds).toContain(certTeam);
    expect((await as('responder').get('/api/incidents?drill=true')).body.items.map((i: IncidentView) => i.id)).toContain(first.id);

    hub.clock.advance(10_000);
    expect(await hub.services.drills.fireDue()).toBe(1);
    hub.clock.advance(10_000);
    expect(await hub.services.drills.fireDue()).toBe(1); // the message-only inject: no incident
    const fired = (await as('coordinator').get(`/api/drills/${drill.id}`)).body;
    expect(fired.injects.map((i: { incidentId: string | null }) => i.incidentId === null)).toEqual([false, false, true]);
    expect(fired.nextDueAt).toBeNull();

    // The responder acknowledges after 30 s and contains after 2 min; the second is closed.
    hub.clock.advance(30_000);
    await move('responder', first.id, 'triage');
    hub.clock.advance(30_000);
    await move('responder', first.id, 'initial_response', { severity: 'high' });
    hub.clock.advance(60_000);
    await move('responder', first.id, 'containment');
    const second = fired.injects[1].incidentId as string;
    await move('responder', second, 'triage');
    await move('responder', second, 'initial_response', { severity: 'medium' });
    await move('responder', second, 'recovery');
    await move('responder', second, 'closed', {
      closingReport: {
        rootCause: 'Diễn tập',
        actionsTaken: 'Cô lập máy',
        damage: 'Không',
        recoveryTime: '1 giờ',
        recommendations: 'Sao lưu',
      },
    });
    const current = (await as('responder').get(`/api/incidents/${first.id}`)).body as IncidentView;
    const task = current.tasks![0];
    if (task) await as('responder').put(`/api/incidents/${first.id}/tasks/${task.id}`, { done: true, version: current.version });

    const metrics = (await as('coordinator').get(`/api/drills/${drill.id}/metrics`)).body;
    const row = metrics.rows.find((r: { incidentId: string; teamId: string }) => r.incidentId === first.id && r.teamId === certTeam);
    // Fired at +10 s; acknowledged 30 s after the last inject (+30 s) → 50 s after it fired.
    expect(row.seconds).toEqual({ acknowledged: 50, leftTriage: 80, contained: null, closed: null });
    if (task) expect(row.tasksDone).toEqual([task.title]);
    const secondRow = metrics.rows.find((r: { incidentId: string }) => r.incidentId === second);
    expect(secondRow.seconds.contained).toBe(secondRow.seconds.closed);
    expect(secondRow.seconds.closed).not.toBeNull();
    expect(metrics.teams.find((t: { teamId: string }) => t.teamId === certTeam).injects).toBe(2);

    // Contained only counts on reaching recovery: move the first on and see it.
    hub.clock.advance(60_000);
    await move('responder', first.id, 'recovery');
    const later = (await as('coordinator').get(`/api/drills/${drill.id}/metrics`)).body;
    expect(later.rows.find((r: { incidentId: string }) => r.incidentId === first.id).seconds.contained).toBe(50 + 30 + 60 + 60);

    expect(await realIncidents()).toEqual(realBefore);
    const ended = await as('coordinator').post(`/api/drills/${drill.id}/end`);
    expect(ended.body).toMatchObject({ status: 'evaluation', phase: 'evaluation' });
  });

  it('pausing shifts every inject still to come by the time paused; ending stops the rest', async () => {
    const drill = (await as('coordinator').post('/api/drills', drillBody({ name: 'Diễn tập tạm dừng' }))).body;
    await as('coordinator').post(`/api/drills/${drill.id}/start`);
    hub.clock.advance(5_000);
    expect((await as('coordinator').post(`/api/drills/${drill.id}/pause`)).body.status).toBe('paused');
    hub.clock.advance(60_000);
    expect(await hub.services.drills.fireDue()).toBe(0);
    const resumed = (await as('coordinator').post(`/api/drills/${drill.id}/resume`)).body;
    expect(Date.parse(resumed.injects[0].dueAt) - Date.parse(resumed.startedAt)).toBe(70_000);
    hub.clock.advance(4_999);
    expect(await hub.services.drills.fireDue()).toBe(0);
    hub.clock.advance(1);
    expect(await hub.services.drills.fireDue()).toBe(1);
    await as('coordinator').post(`/api/drills/${drill.id}/end`);
    hub.clock.advance(60_000);
    expect(await hub.services.drills.fireDue()).toBe(0);
    const ended = (await as('coordinator').get(`/api/drills/${drill.id}`)).body;
    expect(ended.injects.filter((i: { firedAt: string | null }) => i.firedAt).length).toBe(1);
  });

  it('fires an inject once even when two timers race for it', async () => {
    const drill = (await as('coordinator').post('/api/drills', drillBody({ name: 'Diễn tập hai bộ hẹn giờ' }))).body;
    await as('coordinator').post(`/api/drills/${drill.id}/start`);
    hub.clock.advance(10_000);
    const counts = await Promise.all([hub.services.drills.fireDue(), hub.services.drills.fireDue(), hub.services.drills.fireDue()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const mine = (await as('leader').get('/api/incidents?drill=true&limit=100')).body.items.filter(
      (i: IncidentView) => i.drill?.drillId === drill.id,
    );
    expect(mine).toHaveLength(1);
    await as('coordinator').post(`/api/drills/${drill.id}/end`);
  });

  it('refuses what the phase or the role does not allow, and bad input changes nothing', async () => {
    const drill = (await as('coordinator').post('/api/drills', drillBody({ name: 'Diễn tập kiểm tra lỗi' }))).body;
    expect((await as('coordinator').post(`/api/drills/${drill.id}/pause`)).status).toBe(422);
    expect((await as('coordinator').post(`/api/drills/${drill.id}/start`, { version: 99 })).status).toBe(409);
    expect((await as('leader').post(`/api/drills/${drill.id}/start`)).status).toBe(403);
    expect((await as('leader').post('/api/drills', drillBody())).status).toBe(403);
    expect((await as('focal.a').get(`/api/drills/${drill.id}`)).status).toBe(404);
    const bad = await as('coordinator').post('/api/drills', drillBody({ injects: [{ offset: '10 minutes', message: 'x' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('injects.0.offset');
    const noAgency = await as('coordinator').post(
      '/api/drills',
      drillBody({ injects: [{ offset: 'PT1M', incident: template('Không có cơ quan') }] }),
    );
    expect(noAgency.status).toBe(400);
    const unknown = await as('coordinator').post('/api/drills', drillBody({ participatingAgencyIds: ['nope'] }));
    expect(unknown.status).toBe(422);
    expect((await as('coordinator').get(`/api/drills/${drill.id}`)).body.version).toBe(1);
  });
});

describe('an inject that intake refuses', () => {
  it('is recorded once with the reason and the rest of the drill goes on', async () => {
    const doomed = (
      await as('admin').post('/api/agencies', { name: 'Sở Sắp Sáp Nhập', type: 'provincial_department', province: 'Tỉnh Hòa Lâm' })
    ).body;
    const drill = (
      await as('coordinator').post(
        '/api/drills',
        drillBody({
          name: 'Diễn tập cơ quan đã sáp nhập',
          participatingAgencyIds: [doomed.id],
          injects: [
            { offset: 'PT10S', target: { teamId: certTeam, agencyId: doomed.id }, incident: template('Sự cố tại cơ quan đã sáp nhập') },
            { offset: 'PT20S', target: { teamId: certTeam, agencyId: agencyA }, incident: template('Sự cố tại Sở Tài chính') },
          ],
        }),
      )
    ).body;
    await as('coordinator').post(`/api/drills/${drill.id}/start`);
    const merged = await as('admin').post(`/api/agencies/${doomed.id}/merge`, { intoAgencyId: agencyA, version: doomed.version });
    expect(merged.status).toBe(200);
    hub.clock.advance(20_000);
    expect(await hub.services.drills.fireDue()).toBe(2);
    expect(await hub.services.drills.fireDue()).toBe(0);
    const after = (await as('coordinator').get(`/api/drills/${drill.id}`)).body;
    expect(after.injects[0]).toMatchObject({ incidentId: null, failure: 'Unknown agency' });
    expect(after.injects[1].incidentId).toBeTruthy();
    await as('coordinator').post(`/api/drills/${drill.id}/end`);
  });
});

describe('evaluating and the after-action report', () => {
  let drillId: string;
  beforeAll(async () => {
    const drill = (await as('coordinator').post('/api/drills', drillBody({ name: 'Diễn tập đánh giá' }))).body;
    drillId = drill.id;
    await as('coordinator').post(`/api/drills/${drillId}/start`);
    hub.clock.advance(10_000);
    await hub.services.drills.fireDue();
    await as('coordinator').post(`/api/drills/${drillId}/end`);
  });

  it('evaluators score objectives on the drill’s rubric and write observations; others cannot', async () => {
    const drill = (await as('responder').get(`/api/drills/${drillId}`)).body;
    expect(drill.abilities).toEqual({ manage: false, evaluate: true });
    const objective = drill.objectives[0].id;
    expect((await as('responder').post(`/api/drills/${drillId}/scores`, { objectiveId: objective, score: 3 })).status).toBe(200);
    expect((await as('responder').post(`/api/drills/${drillId}/scores`, { objectiveId: objective, score: 9 })).status).toBe(422);
    expect((await as('leader').post(`/api/drills/${drillId}/scores`, { objectiveId: objective, score: 3 })).status).toBe(403);
    await as('coordinator').post(`/api/drills/${drillId}/scores`, { objectiveId: objective, score: 4 });
    const observed = await as('responder').post(`/api/drills/${drillId}/observations`, { text: 'Đội phản ứng nhanh nhưng báo cáo chậm.' });
    expect(observed.status).toBe(201);
    expect(observed.body.scores).toHaveLength(2);
  });

  it('tracks lessons learned with an owner and due date until done', async () => {
    const added = await as('coordinator').post(`/api/drills/${drillId}/lessons`, {
      title: 'Xây dựng quy trình sao lưu ngoại tuyến',
      ownerName: 'Nguyễn Văn Bình',
      ownerAgencyId: agencyA,
      dueDate: '2027-03-31',
    });
    expect(added.status).toBe(201);
    const lesson = added.body.lessons[0];
    expect(lesson).toMatchObject({ status: 'open', doneAt: null });
    const done = await as('coordinator').patch(`/api/drills/${drillId}/lessons/${lesson.id}`, { status: 'done' });
    expect(done.body.lessons[0]).toMatchObject({ status: 'done', doneAt: hub.clock.now().toISOString() });
    expect((await as('responder').patch(`/api/drills/${drillId}/lessons/${lesson.id}`, { status: 'open' })).status).toBe(403);
  });

  it('records the named people each agency sends, with attendance', async () => {
    const drill = (await as('coordinator').get(`/api/drills/${drillId}`)).body;
    const res = await as('coordinator').put(`/api/drills/${drillId}/participants`, {
      version: drill.version,
      participants: [
        { agencyId: agencyA, name: 'Trần Thị Lan', position: 'Phó Giám đốc', role: 'leader', attended: true },
        { agencyId: agencyA, name: 'Lê Văn Hùng', position: 'Chuyên viên', role: 'staff', attended: false },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.participants.map((p: { attended: boolean }) => p.attended)).toEqual([true, false]);
    expect((await as('coordinator').put(`/api/drills/${drillId}/participants`, { version: drill.version, participants: [] })).status).toBe(
      409,
    );
  });

  it('writes a Decree 30 DOCX that LibreOffice converts, with the motto and the figures', async () => {
    const res = await as('leader')
      .get(`/api/drills/${drillId}/report.docx`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const bytes = res.body as Buffer;
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    for (const text of [
      MOTTO_NATION,
      MOTTO_SLOGAN,
      'Diễn tập đánh giá',
      'Báo cáo sự cố trong 15 phút',
      'Xây dựng quy trình sao lưu ngoại tuyến',
      'Đã hoàn thành',
      'Đội phản ứng nhanh',
    ])
      expect(xml).toContain(text);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-report-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.docx'), bytes);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          path.join(dir, 'report.docx'),
        ],
        {
          timeout: 120_000,
          stdio: 'ignore',
        },
      );
      const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('copies a drill into another year without its run', async () => {
    const res = await as('coordinator').post(`/api/drills/${drillId}/copy`, { year: 2027 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2027, status: 'planned', copiedFromId: drillId, scores: [], lessons: [], observations: [] });
    expect(res.body.injects.every((i: { firedAt: string | null; dueAt: string | null }) => i.firedAt === null && i.dueAt === null)).toBe(
      true,
    );
    expect(res.body.injects).toHaveLength(3);
  });
});

describe('the annual drill plan', () => {
  it('keeps one plan per year that a coordinator sets and everyone on staff reads', async () => {
    expect((await as('leader').get('/api/drills/plans/2027')).body).toMatchObject({ year: 2027, items: [] });
    const items = [
      { title: 'Diễn tập ngành năng lượng', month: 5, type: 'live_fire', sectorCodes: ['energy'] },
      { title: 'Diễn tập liên ngành', month: 10, type: 'combined', sectorCodes: [] },
    ];
    expect((await as('leader').put('/api/drills/plans/2027', { items })).status).toBe(403);
    expect((await as('coordinator').put('/api/drills/plans/2027', { items: [{ ...items[0], month: 13 }] })).status).toBe(400);
    const saved = await as('coordinator').put('/api/drills/plans/2027', { items });
    expect(saved.status).toBe(200);
    const read = (await as('leader').get('/api/drills/plans/2027')).body;
    expect(read.items).toEqual(items.map((i) => ({ ...i, drillId: null })));
    expect(read.updatedAt).toBe(hub.clock.now().toISOString());
  });
});

describe('the API document', () => {
  it('describes the drill endpoints from the shared schemas', async () => {
    const doc = (await hub.http().get('/api/openapi.json')).body;
    const create = doc.paths['/drills'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'year', 'type']));
    expect(doc.paths['/drills/external'].post).toBeTruthy();
    expect(doc.paths['/drills/years/{year}'].get.parameters[0]).toMatchObject({ name: 'year', in: 'path' });
    expect(doc.paths['/drills/{id}/start'].post).toBeTruthy();
  });
});

describe('the leaders’ year view', () => {
  it('lists agencies that took part in no drill, critical sectors first; an external drill with one of them removes it', async () => {
    const view = (await as('leader').get('/api/drills/years/2026')).body;
    expect(view.participatingAgencyIds).toContain(agencyA);
    expect(view.nonParticipatingAgencyIds).toContain(agencyB);
    expect(view.nonParticipatingAgencyIds).not.toContain(agencyA);
    const criticalFlags = view.nonParticipatingAgencies.map((a: { critical: boolean }) => a.critical);
    expect(criticalFlags.indexOf(false)).toBeGreaterThan(0);
    expect(criticalFlags.slice(criticalFlags.indexOf(false))).not.toContain(true);
    expect(view.averageSeconds.acknowledged).not.toBeNull();
    expect(view.lessons).toMatchObject({ done: 1 });
    expect(view.previousYears.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);

    const external = await as('coordinator').post('/api/drills/external', {
      name: 'Diễn tập thực chiến quốc gia 2026',
      year: 2026,
      date: '2026-10-15',
      organizer: 'Trung tâm ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)',
      participatingAgencyIds: [],
      results: [{ agencyId: agencyB, score: 87.5, rank: 3, findings: 'Phát hiện chậm' }],
    });
    expect(external.status, JSON.stringify(external.body)).toBe(201);
    expect(external.body).toMatchObject({ source: 'external', status: 'closed' });
    const after = (await as('leader').get('/api/drills/years/2026')).body;
    expect(after.nonParticipatingAgencyIds).not.toContain(agencyB);
    expect(after.participatingAgencyIds).toContain(agencyB);
    expect(after.nonParticipatingAgencyIds).toHaveLength(view.nonParticipatingAgencyIds.length - 1);
    expect(await hub.services.drills.participatingAgencyIds(2026)).toEqual(expect.arrayContaining([agencyA, agencyB]));
    expect(await hub.services.drills.participatingAgencyIds(2025)).toEqual([]);
    expect((await as('focal.a').get('/api/drills/years/2026')).status).toBe(403);
  });
});

describe('inject timers across a restart', () => {
  it('fires the remaining injects once each, on time, after the hub restarts on the same data', async () => {
    const drill = (await as('coordinator').post('/api/drills', drillBody({ name: 'Diễn tập khởi động lại' }))).body;
    const started = (await as('coordinator').post(`/api/drills/${drill.id}/start`)).body;
    hub.clock.advance(10_000);
    expect(await hub.services.drills.fireDue()).toBe(1);

    // "Restart": a new store connection and new services over the same SQLite file.
    await hub.store.close();
    const restarted = openTestHub(hub.dataDir, hub.clock);
    const services = restarted.services;
    expect(await services.drills.fireDue()).toBe(0);
    hub.clock.advance(10_000);
    expect(await services.drills.fireDue()).toBe(1);
    expect(await services.drills.fireDue()).toBe(0);
    hub.clock.advance(60_000); // the third was due while nobody looked: it fires late, once
    expect(await services.drills.fireDue()).toBe(1);
    const after = await restarted.store.drills.get(drill.id);
    expect(after!.injects.map((i) => i.firedAt)).toEqual([
      new Date(Date.parse(started.startedAt) + 10_000).toISOString(),
      new Date(Date.parse(started.startedAt) + 20_000).toISOString(),
      hub.clock.now().toISOString(),
    ]);
    const incidents = await restarted.store.incidents.list({ limit: 200, drill: true });
    expect(incidents.items.filter((i) => i.drill?.drillId === drill.id)).toHaveLength(2);
    hub = restarted;
  });
});
