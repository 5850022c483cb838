/**
 * Report-round reminders through the notification channels, over a live hub on a fake clock
 * with a real SMTP server: the focal points of the agencies that have not submitted get a
 * `report_reminder` in their bell (pushed live, linking to the round) and by e-mail — unless
 * they muted that channel — and a restarted hub does not send any of it again.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_SOCKET_EVENT, type NotificationListView, type NotificationView } from '@cert-hub/shared';
import type { AppSettings } from '../server/src/app.js';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, openTestHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { startSmtpReceiver } from './helpers/notifyHarness.js';

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hub: TestHub;
let running: RunningHub;
let url: string;
const token: Record<string, string> = {};
const sockets: Socket[] = [];
const PEOPLE = ['admin', 'coordinator', 'focal.a', 'focal.b', 'focal.c'];

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

/** Access tokens live minutes: after the fake clock jumps, everyone signs in again. */
async function signInAll() {
  for (const who of PEOPLE) if (who !== 'focal.c' || token['focal.c']) token[who] = await signIn(hub, who);
}

async function boot(h: TestHub) {
  hub = h;
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
  await signInAll();
}

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

const agency: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  const seeded = await createSeededHub(settings());
  seeded.clock.set('2026-11-20T02:00:00Z');
  await boot(seeded);
  for (const who of ['focal.a', 'focal.b']) {
    const me = await api<{ id: string; agencyId: string }>(who, 'GET', '/me');
    agency[who] = me.agencyId;
    const user = await api<{ version: number }>('admin', 'GET', `/users/${me.id}`);
    await api('admin', 'PATCH', `/users/${me.id}`, { email: `${who}@test.example`, version: user.version });
  }
  const third = (await hub.store.agencies.list({ limit: 200 })).items.find((a) => a.name === 'Sở Nội vụ tỉnh Hòa Lâm')!;
  agency['focal.c'] = third.id;
  await api(
    'admin',
    'POST',
    '/users',
    {
      username: 'focal.c',
      displayName: 'Lê Thị Mai',
      password: 'Demo@12345',
      email: 'focal.c@test.example',
      role: 'focal_point',
      agencyId: third.id,
      teamIds: [],
    },
    201,
  );
  token['focal.c'] = await signIn(hub, 'focal.c');
}, 60_000);
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running?.close();
  await hub?.close();
  await smtp?.close();
});

const remindersIn = async (who: string) =>
  (await api<NotificationListView>(who, 'GET', '/notifications?limit=200')).items.filter((n) => n.kind === 'report_reminder');
const mailsTo = (who: string, title: string) => smtp.mails.filter((m) => m.to.includes(`${who}@test.example`) && m.text.includes(title));
/** Waits until the outbox has sent everything it holds (the delivery worker runs every 50 ms). */
const outboxDrained = () =>
  expect
    .poll(async () =>
      (await api<{ items: { status: string }[] }>('admin', 'GET', '/deliveries?limit=200')).items.filter((d) => d.status !== 'sent'),
    )
    .toEqual([]);

describe('a report-round reminder', () => {
  it('reaches each focal point that has not submitted by bell and e-mail, as their preferences allow, exactly once across a restart', async () => {
    const title = 'Báo cáo năm 2026 — nhắc hạn';
    const round = await api<{ id: string; remindAt: string }>(
      'coordinator',
      'POST',
      '/reports/rounds',
      {
        reportType: 'agency_annual',
        title,
        year: 2026,
        deadline: '2026-12-05T00:00:00+07:00',
        agencyIds: [agency['focal.a'], agency['focal.b'], agency['focal.c']],
        remindHoursBefore: 72,
      },
      201,
    );
    await api('focal.a', 'PUT', `/reports/rounds/${round.id}/submission`, {
      sections: { results: 'Kết quả', difficulties: 'Khó khăn', recommendations: 'Kiến nghị' },
      submit: true,
    });
    // focal.b wants report reminders in the bell only.
    await api('focal.b', 'PUT', '/notifications/preferences', { muted: ['report_reminder:email'] });

    // A minute before it is due: nothing.
    hub.clock.set(new Date(Date.parse(round.remindAt) - 60_000));
    expect(await hub.services.reports.runDueReminders()).toBe(0);
    await signInAll();
    expect(await remindersIn('focal.c')).toEqual([]);

    const bell = await openSocket('focal.c');
    const pushed = new Promise<NotificationView>((resolve) =>
      bell.on(NOTIFICATION_SOCKET_EVENT, (n: NotificationView) => n.kind === 'report_reminder' && resolve(n)),
    );
    // The hub's scheduler runs the reminders job as soon as the clock passes the due time (its
    // timer is on this clock); tick() waits for that run. The bell listens before, not to miss it.
    hub.clock.set(new Date(Date.parse(round.remindAt) + 30_000));
    await hub.services.scheduler.tick();
    expect(await hub.services.reports.runDueReminders()).toBe(0);
    await signInAll();

    const live = await pushed;
    expect(live).toMatchObject({ kind: 'report_reminder', incidentId: null, link: `/reports/${round.id}`, title, drill: false });
    expect(live.body).toContain('05/12/2026 00:00');
    const mail = await smtp.waitFor((m) => m.to.includes('focal.c@test.example') && m.text.includes(title), 'the reminder by e-mail');
    expect(mail.text).toContain('Nhắc nộp báo cáo');
    expect(mail.text).toContain(`http://hub.test.example/reports/${round.id}`);

    // Restart on the same data: the boot run and any later run find the reminder done.
    const { dataDir, clock } = hub;
    await running.close();
    await hub.store.close();
    clock.advance(60_000);
    await boot(openTestHub(dataDir, clock, settings()));
    expect(await hub.services.reports.runDueReminders()).toBe(0);
    await outboxDrained();

    expect(mailsTo('focal.c', title)).toHaveLength(1);
    expect(mailsTo('focal.b', title)).toHaveLength(0); // muted e-mail
    expect(mailsTo('focal.a', title)).toHaveLength(0); // already submitted
    expect(await remindersIn('focal.c')).toHaveLength(1);
    expect(await remindersIn('focal.b')).toEqual([expect.objectContaining({ link: `/reports/${round.id}`, readAt: null })]);
    expect(await remindersIn('focal.a')).toEqual([]);
    // The round page still shows who was reminded.
    const view = await api<{ agencies: { agencyId: string; remindedAt: string | null }[] }>(
      'coordinator',
      'GET',
      `/reports/rounds/${round.id}`,
    );
    expect(
      view.agencies
        .filter((a) => a.remindedAt)
        .map((a) => a.agencyId)
        .sort(),
    ).toEqual([agency['focal.b'], agency['focal.c']].sort());
  });
});
