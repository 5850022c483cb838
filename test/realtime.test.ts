/**
 * The realtime layer over real sockets: handshake authentication, room isolation between
 * agencies, dropping expired and revoked sessions, catching up with GET /api/events, and
 * presence in incident rooms.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type DomainEventMessage, type EventsPage, type IncidentView, type PresenceMessage } from '@cert-hub/shared';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, signIn, TEST_SETTINGS, type TestHub } from '../server/src/testing/testHub.js';
import { onDomainEvent } from './helpers/sockets.js';

let hub: TestHub;
let running: RunningHub;
let url: string;
const token: Record<string, string> = {};
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await createSeededHub();
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
  for (const u of ['responder', 'coordinator', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
});

function open(auth: Record<string, unknown> | undefined): Promise<Socket> {
  const socket = connect(url, { path: '/socket.io', auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Collects the domain events a socket receives. */
function collect(socket: Socket): DomainEventMessage[] {
  const got: DomainEventMessage[] = [];
  onDomainEvent(socket, (m) => got.push(m));
  return got;
}

/** Resolves once `got` (what a socket collected) satisfies `done`: now, or on a later domain event. */
function arrival(socket: Socket, got: DomainEventMessage[], done: (m: DomainEventMessage) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (got.some(done)) return resolve();
    const off = onDomainEvent(socket, () => {
      if (!got.some(done)) return;
      off();
      resolve();
    });
  });
}

