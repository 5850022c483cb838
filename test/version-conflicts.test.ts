/**
 * Optimistic concurrency, one contract for every versioned resource: a change sent with a
 * version that is no longer current is 409 `version_conflict`, changes nothing, and answers
 * with the record as it is now — presented exactly as the resource's own read route shows
 * it to the same caller.
 *
 * FORMAT — one row per versioned write. `make` creates the row's own record (nothing is
 * shared between rows); `bump` changes it once with the version it was made with; `stale`
 * sends another change with that same, now old, version; `read` is the record as the
 * resource's read route answers the same caller.
 *
 * Over 400 lines on purpose: it is one table, a row of request data per versioned write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

type Who = 'admin' | 'coordinator' | 'responder' | 'focal.a';
interface Request {
  who: Who;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: object;
}
interface Made {
  version: number | null;
  /** Path parameters and ids the row's requests need. */
  ids: Record<string, string>;
}
interface Row {
  name: string;
  make: () => Promise<Made>;
  bump: (m: Made) => Request;
  stale: (m: Made) => Request;
  read: (m: Made) => Promise<Record<string, unknown>>;
}

let hub: TestHub;
const tokens: Partial<Record<Who, string>> = {};
let agencyA: string;
let police: string;
let serial = 0;

async function send<T = Record<string, unknown>>(who: Who, method: string, path: string, body?: object, expected?: number): Promise<T> {
  const agent = hub.http();
  const req = agent[method.toLowerCase() as 'get'](`/api${path}`).set('Authorization', `Bearer ${tokens[who]}`);
  const res = body ? await req.send(body) : await req;
  if (expected !== undefined && res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  if (expected === undefined && res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}
const get = (who: Who, path: string) => send(who, 'GET', path);
const listItem = async (who: Who, path: string, match: (item: Record<string, unknown>) => boolean) =>
  (await send<{ items: Record<string, unknown>[] }>(who, 'GET', path)).items.find(match)!;

async function newIncident(): Promise<Made> {
  const incident = await send<{ id: string; version: number }>('focal.a', 'POST', '/incidents', {
    agencyId: agencyA,
    title: `Sự cố xung đột ${++serial}`,
    category: 'phishing',
    description: 'Thư giả mạo gửi đến cán bộ.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  });
  return { version: incident.version, ids: { id: incident.id } };
}
const tagIncident = (m: Made, version = m.version): Request => ({
  who: 'responder',
  method: 'PATCH',
  path: `/incidents/${m.ids.id}`,
  body: { tags: [`xung-dot-${++serial}`], version },
});
const readIncident = (who: Who) => (m: Made) => get(who, `/incidents/${m.ids.id}`);

async function newAgency(): Promise<Made> {
  const agency = await send<{ id: string; version: number }>('admin', 'POST', '/agencies', {
    name: `UBND xã Xung Đột ${++serial}`,
    type: 'commune_committee',
    province: 'Tỉnh Hòa Lâm',
    parentId: null,
  });
  return { version: agency.version, ids: { id: agency.id } };
}
const focalPoints = [
  { name: 'Lê Văn Trực', position: null, phone: '0912345678', email: 'truc@example.gov.vn', available247: true, primary: true },
];

async function newTeam(): Promise<Made> {
  const team = await send<{ id: string; version: number }>('admin', 'POST', '/teams', {
    name: `Đội xung đột ${++serial}`,
    kind: 'sector_cert',
  });
  return { version: team.version, ids: { id: team.id } };
}

async function newDrill(): Promise<Made> {
  const drill = await send<{ id: string; version: number }>('coordinator', 'POST', '/drills', {
    name: `Diễn tập xung đột ${++serial}`,
    year: 2026,
    type: 'tabletop',
    objectives: [{ title: 'Phát hiện sớm' }],
  });
  return { version: drill.version, ids: { id: drill.id } };
}

async function seriousIncident(): Promise<Made> {
  const made = await newIncident();
  await send('coordinator', 'POST', `/incidents/${made.ids.id}/serious`, {
    action: 'declare',
    reason: 'Ảnh hưởng diện rộng',
    version: made.version,
  });
  const upward = await listItem('coordinator', `/incidents/${made.ids.id}/upward-notifications`, () => true);
  return { version: upward.version as number, ids: { id: made.ids.id!, notificationId: upward.id as string } };
}

const sections = (text: string) => ({ results: text, difficulties: 'Khó khăn', recommendations: 'Kiến nghị' });

const ROWS: Row[] = [
  {
    name: 'agency',
    make: newAgency,
    bump: (m) => ({ who: 'admin', method: 'PATCH', path: `/agencies/${m.ids.id}`, body: { address: 'Số 1 Trần Phú', version: m.version } }),
    stale: (m) => ({ who: 'admin', method: 'PATCH', path: `/agencies/${m.ids.id}`, body: { address: 'Số 2 Lê Lợi', version: m.version } }),
    read: (m) => get('admin', `/agencies/${m.ids.id}`),
  },
  {
    name: 'agency focal points',
    make: newAgency,
    bump: (m) => ({ who: 'admin', method: 'PATCH', path: `/agencies/${m.ids.id}`, body: { phone: '02633800800', version: m.version } }),
    stale: (m) => ({ who: 'admin', method: 'PUT', path: `/agencies/${m.ids.id}/focal-points`, body: { focalPoints, version: m.version } }),
    read: (m) => get('admin', `/agencies/${m.ids.id}`),
  },
  {
    name: 'information system',
    make: async () => {
      const system = await send<{ id: string; version: number }>('admin', 'POST', '/systems', {
        agencyId: agencyA,
        name: `Hệ thống xung đột ${++serial}`,
        level: 2,
        nationalCritical: false,
      });
      return { version: system.version, ids: { id: system.id } };
    },
    bump: (m) => ({
      who: 'admin',
      method: 'PATCH',
      path: `/systems/${m.ids.id}`,
      body: { name: `Hệ thống đổi tên ${++serial}`, version: m.version },
    }),
    stale: (m) => ({ who: 'admin', method: 'PATCH', path: `/systems/${m.ids.id}`, body: { description: 'Mô tả', version: m.version } }),
    read: (m) => get('admin', `/systems/${m.ids.id}`),
  },
  {
    name: 'team',
    make: newTeam,
    bump: (m) => ({ who: 'admin', method: 'PATCH', path: `/teams/${m.ids.id}`, body: { description: 'Đội mới', version: m.version } }),
    stale: (m) => ({ who: 'admin', method: 'PATCH', path: `/teams/${m.ids.id}`, body: { phone: '02633800801', version: m.version } }),
    read: (m) => get('admin', `/teams/${m.ids.id}`),
  },
  {
    name: 'team members (the conflict keeps them)',
    make: async () => {
      const made = await newTeam();
      const responder = (await get('responder', '/me')) as { id: string };
      return { ...made, ids: { ...made.ids, member: responder.id } };
    },
    bump: (m) => ({
      who: 'admin',
      method: 'PUT',
      path: `/teams/${m.ids.id}/members`,
      body: { userIds: [m.ids.member], version: m.version },
    }),
    stale: (m) => ({ who: 'admin', method: 'PUT', path: `/teams/${m.ids.id}/members`, body: { userIds: [], version: m.version } }),
    read: (m) => get('admin', `/teams/${m.ids.id}`),
  },
  {
    name: 'user',
    make: async () => {
      const user = await send<{ id: string; version: number }>('admin', 'POST', '/users', {
        username: `xung.dot.${++serial}`,
        displayName: 'Xung Đột',
        password: 'Conflict@12345',
        role: 'leader',
        agencyId: null,
        teamIds: [],
      });
      return { version: user.version, ids: { id: user.id } };
    },
    bump: (m) => ({ who: 'admin', method: 'PATCH', path: `/users/${m.ids.id}`, body: { displayName: 'Xung Đột Mới', version: m.version } }),
    stale: (m) => ({ who: 'admin', method: 'PATCH', path: `/users/${m.ids.id}`, body: { phone: '0912000111', version: m.version } }),
    read: (m) => get('admin', `/users/${m.ids.id}`),
  },
  {
    name: 'incident update',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => tagIncident(m),
    read: readIncident('responder'),
  },
  {
    name: 'incident move',
    make: newIncident,
    bump: (m) => ({
      who: 'responder',
      method: 'POST',
      path: `/incidents/${m.ids.id}/transitions`,
      body: { to: 'triage', version: m.version },
    }),
    stale: (m) => ({
      who: 'responder',
      method: 'POST',
      path: `/incidents/${m.ids.id}/transitions`,
      body: { to: 'triage', version: m.version },
    }),
    read: readIncident('responder'),
  },
  {
    name: 'incident checklist',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => ({
      who: 'responder',
      method: 'POST',
      path: `/incidents/${m.ids.id}/tasks`,
      body: { title: 'Việc thêm', version: m.version },
    }),
    read: readIncident('responder'),
  },
  {
    name: 'incident closure confirmation (the agency sees its own view)',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => ({ who: 'focal.a', method: 'POST', path: `/incidents/${m.ids.id}/closure-confirmation`, body: { version: m.version } }),
    read: readIncident('focal.a'),
  },
  {
    name: 'incident rerouting',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => ({
      who: 'coordinator',
      method: 'POST',
      path: `/incidents/${m.ids.id}/routing`,
      body: { action: 'add_team', teamId: police, reason: 'Cần công an hỗ trợ', version: m.version },
    }),
    read: readIncident('coordinator'),
  },
  {
    name: 'serious decision',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => ({
      who: 'coordinator',
      method: 'POST',
      path: `/incidents/${m.ids.id}/serious`,
      body: { action: 'declare', reason: 'Ảnh hưởng diện rộng', version: m.version },
    }),
    read: readIncident('coordinator'),
  },
  {
    name: 'seriousness re-assessment',
    make: newIncident,
    bump: (m) => tagIncident(m),
    stale: (m) => ({
      who: 'responder',
      method: 'PUT',
      path: `/incidents/${m.ids.id}/assessment`,
      body: { canHandleAlone: false, version: m.version },
    }),
    read: readIncident('responder'),
  },
  {
    name: 'upward notification',
    make: seriousIncident,
    bump: (m) => ({
      who: 'coordinator',
      method: 'PATCH',
      path: `/incidents/${m.ids.id}/upward-notifications/${m.ids.notificationId}`,
      body: { channel: 'email', version: m.version },
    }),
    stale: (m) => ({
      who: 'coordinator',
      method: 'POST',
      path: `/incidents/${m.ids.id}/upward-notifications/${m.ids.notificationId}/follow-ups`,
      body: { note: 'Đã gọi điện nhắc', version: m.version },
    }),
    read: (m) => listItem('coordinator', `/incidents/${m.ids.id}/upward-notifications`, (n) => n.id === m.ids.notificationId),
  },
  {
    name: 'routing rule',
    make: async () => {
      const rule = await send<{ id: string; version: number }>('coordinator', 'POST', '/routing/rules', {
        name: `Quy tắc xung đột ${++serial}`,
        enabled: false,
        conditions: {},
        actions: { owningTeamId: null },
      });
      return { version: rule.version, ids: { id: rule.id } };
    },
    bump: (m) => ({
      who: 'coordinator',
      method: 'PATCH',
      path: `/routing/rules/${m.ids.id}`,
      body: { name: `Đổi tên ${++serial}`, version: m.version },
    }),
    stale: (m) => ({
      who: 'coordinator',
      method: 'PATCH',
      path: `/routing/rules/${m.ids.id}`,
      body: { description: 'Mô tả', version: m.version },
    }),
    read: (m) => listItem('coordinator', '/routing/rules', (r) => r.id === m.ids.id),
  },
  {
    name: 'on-call roster (first save races another)',
    make: async () => ({ version: null, ids: (await newTeam()).ids }),
    bump: (m) => ({
      who: 'coordinator',
      method: 'PUT',
      path: `/teams/${m.ids.id}/oncall`,
      body: { version: m.version, rotationStart: '2026-11-23T08:00:00+07:00', weeks: [] },
    }),
    stale: (m) => ({
      who: 'coordinator',
      method: 'PUT',
      path: `/teams/${m.ids.id}/oncall`,
      body: { version: m.version, rotationStart: '2026-11-30T08:00:00+07:00', weeks: [] },
    }),
    read: async (m) => (await get('coordinator', `/teams/${m.ids.id}/oncall`)).roster as Record<string, unknown>,
  },
  {
    name: 'SLA policy (sent without a version while one exists)',
    make: async () => ({ version: null, ids: { scope: 'critical' } }),
    bump: (m) => ({
      who: 'coordinator',
      method: 'POST',
      path: '/sla/policies',
      body: { scope: m.ids.scope, acknowledge: 'PT15M', leaveTriage: null, contain: null, escalationDelay: 'PT10M' },
    }),
    stale: (m) => ({
      who: 'coordinator',
      method: 'POST',
      path: '/sla/policies',
      body: { scope: m.ids.scope, acknowledge: 'PT30M', leaveTriage: null, contain: null, escalationDelay: 'PT10M' },
    }),
    read: (m) => listItem('coordinator', '/sla/policies', (p) => p.scope === m.ids.scope),
  },
  {
    name: 'report submission',
    make: async () => {
      const round = await send<{ id: string }>('coordinator', 'POST', '/reports/rounds', {
        reportType: 'agency_annual',
        title: `Báo cáo năm xung đột ${++serial}`,
        year: 2026,
        deadline: '2026-12-05T00:00:00+07:00',
        agencyIds: [agencyA],
      });
      const draft = await send<{ version: number }>('focal.a', 'PUT', `/reports/rounds/${round.id}/submission`, {
        sections: sections('Bản nháp'),
        submit: false,
      });
      return { version: draft.version, ids: { id: round.id } };
    },
    bump: (m) => ({
      who: 'focal.a',
      method: 'PUT',
      path: `/reports/rounds/${m.ids.id}/submission`,
      body: { sections: sections('Sửa lần một'), submit: false, version: m.version },
    }),
    stale: (m) => ({
      who: 'focal.a',
      method: 'PUT',
      path: `/reports/rounds/${m.ids.id}/submission`,
      body: { sections: sections('Sửa trên bản cũ'), submit: false, version: m.version },
    }),
    read: async (m) => (await get('focal.a', `/reports/rounds/${m.ids.id}`)).mine as Record<string, unknown>,
  },
  {
    name: 'drill participants',
    make: newDrill,
    bump: (m) => ({
      who: 'coordinator',
      method: 'PUT',
      path: `/drills/${m.ids.id}/participants`,
      body: { participants: [], version: m.version },
    }),
    stale: (m) => ({
      who: 'coordinator',
      method: 'PUT',
      path: `/drills/${m.ids.id}/participants`,
      body: { participants: [], version: m.version },
    }),
    read: (m) => get('coordinator', `/drills/${m.ids.id}`),
  },
  {
    name: 'drill start',
    make: newDrill,
    bump: (m) => ({
      who: 'coordinator',
      method: 'PUT',
      path: `/drills/${m.ids.id}/participants`,
      body: { participants: [], version: m.version },
    }),
    stale: (m) => ({ who: 'coordinator', method: 'POST', path: `/drills/${m.ids.id}/start`, body: { version: m.version } }),
    read: (m) => get('coordinator', `/drills/${m.ids.id}`),
  },
];

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const who of ['admin', 'coordinator', 'responder', 'focal.a'] as const) tokens[who] = await signIn(hub, who);
  agencyA = ((await get('focal.a', '/me')) as { agencyId: string }).agencyId;
  police = (await hub.store.teams.list({ limit: 50 })).items.find((t) => t.kind === 'police')!.id;
});
afterAll(() => hub.close());

describe('a stale version', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s: 409 with the current record, nothing changed', async (_name, row) => {
    const made = await row.make();
    const bumped = row.bump(made);
    await send(bumped.who, bumped.method, bumped.path, bumped.body);
    const current = await row.read(made);
    const stale = row.stale(made);
    const agent = hub.http();
    const res = await agent[stale.method.toLowerCase() as 'post'](`/api${stale.path}`)
      .set('Authorization', `Bearer ${tokens[stale.who]}`)
      .send(stale.body);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.error.details.current).toEqual(current);
    expect(await row.read(made)).toEqual(current);
  });
});
