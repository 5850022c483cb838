/**
 * Issue #7, the incident defects: the CERT's working data stays out of the agency's view on
 * every path (3), an Idempotency-Key replay is authorised and answers the first answer (5),
 * the catch-up feed does bounded work for a caller who may see little (4), malformed
 * multipart is a 400 (9), authors carry role and organisation from the server (10), and
 * records say what the caller may do (abilities).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentView, DomainEventView, EventsPage, IncidentView } from '@cert-hub/shared';
import { EventFeed } from '../realtime/feed.js';
import { actorOf } from '../auth/actor.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;
let agencyB: string;
let serial = 0;

const as = (who: string) => {
  const agent = hub.http();
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => agent.get(url).set('Authorization', auth),
    post: (url: string, body: object, headers: Record<string, string> = {}) =>
      agent.post(url).set('Authorization', auth).set(headers).send(body),
    patch: (url: string, body: object) => agent.patch(url).set('Authorization', auth).send(body),
  };
};

const report = (agencyId: string, title = 'Máy chủ thư bị dò mật khẩu') => ({
  agencyId,
  title,
  category: 'phishing',
  description: 'Nhiều lần đăng nhập sai vào hộp thư công vụ.',
  detectedAt: '2026-11-20T08:30:00+07:00',
});
const INTERNAL_FIELDS = ['tags', 'assigneeIds', 'tasks'] as const;

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const u of ['admin', 'coordinator', 'responder', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
  agencyB = (await as('focal.b').get('/api/me')).body.agencyId;
});
afterAll(() => hub.close());

/** An incident of agency A that the CERT has tagged, assigned and given an extra task. */
async function workedIncident(): Promise<IncidentView> {
  const filed = (await as('focal.a').post('/api/incidents', report(agencyA))).body as IncidentView;
  const responderId = (await as('responder').get('/api/me')).body.id as string;
  const tagged = await as('responder').patch(`/api/incidents/${filed.id}`, {
    tags: ['nghi-apt'],
    assigneeIds: [responderId],
    version: filed.version,
  });
  expect(tagged.status).toBe(200);
  const tasked = await as('responder').post(`/api/incidents/${filed.id}/tasks`, {
    title: 'Đối chiếu nhật ký VPN',
    version: tagged.body.version,
  });
  expect(tasked.status).toBe(201);
  return tasked.body as IncidentView;
}

describe('the agency never sees the CERT’s working data', () => {
  it('REST: one incident and the list carry no tags, assignees or checklist for the agency; the CERT sees them', async () => {
    const incident = await workedIncident();
    const mine = (await as('focal.a').get(`/api/incidents/${incident.id}`)).body as IncidentView;
    for (const field of INTERNAL_FIELDS) expect(mine).not.toHaveProperty(field);
    const listed = ((await as('focal.a').get('/api/incidents')).body.items as IncidentView[]).find((i) => i.id === incident.id)!;
    for (const field of INTERNAL_FIELDS) expect(listed).not.toHaveProperty(field);
    const cert = (await as('responder').get(`/api/incidents/${incident.id}`)).body as IncidentView;
    expect(cert.tags).toEqual(['nghi-apt']);
    expect(cert.assigneeIds).toHaveLength(1);
    expect(cert.tasks!.map((t) => t.title)).toContain('Đối chiếu nhật ký VPN');
  });

  it('catch-up: events and the incidents they carry hold no working data, and no snapshot in event data', async () => {
    const from = (await as('focal.a').get('/api/events/head')).body.lastSeq as number;
    const incident = await workedIncident();
    await as('responder').post(`/api/incidents/${incident.id}/transitions`, { to: 'triage', version: incident.version });
    const page = (await as('focal.a').get(`/api/events?after=${from}`)).body as EventsPage;
    const mine = page.events.filter((m) => m.event.incidentId === incident.id);
    expect(mine.map((m) => m.event.type)).toEqual(['incident.created', 'incident.status_changed']);
    for (const m of mine) for (const field of INTERNAL_FIELDS) expect(m.incident).not.toHaveProperty(field);
    const created = mine[0]!.event;
    expect(created.data).not.toHaveProperty('incident');
    expect(created.data).toMatchObject({ code: incident.code, title: incident.title, agencyId: agencyA });
  });

  it('abilities: each record says what its caller may do', async () => {
    const incident = (await as('focal.a').post('/api/incidents', report(agencyA))).body as IncidentView;
    expect(incident.abilities).toEqual(['comment_agency', 'attach', 'confirm_closure']);
    const cert = (await as('responder').get(`/api/incidents/${incident.id}`)).body as IncidentView;
    expect(cert.abilities).toEqual(expect.arrayContaining(['transition', 'comment_internal', 'comment_agency', 'see_internal']));
    const leader = (await as('leader').get(`/api/incidents/${incident.id}`)).body as IncidentView;
    expect(leader.abilities).toEqual(['see_internal']);
  });

  it('the checklist timeline entry names its task', async () => {
    const incident = await workedIncident();
    const timeline = (await as('responder').get(`/api/incidents/${incident.id}/timeline`)).body.items as DomainEventView[];
    const task = timeline.find((e) => e.type === 'incident.task_updated')!;
    expect(task.data).toMatchObject({ title: 'Đối chiếu nhật ký VPN', added: true });
  });
});

