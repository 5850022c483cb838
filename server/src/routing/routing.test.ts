/**
 * Routing, on-call and serious incidents over real HTTP and sockets on the demo province
 * (issue 8, "Done when" bullet 1), with the rules API, the preview and a coordinator's reroute.
 *
 * Over 400 lines: the scenarios share one seeded hub with its sockets, rules and rosters.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVENTS,
  SOCKET_EVENTS,
  type DomainEventMessage,
  type IncidentView,
  type RoutingRuleView,
  type TeamView,
  type UpwardNotificationView,
} from '@cert-hub/shared';
import { startServer, type RunningHub } from '../server.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let running: RunningHub;
const token: Record<string, string> = {};
let teams: TeamView[];
const teamId = (kind: string, pick: (t: TeamView) => boolean = () => true) => teams.find((t) => t.kind === kind && pick(t))!.id;
let agencyA: string; // a provincial department
let agencyB: string; // a commune/ward People's Committee
const sockets: Socket[] = [];

const as = (who: string) => {
  const auth = `Bearer ${token[who]}`;
  const agent = () => hub.http();
  return {
    get: (url: string) => agent().get(url).set('Authorization', auth),
    post: (url: string, body: object) => agent().post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object) => agent().put(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => agent().patch(url).set('Authorization', auth).send(body),
    delete: (url: string) => agent().delete(url).set('Authorization', auth),
  };
};

const report = (overrides: Record<string, unknown> = {}) => ({
  agencyId: agencyB,
  systemName: 'Cổng dịch vụ công phường',
  systemLevel: 2,
  title: 'Thư giả mạo gửi cán bộ phường',
  category: 'phishing',
  description: 'Nhiều cán bộ nhận thư giả mạo yêu cầu đăng nhập lại hộp thư công vụ.',
  detectedAt: '2026-11-20T08:30:00+07:00',
  impacts: [],
  indicators: [{ type: 'domain', value: 'mail-hoabinh.example' }],
  tlp: 'amber',
  ...overrides,
});

function open(who: string): Promise<Socket> {
  const socket = connect(`http://127.0.0.1:${running.port}`, {
    path: '/socket.io',
    auth: { token: token[who] },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the first domain event of a type for an incident, or fails after `ms`. */
function waitFor(socket: Socket, type: string, ms: number, match: (m: DomainEventMessage) => boolean = () => true) {
  return new Promise<DomainEventMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms);
    const check = (m: DomainEventMessage) => {
      if (m.event.type === type && match(m)) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    // Events dispatched together come in one frame (`domain:events`).
    socket.on(SOCKET_EVENTS.domainEvent, check);
    socket.on(SOCKET_EVENTS.domainEvents, (ms: DomainEventMessage[]) => ms.forEach(check));
  });
}

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z'); // Friday 10:00 in Hà Nội
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  for (const u of ['admin', 'coordinator', 'responder', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
  teams = (await as('admin').get('/api/teams?limit=100')).body.items as TeamView[];
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
  agencyB = (await as('focal.b').get('/api/me')).body.agencyId;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
});

