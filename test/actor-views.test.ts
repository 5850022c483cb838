/**
 * Who did something has one wire shape everywhere — `{ id, username, displayName, role,
 * organisation }`, resolved in one place (server/src/audit/actors.ts): the incident timeline,
 * the event catch-up feed (what sockets carry), comments, the audit log and an agency's
 * history all show the same actor for the same person.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActorView, AuditEntryView, CommentView, DomainEventView, EventsPage, IncidentView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
const tokens: Record<string, string> = {};

async function call<T>(who: string, method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object): Promise<T> {
  const req = hub.http()[method](`/api${path}`).set('Authorization', `Bearer ${tokens[who]}`);
  const res = body ? await req.send(body) : await req;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const who of ['admin', 'coordinator', 'focal.a']) tokens[who] = await signIn(hub, who);
});
afterAll(() => hub.close());

it('the same actor, with username and display name apart, on events, the feed, comments, audit and agency history', async () => {
  const me = await call<{ id: string; username: string; displayName: string; agencyId: string; version: number }>('focal.a', 'get', '/me');
  // A display name that is not the username, so a swap of the two shows.
  const renamed = await call<{ displayName: string }>('focal.a', 'patch', '/me', { displayName: `Đầu mối ${me.username} đổi tên` });
  const agency = await call<{ name: string; version: number }>('focal.a', 'get', `/agencies/${me.agencyId}`);
  const expected: ActorView = {
    id: me.id,
    username: me.username,
    displayName: renamed.displayName,
    role: 'focal_point',
    organisation: agency.name,
  };
  expect(expected.username).not.toBe(expected.displayName);

  const seq = (await call<{ lastSeq: number }>('focal.a', 'get', '/events/head')).lastSeq;
  const incident = await call<IncidentView>('focal.a', 'post', '/incidents', {
    agencyId: me.agencyId,
    title: 'Thư giả mạo lãnh đạo',
    category: 'phishing',
    description: 'Cán bộ nhận thư giả mạo.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  });
  await call('focal.a', 'post', `/incidents/${incident.id}/comments`, { body: 'Xin hướng dẫn xử lý', visibility: 'agency' });
  await call('focal.a', 'put', `/agencies/${me.agencyId}/focal-points`, {
    version: agency.version,
    focalPoints: [{ name: 'Lê Văn Trực', phone: '0912345678', email: 'truc@example.gov.vn', available247: true, primary: true }],
  });

  const timeline = (await call<{ items: DomainEventView[] }>('coordinator', 'get', `/incidents/${incident.id}/timeline`)).items;
  expect(timeline.find((e) => e.type === 'incident.created')!.actor).toEqual(expected);

  const feed = (await call<EventsPage>('coordinator', 'get', `/events?after=${seq}`)).events;
  expect(feed.find((m) => m.event.type === 'incident.created' && m.event.entityId === incident.id)!.event.actor).toEqual(expected);

  const comments = (await call<{ items: CommentView[] }>('coordinator', 'get', `/incidents/${incident.id}/comments`)).items;
  expect(comments.at(-1)!.author).toEqual(expected);

  const audit = (await call<{ items: AuditEntryView[] }>('admin', 'get', `/audit?incidentId=${incident.id}`)).items;
  expect(audit.find((e) => e.type === 'incident.created')!.actor).toEqual(expected);

  const history = (await call<{ items: DomainEventView[] }>('coordinator', 'get', `/agencies/${me.agencyId}/history`)).items;
  expect(history.at(-1)!.actor).toEqual(expected);
});