describe('Idempotency-Key replays', () => {
  it('answer the first answer, not the incident as it is now', async () => {
    const key = `replay-${++serial}-abcdefgh`;
    const first = await as('focal.a').post('/api/incidents', report(agencyA), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    await as('responder').post(`/api/incidents/${first.body.id}/transitions`, { to: 'triage', version: 1 });
    const retry = await as('focal.a').post('/api/incidents', report(agencyA), { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('check access first: a focal point moved to another agency gets no replay', async () => {
    const username = `replay.focal.${++serial}`;
    const user = await as('admin').post('/api/users', {
      username,
      displayName: 'Đầu mối chuyển đơn vị',
      password: 'Replay@12345',
      role: 'focal_point',
      agencyId: agencyA,
      teamIds: [],
    });
    expect(user.status).toBe(201);
    token[username] = await signIn(hub, username, 'Replay@12345');
    const key = `replay-${++serial}-abcdefgh`;
    const first = await as(username).post('/api/incidents', report(agencyA), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect((await as('admin').patch(`/api/users/${user.body.id}`, { agencyId: agencyB, version: user.body.version })).status).toBe(200);
    const retry = await as(username).post('/api/incidents', report(agencyA), { 'Idempotency-Key': key });
    expect(retry.status).toBe(403);
    expect(retry.body).not.toHaveProperty('id');
  });
});

describe('the catch-up feed', () => {
  it('does bounded work per request for a caller who may see little, and still reaches what they may see', async () => {
    const feed = new EventFeed(hub.store, { maxScanPerRequest: 5 });
    const focalB = actorOf((await hub.store.users.getByUsername('focal.b'))!, null);
    const from = await feed.head();
    for (let i = 0; i < 12; i++) await as('focal.a').post('/api/incidents', report(agencyA, `Của đơn vị A số ${i}`));
    const theirs = (await as('focal.b').post('/api/incidents', report(agencyB, 'Của đơn vị B'))).body as IncidentView;
    const head = await feed.head();
    let after = from;
    const seen: string[] = [];
    let requests = 0;
    for (;;) {
      const page = await feed.after(focalB, after, 100);
      requests++;
      // Each answer covers at most 5 log entries, however many it had to skip.
      expect(page.lastSeq - after).toBeLessThanOrEqual(5);
      seen.push(...page.events.map((m) => m.event.incidentId!));
      if (page.lastSeq === after) break;
      after = page.lastSeq;
    }
    expect(after).toBe(head);
    expect(requests).toBeGreaterThan(2);
    expect(seen).toEqual([theirs.id]);
  });
});

describe('authors carry role and organisation from the server', () => {
  it('a focal point who takes a responder’s name still shows as their agency’s focal point', async () => {
    const incident = (await as('focal.b').post('/api/incidents', report(agencyB))).body as IncidentView;
    const me = (await as('focal.b').get('/api/me')).body as { version?: number };
    const renamed = await as('focal.b').patch('/api/me', {
      displayName: 'Trần Thị Ứng Cứu',
      ...(me.version ? { version: me.version } : {}),
    });
    expect(renamed.status).toBe(200);
    await as('focal.b').post(`/api/incidents/${incident.id}/comments`, {
      body: 'Đây là Đội ứng cứu, hãy gửi mật khẩu',
      visibility: 'agency',
    });
    await as('responder').post(`/api/incidents/${incident.id}/comments`, { body: 'Đã nhận', visibility: 'agency' });
    const comments = (await as('responder').get(`/api/incidents/${incident.id}/comments`)).body.items as CommentView[];
    const agencyName = (await as('focal.b').get(`/api/agencies/${agencyB}`)).body.name as string;
    const [fake, real] = comments;
    expect(fake!.author).toMatchObject({ displayName: 'Trần Thị Ứng Cứu', role: 'focal_point', organisation: agencyName });
    expect(real!.author).toMatchObject({ displayName: 'Trần Thị Ứng Cứu', role: 'responder', organisation: expect.any(String) });
    expect(real!.author.organisation).not.toBe(agencyName);
    const timeline = (await as('focal.b').get(`/api/incidents/${incident.id}/timeline`)).body.items as DomainEventView[];
    expect(timeline.find((e) => e.type === 'incident.created')!.actor).toMatchObject({ role: 'focal_point', organisation: agencyName });
  });
});

describe('malformed multipart', () => {
  const upload = (incidentId: string, contentType: string, body: string) =>
    hub
      .http()
      .post(`/api/incidents/${incidentId}/attachments`)
      .set('Authorization', `Bearer ${token['focal.a']}`)
      .set('Content-Type', contentType)
      .send(Buffer.from(body, 'binary'));

  it.each([
    ['no boundary', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhi\r\n--x--\r\n'],
    ['truncated', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhi'],
    [
      'NUL in a part header',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Dispo\0sition: form-data; name="file"\r\n\r\nhi\r\n--x--\r\n',
    ],
  ])('%s is a 400 in the error format', async (_name, contentType, body) => {
    const incident = (await as('focal.a').post('/api/incidents', report(agencyA))).body as IncidentView;
    const res = await upload(incident.id, contentType, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), details: expect.any(Array) } });
  });
});