describe('with the demo rules (issue 8, done when 1)', () => {
  it('a phishing report from a commune goes to the provincial CERT with its on-call responder assigned', async () => {
    const cert = teamId('provincial_cert', (t) => t.isStanding);
    const oncall = await as('coordinator').get(`/api/teams/${cert}/oncall`);
    expect(oncall.status).toBe(200);
    const primary = oncall.body.now.primaryUserId as string;
    expect(primary).toBeTruthy();
    const res = await as('focal.b').post('/api/incidents', report());
    expect(res.status).toBe(201);
    // Routing's working data (rule, assignees) is the CERT's: read it as staff.
    const incident = (await as('coordinator').get(`/api/incidents/${res.body.id}`)).body as IncidentView;
    expect((res.body as IncidentView).assigneeIds).toBeUndefined();
    const rules = (await as('coordinator').get('/api/routing/rules')).body.items as RoutingRuleView[];
    const defaultRule = rules.find((r) => Object.keys(r.conditions).length === 0)!;
    expect(incident.routing).toMatchObject({
      teamId: cert,
      ruleId: defaultRule.id,
      informedTeamIds: [],
      assigneeIds: [primary],
      teamIds: [cert],
    });
    expect(incident.assigneeIds).toEqual([primary]);
    const members = (await as('admin').get(`/api/teams/${cert}`)).body.memberIds as string[];
    expect(members).toContain(primary);
    const timeline = (await as('coordinator').get(`/api/incidents/${incident.id}/timeline`)).body.items as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline.find((e) => e.type === EVENTS.incidentRouted)?.data).toMatchObject({ ruleId: defaultRule.id, teamId: cert });
  });

  it('a report with state_secret_disclosure goes to the police cyber team; the CERT is informed', async () => {
    const filed = await as('focal.b').post('/api/incidents', report({ impacts: ['state_secret_disclosure'], category: 'data_leak' }));
    const res = await as('coordinator').get(`/api/incidents/${filed.body.id}`);
    const police = teamId('police');
    const cert = teamId('provincial_cert', (t) => t.isStanding);
    expect(res.body.routing).toMatchObject({ teamId: police, informedTeamIds: [cert] });
    expect(res.body.routing.teamIds.sort()).toEqual([police, cert].sort());
    expect(res.body.tags).toContain('R7');
  });

  it('a health-sector system also informs the health CERT', async () => {
    const res = await as('focal.a').post('/api/incidents', report({ agencyId: agencyA, sector: 'health', category: 'malware' }));
    expect(res.body.routing).toMatchObject({
      teamId: teamId('provincial_cert', (t) => t.isStanding),
      informedTeamIds: [teamId('sector_cert', (t) => t.sectorCode === 'health')],
    });
  });

  it('a level-4 system with service_interruption that its agency cannot handle alone becomes serious: coordinators and leaders hear within a second, upward records appear', async () => {
    const coordinator = await open('coordinator');
    const leader = await open('leader');
    const toCoordinator = waitFor(coordinator, EVENTS.incidentSeriousChanged, 1000);
    const toLeader = waitFor(leader, EVENTS.incidentSeriousChanged, 1000);
    const res = await as('focal.b').post(
      '/api/incidents',
      report({ systemLevel: 4, impacts: ['service_interruption'], category: 'ddos', canHandleAlone: false, mayExceedCapacity: true }),
    );
    expect(res.status).toBe(201);
    const incident = res.body as IncidentView;
    expect(incident).toMatchObject({
      serious: true,
      seriousness: { meetsCriteria: true, canHandleAlone: false, mayExceedCapacity: true, decision: null },
    });
    const staffView = (await as('coordinator').get(`/api/incidents/${incident.id}`)).body as IncidentView;
    expect(staffView.routing.reasons).toEqual(expect.arrayContaining(['serious=true', 'inform_leaders']));
    const [c, l] = await Promise.all([toCoordinator, toLeader]);
    for (const m of [c, l]) {
      expect(m.event.incidentId).toBe(incident.id);
      expect(m.event.data).toEqual({ serious: true, reason: null, by: 'assessment' });
    }
    const upward = (await as('coordinator').get(`/api/incidents/${incident.id}/upward-notifications`)).body
      .items as UpwardNotificationView[];
    const nationalBodies = teams.filter((t) => t.kind === 'national_body').map((t) => t.name);
    expect(upward.map((u) => u.recipientName).sort()).toEqual([...nationalBodies, expect.stringContaining('Lãnh đạo tỉnh')].sort());
    expect(upward.every((u) => u.status === 'prepared' && u.tlp === 'amber')).toBe(true);
    // The agency never sees the CERT's upward correspondence.
    expect((await as('focal.b').get(`/api/incidents/${incident.id}/upward-notifications`)).status).toBe(404);
  });
});

