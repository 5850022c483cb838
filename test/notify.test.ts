/**
 * Issue 8, part 2 over a live hub: a CERT question reaches the focal point's bell within a
 * second (real socket) and their mailbox (real SMTP server); a PT5S acknowledge deadline left
 * alone escalates step by step (e-mail and a signed webhook), a restart during the wait
 * neither loses nor doubles a step; and editing the audit store behind the hub's back makes
 * /api/audit/verify name the edited entry.
 *
 * Over 400 lines: the four scenarios share one live hub, SMTP receiver and webhook listener.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, NOTIFICATION_SOCKET_EVENT, type IncidentView, type NotificationListView, type NotificationView } from '@cert-hub/shared';
import { verifyWebhookSignature } from '../server/src/notifications/channels.js';
import { commit } from '../server/src/platform/unitOfWork.js';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, openTestHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import type { AppSettings } from '../server/src/app.js';
import { startSmtpReceiver, startWebhookReceiver } from './helpers/notifyHarness.js';

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>;
type Hooks = Awaited<ReturnType<typeof startWebhookReceiver>>;

let smtp: Smtp;
let receiver: Hooks;
let hub: TestHub;
let running: RunningHub;
let url: string;
const token: Record<string, string> = {};
const userId: Record<string, string> = {};
const sockets: Socket[] = [];

const settings = (): Partial<AppSettings> => ({
  smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'CERT Hub <hub@test.example>' },
  schedulerIntervalMs: 50,
  publicUrl: 'http://hub.test.example',
});

async function api<T>(who: string, method: string, route: string, body?: unknown, expected = 200): Promise<T> {
  const res = await fetch(`${url}/api${route}`, {
    method,
    headers: { Authorization: `Bearer ${token[who]}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function boot(h: TestHub) {
  hub = h;
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
  for (const u of ['admin', 'responder', 'coordinator', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  receiver = await startWebhookReceiver();
  await boot(await createSeededHub(settings()));
  // Demo accounts have no e-mail address: give each one so every channel can be checked.
  for (const u of ['responder', 'coordinator', 'focal.a', 'focal.b', 'leader']) {
    const me = await api<{ id: string }>(u, 'GET', '/me');
    userId[u] = me.id;
    const user = await api<{ version: number }>('admin', 'GET', `/users/${me.id}`);
    await api('admin', 'PATCH', `/users/${me.id}`, { email: `${u}@test.example`, version: user.version });
  }
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
  await smtp.close();
  await receiver.close();
});

function openSocket(who: string): Promise<Socket> {
  const socket = connect(url, {
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

const agencyOf = async (who: string) => (await api<{ agencyId: string }>(who, 'GET', '/me')).agencyId;

const file = async (who: string, title: string) =>
  api<IncidentView>(
    who,
    'POST',
    '/incidents',
    {
      agencyId: await agencyOf(who),
      title,
      category: 'phishing',
      description: 'Thư giả mạo gửi đến cán bộ.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    },
    201,
  );

describe('a CERT question', () => {
  it('shows on the reporting focal point’s bell within a second, only theirs, and arrives by e-mail', async () => {
    const incident = await file('focal.a', 'Câu hỏi từ CERT');
    const bellA = await openSocket('focal.a');
    const bellB = await openSocket('focal.b');
    const strayForB: NotificationView[] = [];
    bellB.on(NOTIFICATION_SOCKET_EVENT, (n: NotificationView) => strayForB.push(n));
    const before = await api<NotificationListView>('focal.a', 'GET', '/notifications');

    const pushed = new Promise<NotificationView>((resolve) =>
      bellA.on(
        NOTIFICATION_SOCKET_EVENT,
        (n: NotificationView) => n.incidentId === incident.id && n.kind === 'agency_question' && resolve(n),
      ),
    );
    const askedAt = Date.now();
    await api(
      'coordinator',
      'POST',
      `/incidents/${incident.id}/comments`,
      { body: 'Đơn vị đã đổi mật khẩu chưa?', visibility: 'agency' },
      201,
    );
    const notification = await pushed;
    expect(Date.now() - askedAt).toBeLessThan(1000);
    expect(notification.title).toContain(incident.code);
    expect(notification.body).toContain('đổi mật khẩu');

    const after = await api<NotificationListView>('focal.a', 'GET', '/notifications');
    expect(after.unread).toBe(before.unread + 1);
    expect(after.items[0]!.id).toBe(notification.id);

    const mail = await smtp.waitFor(
      (m) => m.to.includes('focal.a@test.example') && m.text.includes(incident.code),
      'the question by e-mail',
    );
    expect(mail.text).toContain('Đơn vị đã đổi mật khẩu chưa?');
    expect(mail.text).toContain(`http://hub.test.example/incidents/${incident.id}`);

    // An internal note is not a question to the agency.
    await api('coordinator', 'POST', `/incidents/${incident.id}/comments`, { body: 'ghi chú nội bộ', visibility: 'internal' }, 201);
    const read = await api<{ unread: number }>('focal.a', 'POST', '/notifications/read', { ids: [notification.id] });
    expect(read.unread).toBe(before.unread);
    expect(strayForB).toEqual([]);
  });

  it('mentions notify the person mentioned, and muted channels stay quiet (serious alerts cannot be muted)', async () => {
    const incident = await file('focal.a', 'Nhắc tên');
    await api('responder', 'PUT', '/notifications/preferences', { muted: ['mention:email'] });
    await expect(api('responder', 'PUT', '/notifications/preferences', { muted: ['serious:in_app'] }, 200)).rejects.toThrow('400');
    const bell = await openSocket('responder');
    const pushed = new Promise<NotificationView>((resolve) =>
      bell.on(NOTIFICATION_SOCKET_EVENT, (n: NotificationView) => n.kind === 'mention' && n.incidentId === incident.id && resolve(n)),
    );
    await api('coordinator', 'POST', `/incidents/${incident.id}/comments`, { body: 'Nhờ @responder kiểm tra máy chủ thư.' }, 201);
    expect((await pushed).body).toContain('@responder');
    // The e-mail channel was muted for mentions: the outbox holds no mention mail for them.
    const outbox = await api<{ items: { target: string; subject: string | null }[] }>('admin', 'GET', '/deliveries?limit=200');
    expect(outbox.items.filter((d) => d.target === 'responder@test.example' && d.subject?.includes('nhắc đến'))).toEqual([]);
    await api('responder', 'PUT', '/notifications/preferences', { muted: [] });
  });
});

describe('who is told', () => {
  it('a new incident reaches its owning team; closure reaches the agency’s focal points', async () => {
    const incident = await file('focal.a', 'Báo cáo mới cho đội');
    const inbox = (who: string) => api<NotificationListView>(who, 'GET', '/notifications?limit=200');
    await expect
      .poll(async () => (await inbox('responder')).items.some((n) => n.kind === 'incident_created' && n.incidentId === incident.id))
      .toBe(true);
    expect((await inbox('focal.a')).items.some((n) => n.kind === 'incident_created' && n.incidentId === incident.id)).toBe(false);

    let current = incident;
    const move = async (who: string, body: Record<string, unknown>) =>
      (current = await api<IncidentView>(who, 'POST', `/incidents/${incident.id}/transitions`, { version: current.version, ...body }));
    for (const step of [{ to: 'triage' }, { to: 'initial_response', severity: 'medium' }, { to: 'containment' }, { to: 'recovery' }])
      await move('responder', step);
    await move('coordinator', {
      to: 'closed',
      closingReport: {
        rootCause: 'Mật khẩu yếu',
        actionsTaken: 'Đổi mật khẩu',
        damage: 'Không',
        recoveryTime: '1 giờ',
        recommendations: 'Bật MFA',
      },
    });
    await expect
      .poll(async () => (await inbox('focal.a')).items.find((n) => n.kind === 'incident_closed' && n.incidentId === incident.id)?.body)
      .toBe('Mật khẩu yếu');
    expect((await inbox('focal.b')).items.some((n) => n.incidentId === incident.id)).toBe(false);
  });

  it('a serious incident alerts every coordinator and leader, drills are marked as drills', async () => {
    const incident = await file('focal.a', 'Tấn công từ chối dịch vụ cổng dịch vụ công');
    // A drill inject, as the drills feature marks it.
    const stored = (await hub.store.incidents.get(incident.id))!;
    await hub.store.incidents.update(
      { ...stored, drill: { drillId: 'drill-1', injectId: null }, version: stored.version + 1 },
      stored.version,
    );
    // Recorded the way the routing engineer's assessment records it.
    await commit(hub.deps, null, async (_tx, record) => {
      await record({
        type: EVENTS.incidentSeriousChanged,
        entity: 'incident',
        entityId: incident.id,
        incidentId: incident.id,
        version: stored.version + 1,
        data: { serious: true, reason: 'Hệ thống cấp độ 4 bị gián đoạn', by: userId.coordinator },
      });
    });
    for (const who of ['coordinator', 'leader']) {
      await expect
        .poll(async () =>
          (await api<NotificationListView>(who, 'GET', '/notifications')).items.find(
            (n) => n.incidentId === incident.id && n.kind === 'serious',
          ),
        )
        .toMatchObject({ drill: true, body: 'Hệ thống cấp độ 4 bị gián đoạn' });
    }
    const mail = await smtp.waitFor(
      (m) => m.to.includes('leader@test.example') && m.text.includes(incident.code) && m.text.includes('NGHIÊM TRỌNG'),
    );
    expect(mail.text).toContain('DIỄN TẬP / DRILL');
  });

  it('a failing webhook is retried with backoff, then kept as failed for the administrators, and can be sent again', async () => {
    const closed = await startWebhookReceiver();
    const deadUrl = closed.url;
    await closed.close(); // nothing listens there any more: every attempt fails
    const hook = await api<{ id: string }>(
      'admin',
      'POST',
      '/webhooks',
      { name: 'Dead end', url: deadUrl, secret: 'dead-end-secret-0123456789', eventTypes: [EVENTS.incidentCreated] },
      201,
    );
    await api('responder', 'GET', '/webhooks', undefined, 403);
    await file('focal.b', 'Gửi webhook thất bại');
    type Delivery = { id: string; target: string; status: string; attempts: number; nextAttemptAt: string; lastError: string | null };
    const mine = async () =>
      (await api<{ items: Delivery[] }>('admin', 'GET', '/deliveries?limit=200')).items.find((d) => d.target === hook.id)!;
    await expect.poll(async () => (await mine())?.attempts).toBe(1);
    const first = await mine();
    expect(first.status).toBe('pending');
    expect(first.lastError).toBeTruthy();
    expect(Date.parse(first.nextAttemptAt) - hub.clock.now().getTime()).toBe(30_000);

    // Hours pass (read from the store: access tokens expire meanwhile).
    const stored = () => hub.store.deliveries.get(first.id);
    for (let attempt = 2; attempt <= 8; attempt += 1) {
      hub.clock.advance(60 * 60_000);
      await expect.poll(async () => (await stored())?.attempts).toBe(attempt);
    }
    hub.clock.advance(24 * 60 * 60_000);
    await hub.services.scheduler.tick();
    expect(await stored()).toMatchObject({ status: 'failed', attempts: 8 });
    for (const u of Object.keys(token)) token[u] = await signIn(hub, u);
    const failed = await api<{ items: Delivery[] }>('admin', 'GET', '/deliveries?status=failed&limit=200');
    expect(failed.items.map((d) => d.id)).toContain(first.id);

    const retried = await api<Delivery>('admin', 'POST', `/deliveries/${first.id}/retry`, {});
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    await expect.poll(async () => (await mine()).attempts).toBe(1);
    await api('admin', 'DELETE', `/webhooks/${hook.id}`, undefined, 204);
  });
});

describe('SLA escalation', () => {
  it('escalates a PT5S acknowledge deadline step by step, survives a restart without losing or doubling a step', async () => {
    await api('coordinator', 'POST', '/sla/policies', {
      scope: 'default',
      acknowledge: 'PT5S',
      leaveTriage: null,
      contain: null,
      escalationDelay: 'PT1M',
    });
    const secret = 'province-chat-bridge-secret-0123';
    await api(
      'admin',
      'POST',
      '/webhooks',
      { name: 'Chat bridge', url: receiver.url, secret, eventTypes: [EVENTS.incidentEscalated] },
      201,
    );
    const incident = await file('focal.b', 'Không ai nhận');
    // Routing assigned the on-call responder; a coordinator takes the assignment back, so the
    // chain starts from "nobody assigned" and reaches the team's on-call first.
    const filed = await api<IncidentView>('coordinator', 'GET', `/incidents/${incident.id}`);
    expect(filed.slaDueAt).toBeTruthy();
    await api('coordinator', 'PATCH', `/incidents/${incident.id}`, { version: filed.version, assigneeIds: [] });
    const escalations = async () =>
      (await hub.store.events.listForEntity('incident', incident.id, 1000)).filter((e) => e.type === EVENTS.incidentEscalated);
    const hookFor = (step: number) =>
      receiver.waitFor((h) => {
        const body = JSON.parse(h.body) as { incidentId: string; data: { step: number } };
        return body.incidentId === incident.id && body.data.step === step;
      }, `webhook for step ${step}`);

    // Not yet due: nothing fires.
    hub.clock.advance(4000);
    await hub.services.scheduler.tick();
    expect(await escalations()).toHaveLength(0);

    // Step 1: no assignee yet, so the owning team's on-call (the responder) is told.
    hub.clock.advance(2000);
    const first = await hookFor(1);
    const signature = String(first.headers['x-certhub-signature']);
    expect(verifyWebhookSignature(secret, String(first.headers['x-certhub-timestamp']), first.body, signature)).toBe(true);
    expect(verifyWebhookSignature('wrong-secret-0123456789', String(first.headers['x-certhub-timestamp']), first.body, signature)).toBe(
      false,
    );
    await smtp.waitFor(
      (m) => m.to.includes('responder@test.example') && m.text.includes(incident.code) && m.text.includes('Quá hạn'),
      'on-call e-mail',
    );
    const overdue = await api<{ items: IncidentView[] }>('coordinator', 'GET', '/incidents?overdue=true');
    expect(overdue.items.map((i) => i.id)).toContain(incident.id);
    const types = (await hub.store.events.listForEntity('incident', incident.id, 1000)).map((e) => e.type);
    expect(types.filter((t) => t === EVENTS.incidentSlaBreached)).toHaveLength(1);

    // Step 2, a minute later: the coordinators.
    hub.clock.advance(60_000);
    await hookFor(2);
    await smtp.waitFor(
      (m) => m.to.includes('coordinator@test.example') && m.text.includes(incident.code) && m.text.includes('Quá hạn'),
      'coordinator e-mail',
    );

    // Restart while step 3 is pending; it falls due while the hub is down.
    const dataDir = hub.dataDir;
    const clock = hub.clock;
    await running.close();
    await hub.store.close();
    clock.advance(90_000);
    await boot(openTestHub(dataDir, clock, settings()));
    await hookFor(3);
    await smtp.waitFor((m) => m.to.includes('leader@test.example') && m.text.includes(incident.code), 'leader e-mail');
    // Fired once, not again on later ticks.
    await hub.services.scheduler.tick();
    await hub.services.scheduler.tick();
    const steps = (await escalations()).map((e) => (e.data as { step: number; target: string }).target);
    expect(steps).toEqual(['oncall', 'coordinators', 'leaders']);

    // Someone acts: the responder acknowledges; the chain stops and the incident is no longer overdue.
    const current = await api<IncidentView>('responder', 'GET', `/incidents/${incident.id}`);
    await api('responder', 'POST', `/incidents/${incident.id}/transitions`, { to: 'triage', version: current.version });
    await expect.poll(async () => (await api<IncidentView>('coordinator', 'GET', `/incidents/${incident.id}`)).slaDueAt).toBeNull();
    clock.advance(10 * 60_000);
    await hub.services.scheduler.tick();
    expect(await escalations()).toHaveLength(3);
    const stillOverdue = await api<{ items: IncidentView[] }>('coordinator', 'GET', '/incidents?overdue=true');
    expect(stillOverdue.items.map((i) => i.id)).not.toContain(incident.id);
    await api('coordinator', 'DELETE', '/sla/policies/default', undefined, 204);
  });

  it('only coordinators and administrators set policies; durations are checked', async () => {
    await api(
      'responder',
      'POST',
      '/sla/policies',
      { scope: 'high', acknowledge: 'PT15M', leaveTriage: null, contain: null, escalationDelay: 'PT10M' },
      403,
    );
    await api(
      'coordinator',
      'POST',
      '/sla/policies',
      { scope: 'high', acknowledge: '15 minutes', leaveTriage: null, contain: null, escalationDelay: 'PT10M' },
      400,
    );
    expect((await api<{ items: unknown[] }>('leader', 'GET', '/sla/policies')).items).toEqual([]);
  });
});

describe('audit log', () => {
  it('chains every recorded event; an edit behind the hub’s back is named by /api/audit/verify', async () => {
    const incident = await file('focal.a', 'Kiểm toán');
    const clean = await api<{ ok: boolean; checked: number }>('leader', 'GET', '/audit/verify');
    expect(clean.ok).toBe(true);
    expect(clean.checked).toBeGreaterThan(10);
    await api('focal.a', 'GET', '/audit/verify', undefined, 403);

    const found = await api<{ items: { seq: number; type: string; entityId: string }[] }>(
      'admin',
      'GET',
      `/audit?incidentId=${incident.id}&type=${EVENTS.incidentCreated}`,
    );
    expect(found.items).toHaveLength(1);
    const target = found.items[0]!.seq;

    const db = new Database(path.join(hub.dataDir, 'cert-hub.sqlite'));
    try {
      // The entry keeps no copy of its event (issue #11): editing the event breaks the entry.
      db.prepare(
        `UPDATE events SET data = json_set(data, '$.title', 'đã sửa') WHERE seq = (SELECT event_seq FROM audit_log WHERE seq = ?)`,
      ).run(target);
    } finally {
      db.close();
    }
    const broken = await api<{ ok: boolean; checked: number; firstBrokenSeq?: number }>('admin', 'GET', '/audit/verify');
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: target, checked: target });
  });
});