async function api<T>(who: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token[who]}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const report = async (who: string, agencyId: string, title: string) =>
  api<IncidentView>(who, 'POST', '/incidents', {
    agencyId,
    title,
    category: 'phishing',
    description: 'Thư giả mạo gửi đến cán bộ.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  });

describe('handshake', () => {
  it('refuses a socket without a token, with a forged one, and with an expired one', async () => {
    await expect(open(undefined)).rejects.toThrow('unauthenticated');
    await expect(open({ token: 'not-a-jwt' })).rejects.toThrow('unauthenticated');
    const stale = await signIn(hub, 'leader');
    hub.clock.advance((TEST_SETTINGS.accessTokenTtlSeconds + 5) * 1000);
    await expect(open({ token: stale })).rejects.toThrow('unauthenticated');
    hub.clock.advance(-(TEST_SETTINGS.accessTokenTtlSeconds + 5) * 1000);
  });

  it('drops a connected socket when its token expires, telling it why', async () => {
    const socket = await open({ token: await signIn(hub, 'leader') });
    const ended = new Promise((resolve) => socket.once(SOCKET_EVENTS.sessionEnded, resolve));
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    hub.clock.advance((TEST_SETTINGS.accessTokenTtlSeconds + 1) * 1000);
    await Promise.all([ended, gone]);
    hub.clock.advance(-(TEST_SETTINGS.accessTokenTtlSeconds + 1) * 1000);
  });

  it('drops a connected socket when its session is signed out', async () => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'Demo@12345' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const socket = await open({ token: accessToken });
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
    await gone;
  });
});

describe('rooms', () => {
  it("never sends one agency's events to another agency; the agency gets no internal notes", async () => {
    const agencyA = (await api<{ agencyId: string }>('focal.a', 'GET', '/me')).agencyId;
    const [a, b, responder, leader] = await Promise.all([
      open({ token: token['focal.a'] }),
      open({ token: token['focal.b'] }),
      open({ token: token.responder }),
      open({ token: token.leader }),
    ]);
    const [gotA, gotB, gotResponder, gotLeader] = [collect(a), collect(b), collect(responder), collect(leader)];

    const incident = await report('focal.a', agencyA, 'Thư giả mạo Sở Tài chính');
    await api('responder', 'POST', `/incidents/${incident.id}/transitions`, { to: 'triage', version: incident.version });
    await api('responder', 'POST', `/incidents/${incident.id}/comments`, { body: 'Nội bộ: kiểm tra máy chủ thư', visibility: 'internal' });
    await api('responder', 'POST', `/incidents/${incident.id}/comments`, { body: 'Đơn vị gửi giúp tiêu đề thư', visibility: 'agency' });
    // Events are dispatched in commit order: once the last one arrived, everything before it did.
    const comments = (got: DomainEventMessage[]) =>
      got.filter((m) => m.event.incidentId === incident.id && m.event.type === 'incident.comment_added').length;
    await Promise.all([
      arrival(responder, gotResponder, () => comments(gotResponder) === 2),
      arrival(leader, gotLeader, () => comments(gotLeader) === 2),
      arrival(a, gotA, () => comments(gotA) === 1),
    ]);
    // Barrier for agency B: its own later report reaches it, so anything of A's would have too.
    const agencyB = (await api<{ agencyId: string }>('focal.b', 'GET', '/me')).agencyId;
    const own = await report('focal.b', agencyB, 'Báo cáo của đơn vị B');
    await arrival(b, gotB, (m) => m.event.incidentId === own.id);

    const types = (got: DomainEventMessage[]) => got.filter((m) => m.event.incidentId === incident.id).map((m) => m.event.type);
    expect(types(gotResponder)).toEqual([
      'incident.created',
      'incident.routed', // routing decisions are internal: the agency does not get them
      'incident.status_changed',
      'incident.comment_added',
      'incident.comment_added',
    ]);
    expect(types(gotLeader)).toEqual(types(gotResponder));
    expect(types(gotA)).toEqual(['incident.created', 'incident.status_changed', 'incident.comment_added']);
    expect(gotB.filter((m) => m.event.incidentId === incident.id)).toEqual([]);
    // Each message is versioned and carries the incident after the change.
    const moved = gotResponder.find((m) => m.event.type === 'incident.status_changed')!;
    expect(moved.event).toMatchObject({ incidentId: incident.id, version: 2, seq: expect.any(Number), at: expect.any(String) });
    expect(moved.incident?.status).toBe('triage');
    const seqs = gotResponder.map((m) => m.event.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });
});

describe('catching up', () => {
  it('GET /api/events?after= returns exactly what a client missed, in order, filtered for it', async () => {
    const agencyA = (await api<{ agencyId: string }>('focal.a', 'GET', '/me')).agencyId;
    const socket = await open({ token: token.coordinator });
    const live = collect(socket);
    const first = await report('focal.a', agencyA, 'Trước khi mất kết nối');
    // Filing records the report and its routing decision: the client has seen both.
    await arrival(socket, live, (m) => m.event.incidentId === first.id && m.event.type === 'incident.routed');
    const lastSeen = live.findLast((m) => m.event.incidentId === first.id)!.event.seq;
    socket.disconnect();

    const missed = await report('focal.a', agencyA, 'Trong lúc mất kết nối');
    await api('responder', 'POST', `/incidents/${missed.id}/transitions`, { to: 'triage', version: 1 });
    await api('coordinator', 'POST', `/incidents/${first.id}/transitions`, { to: 'triage', version: 1 });

    const page = await api<EventsPage>('coordinator', 'GET', `/events?after=${lastSeen}`);
    expect(page.events.map((m) => [m.event.incidentId, m.event.type])).toEqual([
      [missed.id, 'incident.created'],
      [missed.id, 'incident.routed'],
      [missed.id, 'incident.status_changed'],
      [first.id, 'incident.status_changed'],
    ]);
    expect(page.lastSeq).toBe(page.events.at(-1)!.event.seq);
    expect((await api<EventsPage>('coordinator', 'GET', `/events?after=${page.lastSeq}`)).events).toEqual([]);
    // Another agency catches up on nothing of this.
    expect((await api<EventsPage>('focal.b', 'GET', `/events?after=${lastSeen}`)).events).toEqual([]);
    const bad = await fetch(`${url}/api/events?after=-1`, { headers: { Authorization: `Bearer ${token.coordinator}` } });
    expect(bad.status).toBe(400);
  });
});

describe('incident rooms', () => {
  it('show who has an incident open, and refuse those who may not see it', async () => {
    const agencyA = (await api<{ agencyId: string }>('focal.a', 'GET', '/me')).agencyId;
    const incident = await report('focal.a', agencyA, 'Sự cố có nhiều người xem');
    const [responder, coordinator, outsider] = await Promise.all([
      open({ token: token.responder }),
      open({ token: token.coordinator }),
      open({ token: token['focal.b'] }),
    ]);
    const presence: PresenceMessage[] = [];
    responder.on(SOCKET_EVENTS.presence, (p: PresenceMessage) => presence.push(p));
    expect(await responder.emitWithAck(SOCKET_EVENTS.incidentJoin, { incidentId: incident.id })).toEqual({ ok: true });
    expect(await coordinator.emitWithAck(SOCKET_EVENTS.incidentJoin, { incidentId: incident.id })).toEqual({ ok: true });
    expect(await outsider.emitWithAck(SOCKET_EVENTS.incidentJoin, { incidentId: incident.id })).toEqual({ ok: false });
    const both = ['Nguyễn Văn Điều Phối', 'Trần Thị Ứng Cứu'];
    await new Promise<void>((resolve) => {
      const done = () => presence.some((p) => p.users.length === 2) && resolve();
      done();
      responder.on(SOCKET_EVENTS.presence, done);
    });
    expect(
      presence
        .find((p) => p.users.length === 2)!
        .users.map((u) => u.name)
        .sort(),
    ).toEqual(both);
    const typing = new Promise((resolve) => responder.once(SOCKET_EVENTS.typingUpdate, resolve));
    coordinator.emit(SOCKET_EVENTS.typing, { incidentId: incident.id, typing: true });
    expect(await typing).toMatchObject({ incidentId: incident.id, typing: true, user: { name: 'Nguyễn Văn Điều Phối' } });
  });

  it('disconnects a socket that floods the hub', async () => {
    const socket = await open({ token: token.responder });
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 100; i++) socket.emit(SOCKET_EVENTS.typing, { incidentId: 'x', typing: true });
    await gone;
  });
});

describe('access changes', () => {
  it('a user taken off a team stops receiving its events at once, and after reconnecting', async () => {
    token.admin = await signIn(hub, 'admin');
    const agencyA = (await api<{ agencyId: string }>('focal.a', 'GET', '/me')).agencyId;
    const teams = await api<{ items: { id: string; kind: string; isStanding: boolean; memberIds: string[]; version: number }[] }>(
      'admin',
      'GET',
      '/teams',
    );
    const cert = teams.items.find((t) => t.isStanding)!;
    const police = teams.items.find((t) => t.kind === 'police')!;
    // A responder of this test only, on the CERT and the police team.
    const created = await api<{ id: string }>('admin', 'POST', '/users', {
      username: 'realtime.leaver',
      displayName: 'Người rời đội',
      password: 'Leaver@12345',
      role: 'responder',
      agencyId: null,
      teamIds: [cert.id, police.id],
    });
    const certNow = await api<{ memberIds: string[]; version: number }>('admin', 'GET', `/teams/${cert.id}`);

    const socket = await open({ token: await signIn(hub, 'realtime.leaver', 'Leaver@12345') });
    const got = collect(socket);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    await api('admin', 'PUT', `/teams/${cert.id}/members`, {
      userIds: certNow.memberIds.filter((id) => id !== created.id),
      version: certNow.version,
    });
    await dropped; // the hub drops the socket so the console reloads what it may now see
    await new Promise<void>((resolve) => {
      socket.once('connect', () => resolve());
      socket.connect();
    });
    const former = await report('focal.a', agencyA, 'Sau khi rời đội');
    // Barrier: an incident that also goes to the police team, which the socket must receive.
    const barrier = await api<IncidentView>('focal.a', 'POST', '/incidents', {
      agencyId: agencyA,
      title: 'Lộ bí mật nhà nước',
      category: 'data_leak',
      description: 'Tài liệu mật bị phát tán.',
      detectedAt: '2026-11-20T08:00:00+07:00',
      impacts: ['state_secret_disclosure'],
    });
    await new Promise<void>((resolve) => {
      const off = onDomainEvent(socket, (m) => {
        if (m.event.incidentId !== barrier.id) return;
        off();
        resolve();
      });
      if (got.some((m) => m.event.incidentId === barrier.id)) resolve();
    });
    expect(got.some((m) => m.event.incidentId === former.id)).toBe(false);
  });
});