describe('serious incidents: decision, re-assessment, upward tracking', () => {
  it('meets the criteria without (c); the agency answers, the CERT re-assesses, a coordinator withdraws and declares with one event per flip', async () => {
    const filed = (await as('focal.b').post('/api/incidents', report({ systemLevel: 4, impacts: ['control_loss'] }))).body as IncidentView;
    expect(filed).toMatchObject({ serious: false, seriousness: { meetsCriteria: true, canHandleAlone: null } });
    // The agency answers condition (c); it may not change the impacts itself.
    expect((await as('focal.b').put(`/api/incidents/${filed.id}/assessment`, { version: filed.version, impacts: [] })).status).toBe(403);
    const answered = await as('focal.b').put(`/api/incidents/${filed.id}/assessment`, { version: filed.version, canHandleAlone: false });
    expect(answered.status).toBe(200);
    expect(answered.body.serious).toBe(true);
    // Impacts corrected by the CERT: no impact left, no longer serious.
    const cleared = await as('responder').put(`/api/incidents/${filed.id}/assessment`, { version: answered.body.version, impacts: [] });
    expect(cleared.body).toMatchObject({ serious: false, seriousness: { meetsCriteria: false } });
    // A stale version changes nothing.
    expect(
      (await as('responder').put(`/api/incidents/${filed.id}/assessment`, { version: filed.version, impacts: ['spreading'] })).status,
    ).toBe(409);
    // Only a coordinator declares, with a reason; confirming a non-serious incident is refused.
    expect(
      (
        await as('responder').post(`/api/incidents/${filed.id}/serious`, {
          version: cleared.body.version,
          action: 'declare',
          reason: 'Lan rộng',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as('coordinator').post(`/api/incidents/${filed.id}/serious`, {
          version: cleared.body.version,
          action: 'confirm',
          reason: 'Xác nhận',
        })
      ).status,
    ).toBe(422);
    expect(
      (await as('coordinator').post(`/api/incidents/${filed.id}/serious`, { version: cleared.body.version, action: 'declare' })).status,
    ).toBe(400);
    const declared = await as('coordinator').post(`/api/incidents/${filed.id}/serious`, {
      version: cleared.body.version,
      action: 'declare',
      reason: 'Ảnh hưởng dây chuyền tới hệ thống cấp 4 khác',
    });
    expect(declared.body).toMatchObject({
      serious: true,
      seriousReasons: ['coordinator_declared'],
      seriousness: { decision: { serious: true } },
    });
    const withdrawn = await as('coordinator').post(`/api/incidents/${filed.id}/serious`, {
      version: declared.body.version,
      action: 'withdraw',
      reason: 'Đơn vị đã tự khắc phục',
    });
    expect(withdrawn.body.serious).toBe(false);
    const events = (
      (await as('coordinator').get(`/api/incidents/${filed.id}/timeline`)).body.items as { type: string; data: Record<string, unknown> }[]
    )
      .filter((e) => e.type === EVENTS.incidentSeriousChanged)
      .map((e) => e.data);
    expect(events).toEqual([
      { serious: true, reason: null, by: 'assessment' },
      { serious: false, reason: null, by: 'assessment' },
      { serious: true, reason: 'Ảnh hưởng dây chuyền tới hệ thống cấp 4 khác', by: 'coordinator' },
      { serious: false, reason: 'Đơn vị đã tự khắc phục', by: 'coordinator' },
    ]);
    // Upward notifications were prepared once, on the first flip, and not doubled later.
    expect((await as('coordinator').get(`/api/incidents/${filed.id}/upward-notifications`)).body.items).toHaveLength(4);
  });

  it('re-assesses open incidents when the registry system’s level changes', async () => {
    const system = (
      await as('admin').post('/api/systems', {
        agencyId: agencyA,
        name: 'Hệ thống quản lý ngân sách',
        level: 3,
        sectorCode: 'finance',
        domains: [],
        ipRanges: [],
      })
    ).body as { id: string; version: number };
    const filed = (
      await as('focal.a').post(
        '/api/incidents',
        report({
          agencyId: agencyA,
          systemId: system.id,
          systemName: null,
          systemLevel: null,
          impacts: ['integrity_loss'],
          canHandleAlone: false,
        }),
      )
    ).body as IncidentView;
    expect(filed.serious).toBe(false);
    const coordinator = await open('coordinator');
    const changed = waitFor(coordinator, EVENTS.incidentSeriousChanged, 2000, (m) => m.event.incidentId === filed.id);
    expect((await as('admin').patch(`/api/systems/${system.id}`, { version: system.version, level: 4 })).status).toBe(200);
    await changed;
    expect((await as('coordinator').get(`/api/incidents/${filed.id}`)).body).toMatchObject({ serious: true, systemLevel: 4 });
  });

  it('tracks each upward notification: channel, sent by whom and when, document number, TLP, acknowledgement, follow-ups', async () => {
    const filed = (await as('focal.b').post('/api/incidents', report({ systemLevel: 5, impacts: ['spreading'], canHandleAlone: false })))
      .body as IncidentView;
    const [first] = (await as('coordinator').get(`/api/incidents/${filed.id}/upward-notifications`)).body.items as UpwardNotificationView[];
    const url = `/api/incidents/${filed.id}/upward-notifications/${first!.id}`;
    expect((await as('responder').patch(url, { version: 1, channel: 'email' })).status).toBe(403);
    expect((await as('coordinator').patch(url, { version: 1, acknowledged: true })).status).toBe(422);
    const sent = await as('coordinator').patch(url, {
      version: 1,
      channel: 'official_letter',
      sent: true,
      documentNumber: '123/CAT-PA05',
      content: 'Báo cáo ban đầu sự cố nghiêm trọng',
      tlp: 'amber+strict',
    });
    expect(sent.status).toBe(200);
    const coordinatorId = (await as('coordinator').get('/api/me')).body.id;
    expect(sent.body).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-20T03:00:00.000Z',
      sentBy: coordinatorId,
      documentNumber: '123/CAT-PA05',
      tlp: 'amber+strict',
    });
    hub.clock.advance(600_000);
    const acked = await as('coordinator').patch(url, {
      version: sent.body.version,
      acknowledged: true,
      acknowledgement: 'VNCERT/CC xác nhận đã nhận qua điện thoại',
    });
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-11-20T03:10:00.000Z' });
    const followed = await as('coordinator').post(`${url}/follow-ups`, {
      version: acked.body.version,
      note: 'Gửi báo cáo diễn biến lần 1',
    });
    expect(followed.status).toBe(201);
    expect(followed.body.followUps).toEqual([{ at: '2026-11-20T03:10:00.000Z', by: coordinatorId, note: 'Gửi báo cáo diễn biến lần 1' }]);
    expect((await as('coordinator').post(`${url}/follow-ups`, { version: 1, note: 'cũ' })).status).toBe(409);
    hub.clock.advance(-600_000);
  });

  it('never prepares upward notifications for a drill incident', async () => {
    const filed = (await as('focal.b').post('/api/incidents', report({ systemLevel: 4, impacts: ['control_loss'] }))).body as IncidentView;
    // Drills inject their incidents through the store; mark this one as a drill inject.
    const stored = (await hub.store.incidents.get(filed.id))!;
    await hub.store.incidents.update(
      { ...stored, drill: { drillId: 'drill-2026', injectId: null }, version: stored.version + 1 },
      stored.version,
    );
    const declared = await as('coordinator').post(`/api/incidents/${filed.id}/serious`, {
      version: stored.version + 1,
      action: 'declare',
      reason: 'Kịch bản diễn tập',
    });
    expect(declared.body.serious).toBe(true);
    expect((await as('coordinator').get(`/api/incidents/${filed.id}/upward-notifications`)).body.items).toEqual([]);
  });
});

