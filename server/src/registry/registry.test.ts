import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyView, SystemView, UserView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: AgencyView;
let agencyB: AgencyView;

const as = (who: string) => {
  const agent = hub.http();
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => agent.get(url).set('Authorization', auth),
    post: (url: string, body: object) => agent.post(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => agent.patch(url).set('Authorization', auth).send(body),
    put: (url: string, body: object) => agent.put(url).set('Authorization', auth).send(body),
  };
};

beforeAll(async () => {
  hub = await createSeededHub();
  for (const u of ['admin', 'coordinator', 'responder', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
  const meA = await as('focal.a').get('/api/me');
  const meB = await as('focal.b').get('/api/me');
  agencyA = (await as('admin').get(`/api/agencies/${meA.body.agencyId}`)).body;
  agencyB = (await as('admin').get(`/api/agencies/${meB.body.agencyId}`)).body;
});
afterAll(() => hub.close());

describe('the demo province', () => {
  it('has about 30 agencies of every type, the 11 critical sectors, systems of every level and the teams', async () => {
    const agencies: AgencyView[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: AgencyView[]; nextCursor: string | null } } = await as('admin').get(
        `/api/agencies?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      agencies.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(agencies.length).toBeGreaterThanOrEqual(28);
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length); // cursor pages do not overlap
    expect(new Set(agencies.map((a) => a.type))).toEqual(
      new Set(['provincial_department', 'commune_committee', 'public_service_unit', 'state_enterprise', 'telecom_enterprise', 'other']),
    );
    expect(agencies.every((a) => a.focalPoints.some((f) => f.available247))).toBe(true);
    const sectors = await as('responder').get('/api/sectors');
    expect(sectors.body.items.filter((s: { critical: boolean }) => s.critical)).toHaveLength(11);
    const systems = await as('admin').get('/api/systems?limit=200');
    expect(new Set(systems.body.items.map((s: SystemView) => s.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    const teams = await as('admin').get('/api/teams');
    const kinds = teams.body.items.map((t: { kind: string; isStanding: boolean }) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['provincial_cert', 'police', 'military', 'sector_cert', 'national_body']));
    expect(teams.body.items.filter((t: { isStanding: boolean }) => t.isStanding)).toHaveLength(1);
  });
});

describe('search ignores Vietnamese diacritics', () => {
  it('finds "Sở Khoa học và Công nghệ" from "so khoa hoc"', async () => {
    const res = await as('admin').get('/api/agencies?q=so%20khoa%20hoc');
    expect(res.body.items.map((a: AgencyView) => a.name)).toContain('Sở Khoa học và Công nghệ tỉnh Hòa Lâm');
  });
  it('finds "UBND xã Đạ Lây" from "da lay" and users by name', async () => {
    const res = await as('admin').get('/api/agencies?q=DA%20LAY');
    expect(res.body.items.map((a: AgencyView) => a.name)).toEqual(['UBND xã Đạ Lây']);
    const users = await as('admin').get('/api/users?q=ung%20cuu');
    expect(users.body.items.map((u: UserView) => u.username)).toEqual(['responder']);
  });
});

describe('a focal point stays inside their own agency', () => {
  it('lists and reads only their own agency; another agency is 404', async () => {
    const list = await as('focal.a').get('/api/agencies');
    expect(list.body.items.map((a: AgencyView) => a.id)).toEqual([agencyA.id]);
    expect((await as('focal.a').get(`/api/agencies/${agencyB.id}`)).status).toBe(404);
    expect((await as('focal.a').get(`/api/agencies/${agencyA.id}`)).status).toBe(200);
  });

  it("sees only their agency's systems, by list and by id", async () => {
    const mine = await as('focal.a').get('/api/systems?limit=200');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((s: SystemView) => s.agencyId === agencyA.id)).toBe(true);
    const theirs = await as('focal.a').get(`/api/systems?agencyId=${agencyB.id}`);
    expect(theirs.body.items).toEqual([]);
    const bSystems = await as('admin').get(`/api/systems?agencyId=${agencyB.id}`);
    expect((await as('focal.a').get(`/api/systems/${bSystems.body.items[0].id}`)).status).toBe(404);
  });

  it("cannot change another agency's records", async () => {
    const fp = { name: 'Kẻ Mạo Danh', phone: '0900 000 000', email: 'x@example.vn' };
    expect(
      (await as('focal.a').put(`/api/agencies/${agencyB.id}/focal-points`, { version: agencyB.version, focalPoints: [fp] })).status,
    ).toBe(404);
    expect((await as('focal.a').patch(`/api/agencies/${agencyB.id}`, { name: 'Bị đổi tên', version: agencyB.version })).status).toBe(404);
    const bSystems = await as('admin').get(`/api/systems?agencyId=${agencyB.id}`);
    const s = bSystems.body.items[0] as SystemView;
    expect((await as('focal.a').patch(`/api/systems/${s.id}`, { level: 1, version: s.version })).status).toBe(404);
    const after = await as('admin').get(`/api/agencies/${agencyB.id}`);
    expect(after.body.version).toBe(agencyB.version);
  });

  it('cannot pick another agency in a request body', async () => {
    const res = await as('focal.a').post('/api/systems', { agencyId: agencyB.id, name: 'Hệ thống giả', level: 2 });
    expect(res.status).toBe(403);
    const count = await as('admin').get(`/api/systems?agencyId=${agencyB.id}`);
    expect(count.body.items.some((s: SystemView) => s.name === 'Hệ thống giả')).toBe(false);
    // …while registering a system of their own agency works.
    const own = await as('focal.a').post('/api/systems', { agencyId: agencyA.id, name: 'Phần mềm kế toán nội bộ', level: 2 });
    expect(own.status).toBe(201);
    expect(own.body.agencyId).toBe(agencyA.id);
  });

  it('cannot make themselves admin', async () => {
    const me = await as('focal.a').get('/api/me');
    const viaProfile = await as('focal.a').patch('/api/me', { role: 'admin' });
    expect(viaProfile.status).toBe(400);
    const user = await as('admin').get(`/api/users/${me.body.id}`);
    const viaUsers = await as('focal.a').patch(`/api/users/${me.body.id}`, { role: 'admin', version: user.body.version });
    expect(viaUsers.status).toBe(403);
    const viaCreate = await as('focal.a').post('/api/users', {
      username: 'evil',
      displayName: 'Evil',
      password: 'Mat-khau-2026',
      role: 'admin',
    });
    expect(viaCreate.status).toBe(403);
    expect((await as('focal.a').get('/api/me')).body.role).toBe('focal_point');
    expect((await as('admin').get('/api/users?q=evil')).body.items).toEqual([]);
  });

  it("keeps their own agency's focal points current (R6), recorded as an event", async () => {
    const current = (await as('focal.a').get(`/api/agencies/${agencyA.id}`)).body as AgencyView;
    const res = await as('focal.a').put(`/api/agencies/${agencyA.id}/focal-points`, {
      version: current.version,
      focalPoints: [
        { name: 'Nguyễn Thị Hồng', position: 'Chuyên viên CNTT', phone: '0912 345 678', email: 'hong@stc.hoalam.gov.vn' },
        { name: 'Phạm Văn Long', phone: '0987 654 321', email: 'long@stc.hoalam.gov.vn', available247: false },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.focalPoints).toHaveLength(2);
    expect(res.body.focalPoints[0].primary).toBe(true);
    const history = await as('coordinator').get(`/api/agencies/${agencyA.id}/history`);
    const last = history.body.items.at(-1);
    expect(last.type).toBe('agency.focal_points_changed');
    expect(last.actor.username).toBe('focal.a');
  });
});

describe('leaders and responders read; only administrators change the registry', () => {
  it.each(['leader', 'responder', 'coordinator', 'focal.a'])('%s cannot create an agency', async (who) => {
    const res = await as(who).post('/api/agencies', { name: 'Sở Mới', type: 'provincial_department', province: 'Tỉnh Hòa Lâm' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
  it('leaders read any agency', async () => {
    expect((await as('leader').get(`/api/agencies/${agencyB.id}`)).status).toBe(200);
  });
  it('staff list users; agencies do not', async () => {
    expect((await as('leader').get('/api/users')).status).toBe(200);
    expect((await as('focal.a').get('/api/users')).status).toBe(403);
    expect((await as('coordinator').get('/api/users')).status).toBe(200);
  });
});

describe('administrators manage the registry', () => {
  it('create, rename (history kept) and merge agencies', async () => {
    const created = await as('admin').post('/api/agencies', {
      name: 'UBND xã Hòa Ninh',
      type: 'commune_committee',
      province: 'Tỉnh Hòa Lâm',
      email: 'vanthu@xahoaninh.hoalam.gov.vn',
    });
    expect(created.status).toBe(201);
    const renamed = await as('admin').patch(`/api/agencies/${created.body.id}`, {
      name: 'UBND xã Hòa Ninh Mới',
      version: created.body.version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.formerNames).toEqual(['UBND xã Hòa Ninh']);
    // Searching by the old name still finds it.
    expect((await as('admin').get('/api/agencies?q=hoa%20ninh')).body.items.map((a: AgencyView) => a.id)).toContain(created.body.id);

    const system = await as('admin').post('/api/systems', { agencyId: created.body.id, name: 'Trang tin xã Hòa Ninh', level: 1 });
    const focal = await as('admin').post('/api/users', {
      username: 'focal.hoaninh',
      displayName: 'Cán bộ xã Hòa Ninh',
      password: 'Mat-khau-2026',
      role: 'focal_point',
      agencyId: created.body.id,
    });
    expect(focal.status).toBe(201);
    const reported = await as('admin').post('/api/incidents', {
      agencyId: created.body.id,
      title: 'Trang tin xã bị thay đổi giao diện',
      category: 'defacement',
      description: 'Báo qua điện thoại trước khi sáp nhập.',
      detectedAt: '2026-11-19T08:00:00+07:00',
    });
    expect(reported.status).toBe(201);
    const target = (await as('admin').get('/api/agencies?q=tan%20hoi')).body.items[0] as AgencyView;
    const merged = await as('admin').post(`/api/agencies/${created.body.id}/merge`, {
      intoAgencyId: target.id,
      version: renamed.body.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.mergedIntoId).toBe(target.id);
    expect((await as('admin').get(`/api/systems/${system.body.id}`)).body.agencyId).toBe(target.id);
    expect((await as('admin').get(`/api/users/${focal.body.id}`)).body.agencyId).toBe(target.id);
    // The successor's focal point now follows the predecessor's incidents.
    expect((await as('admin').get(`/api/incidents/${reported.body.id}`)).body.agencyId).toBe(target.id);
    const mergedEvent = (await as('admin').get(`/api/agencies/${target.id}/history`)).body.items.at(-1);
    expect(mergedEvent.data).toMatchObject({ incidentsMoved: 1, systemsMoved: 1, usersMoved: 1 });
    const survivor = (await as('admin').get(`/api/agencies/${target.id}`)).body as AgencyView;
    expect(survivor.formerNames).toEqual(expect.arrayContaining(['UBND xã Hòa Ninh Mới', 'UBND xã Hòa Ninh']));
    // The merged agency keeps its whole history, and leaves the default list.
    const history = await as('admin').get(`/api/agencies/${created.body.id}/history`);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['agency.created', 'agency.updated', 'agency.merged']);
    expect((await as('admin').get('/api/agencies?q=hoa%20ninh%20moi')).body.items.map((a: AgencyView) => a.id)).not.toContain(
      created.body.id,
    );
    expect(
      (await as('admin').get('/api/agencies?q=hoa%20ninh%20moi&includeMerged=true')).body.items.map((a: AgencyView) => a.id),
    ).toContain(created.body.id);
  });

  it('a stale version gets 409 with the current record, never a silent overwrite', async () => {
    const first = await as('admin').patch(`/api/agencies/${agencyB.id}`, { address: 'Số 1 Trần Phú', version: agencyB.version });
    expect(first.status).toBe(200);
    const stale = await as('admin').patch(`/api/agencies/${agencyB.id}`, { address: 'Số 2 Lê Lợi', version: agencyB.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current.address).toBe('Số 1 Trần Phú');
  });

  it('teams: one standing team, members are responders or coordinators', async () => {
    const team = await as('admin').post('/api/teams', { name: 'Tổ ứng cứu dự phòng', kind: 'provincial_cert', isStanding: true });
    expect(team.status).toBe(201);
    const teams = (await as('admin').get('/api/teams?limit=100')).body.items as { id: string; isStanding: boolean }[];
    expect(teams.filter((t) => t.isStanding).map((t) => t.id)).toEqual([team.body.id]);
    const users = (await as('admin').get('/api/users?limit=100')).body.items as UserView[];
    const responder = users.find((u) => u.username === 'responder')!;
    const leader = users.find((u) => u.username === 'leader')!;
    const bad = await as('coordinator').put(`/api/teams/${team.body.id}/members`, { userIds: [leader.id], version: team.body.version });
    expect(bad.status).toBe(422);
    const ok = await as('coordinator').put(`/api/teams/${team.body.id}/members`, { userIds: [responder.id], version: team.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.memberIds).toEqual([responder.id]);
    const me = await hub.http().post('/api/auth/login').send({ username: 'responder', password: 'Demo@12345' });
    expect(me.body.user.teamIds).toContain(team.body.id);
  });

  it('users: unique usernames, valid role shape, and the last admin cannot be removed', async () => {
    const dup = await as('admin').post('/api/users', {
      username: 'leader',
      displayName: 'Trùng',
      password: 'Mat-khau-2026',
      role: 'leader',
    });
    expect(dup.status).toBe(409);
    const noAgency = await as('admin').post('/api/users', {
      username: 'fp.x',
      displayName: 'Đầu mối',
      password: 'Mat-khau-2026',
      role: 'focal_point',
    });
    expect(noAgency.status).toBe(400);
    const ghostAgency = await as('admin').post('/api/users', {
      username: 'fp.y',
      displayName: 'Đầu mối',
      password: 'Mat-khau-2026',
      role: 'focal_point',
      agencyId: 'no-such-agency',
    });
    expect(ghostAgency.status).toBe(422);
    const admin = ((await as('admin').get('/api/users?role=admin')).body.items as UserView[])[0]!;
    const demote = await as('admin').patch(`/api/users/${admin.id}`, { role: 'leader', version: admin.version });
    expect(demote.status).toBe(422);
  });
});