describe('routing rules API', () => {
  it('coordinators create, update, reorder and delete rules; others may not; the preview says which rule and why', async () => {
    const telecom = teams.find((t) => t.kind === 'military')!.id;
    expect(
      (await as('responder').post('/api/routing/rules', { name: 'Mọi thứ', conditions: {}, actions: { owningTeamId: null } })).status,
    ).toBe(403);
    expect(
      (
        await as('coordinator').post('/api/routing/rules', {
          name: 'Sai',
          conditions: { categories: ['nope'] },
          actions: { owningTeamId: null },
        })
      ).status,
    ).toBe(400);
    expect(
      (await as('coordinator').post('/api/routing/rules', { name: 'Sai đội', conditions: {}, actions: { owningTeamId: 'no-such-team' } }))
        .status,
    ).toBe(422);
    const created = await as('coordinator').post('/api/routing/rules', {
      name: 'SIEM DDoS → Quân sự',
      conditions: { sources: ['machine'], categories: ['ddos'] },
      actions: { owningTeamId: telecom, tags: ['siem'] },
      position: 0,
    });
    expect(created.status).toBe(201);
    let rules = (await as('coordinator').get('/api/routing/rules')).body.items as RoutingRuleView[];
    expect(rules[0]!.id).toBe(created.body.id);
    expect(rules.map((r) => r.position)).toEqual(rules.map((_, i) => i));

    const preview = async (body: Record<string, unknown>) => (await as('coordinator').post('/api/routing/preview', report(body))).body;
    const asAgency = await preview({ category: 'ddos' });
    expect(asAgency.rule.name).toMatch(/^Mặc định/);
    expect(asAgency.trace[0]).toMatchObject({ ruleId: created.body.id, matched: false });
    const asMachine = await preview({ category: 'ddos', source: 'machine' });
    expect(asMachine).toMatchObject({ rule: { id: created.body.id }, routing: { teamId: telecom }, tags: ['siem'] });
    // The military team keeps no roster: routing says nobody was on call rather than assigning no one silently.
    expect(asMachine.routing.reasons).toEqual(['rule:SIEM DDoS → Quân sự', 'categories=ddos', 'sources=machine', 'nobody_on_call']);

    // Move it last: the default catches machine DDoS first now.
    const order = [...rules.slice(1).map((r) => r.id), created.body.id];
    expect((await as('coordinator').put('/api/routing/rules/order', { ruleIds: order.slice(1) })).status).toBe(422);
    const reordered = await as('coordinator').put('/api/routing/rules/order', { ruleIds: order });
    expect(reordered.body.items.map((r: RoutingRuleView) => r.id)).toEqual(order);
    expect((await preview({ category: 'ddos', source: 'machine' })).rule.name).toMatch(/^Mặc định/);

    const moved = reordered.body.items.at(-1) as RoutingRuleView;
    const disabled = await as('coordinator').patch(`/api/routing/rules/${moved.id}`, { version: moved.version, enabled: false });
    expect(disabled.body.enabled).toBe(false);
    expect((await as('coordinator').patch(`/api/routing/rules/${moved.id}`, { version: moved.version, enabled: true })).status).toBe(409);
    expect((await as('leader').delete(`/api/routing/rules/${moved.id}`)).status).toBe(403);
    expect((await as('coordinator').delete(`/api/routing/rules/${moved.id}`)).status).toBe(204);
    rules = (await as('coordinator').get('/api/routing/rules')).body.items as RoutingRuleView[];
    expect(rules.map((r) => r.id)).toEqual(order.slice(0, -1));
    expect(rules.map((r) => r.position)).toEqual(rules.map((_, i) => i));
  });
});

describe('reroute and add a body', () => {
  it('a coordinator transfers to another team or adds one with a reason; members of any working team can then be assigned', async () => {
    const incident = (await as('focal.b').post('/api/incidents', report({ title: 'Thư giả mạo cần hỗ trợ nhà mạng' })))
      .body as IncidentView;
    const military = teamId('military');
    const cert = incident.routing.teamId!;
    const url = `/api/incidents/${incident.id}/routing`;
    expect(
      (await as('responder').post(url, { version: incident.version, action: 'add_team', teamId: military, reason: 'Cần hỗ trợ' })).status,
    ).toBe(403);
    expect((await as('coordinator').post(url, { version: incident.version, action: 'add_team', teamId: military })).status).toBe(400);
    const added = await as('coordinator').post(url, {
      version: incident.version,
      action: 'add_team',
      teamId: military,
      reason: 'Cần hỗ trợ kỹ thuật',
    });
    expect(added.status).toBe(200);
    expect(added.body.routing).toMatchObject({ teamId: cert, informedTeamIds: [military] });
    expect(added.body.routing.teamIds.sort()).toEqual([cert, military].sort());
    expect(
      (await as('coordinator').post(url, { version: added.body.version, action: 'add_team', teamId: military, reason: 'lại' })).status,
    ).toBe(422);

    // A member of the added team can be assigned.
    const officer = await as('admin').post('/api/users', {
      username: 'tckgm.officer',
      displayName: 'Sĩ quan tác chiến không gian mạng',
      password: 'Mat-khau-2026',
      role: 'responder',
      teamIds: [military],
    });
    expect(officer.status).toBe(201);
    const assigned = await as('responder').patch(`/api/incidents/${incident.id}`, {
      version: added.body.version,
      assigneeIds: [...added.body.assigneeIds, officer.body.id],
    });
    expect(assigned.status).toBe(200);

    // Transfer to the military team: the CERT stays informed; removing it then drops its assignees.
    const transferred = await as('coordinator').post(url, {
      version: assigned.body.version,
      action: 'transfer',
      teamId: military,
      reason: 'Thuộc phạm vi quân sự',
    });
    expect(transferred.body.routing).toMatchObject({ teamId: military, informedTeamIds: [cert] });
    expect(
      (await as('coordinator').post(url, { version: transferred.body.version, action: 'remove_team', teamId: military, reason: 'x y z' }))
        .status,
    ).toBe(422);
    const timeline = (await as('coordinator').get(`/api/incidents/${incident.id}/timeline`)).body.items as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline.filter((e) => e.type === EVENTS.incidentRoutingChanged).map((e) => [e.data.action, e.data.reason])).toEqual([
      ['add_team', 'Cần hỗ trợ kỹ thuật'],
      ['transfer', 'Thuộc phạm vi quân sự'],
    ]);
  });
});
