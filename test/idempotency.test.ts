/**
 * The one idempotency module (server/src/platform/idempotency.ts) as intake and evidence
 * upload use it: a retry answers with the first answer — not the record as it is now — after
 * the caller is authorised again; keys stored by earlier versions (the presented answer itself)
 * still replay; the same key for a different file is 422.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
const tokens: Record<string, string> = {};
let agencyA: string;
let agencyB: string;

const report = (title: string) => ({
  agencyId: agencyA,
  title,
  category: 'phishing',
  description: 'Cán bộ nhận thư giả mạo lãnh đạo.',
  detectedAt: '2026-11-20T08:00:00+07:00',
});
const file = (who: string, key: string, incidentId: string, content: string) =>
  hub
    .http()
    .post(`/api/incidents/${incidentId}/attachments`)
    .set('Authorization', `Bearer ${tokens[who]}`)
    .set('Idempotency-Key', key)
    .attach('file', Buffer.from(content), 'nhat-ky.txt');
const post = (who: string, path: string, body: object, key?: string) => {
  const req = hub.http().post(`/api${path}`).set('Authorization', `Bearer ${tokens[who]}`);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const who of ['admin', 'responder', 'focal.a', 'focal.b']) tokens[who] = await signIn(hub, who);
  const me = async (who: string) =>
    (await hub.http().get('/api/me').set('Authorization', `Bearer ${tokens[who]}`)).body as { agencyId: string };
  agencyA = (await me('focal.a')).agencyId;
  agencyB = (await me('focal.b')).agencyId;
});
afterAll(() => hub.close());

it('a retry answers with the first answer, not with the incident as it is now', async () => {
  const first = await post('focal.a', '/incidents', report('Thư giả mạo lần một'), 'idem-first-answer-0001');
  expect(first.status).toBe(201);
  const moved = await post('responder', `/incidents/${first.body.id}/transitions`, { to: 'triage', version: first.body.version });
  expect(moved.body.status).toBe('triage');
  const retry = await post('focal.a', '/incidents', report('Thư giả mạo lần một'), 'idem-first-answer-0001');
  expect(retry.status).toBe(201);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.body).toEqual(first.body);
});

it('a caller who lost the right to file for the agency is refused the replay, and nothing is created', async () => {
  const username = 'idem.focal';
  const created = await post('admin', '/users', {
    username,
    displayName: 'Đầu Mối Tạm',
    password: 'Idem@123456',
    role: 'focal_point',
    agencyId: agencyA,
    teamIds: [],
  });
  tokens[username] = await signIn(hub, username, 'Idem@123456');
  const first = await post(username, '/incidents', report('Thư giả mạo trước khi chuyển cơ quan'), 'idem-moved-agency-0001');
  expect(first.status).toBe(201);
  const moved = await hub
    .http()
    .patch(`/api/users/${created.body.id}`)
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({ agencyId: agencyB, version: created.body.version });
  expect(moved.status).toBe(200);
  const count = await hub.store.incidents.count();
  const retry = await post(username, '/incidents', report('Thư giả mạo trước khi chuyển cơ quan'), 'idem-moved-agency-0001');
  expect(retry.status).toBe(403);
  expect(retry.body.error.message).toMatch(/no longer/);
  expect(await hub.store.incidents.count()).toBe(count);
});

it('a key stored before answers were kept as records replays the answer it stored', async () => {
  const first = await post('focal.a', '/incidents', report('Thư giả mạo khóa cũ'), 'idem-legacy-0001');
  const me = (await hub.http().get('/api/me').set('Authorization', `Bearer ${tokens['focal.a']}`)).body as { id: string };
  // As an earlier version stored it: the presented view itself.
  const stored = (await hub.store.idempotency.get(`incident.create:user:${me.id}`, 'idem-legacy-0001'))!;
  const legacyView: IncidentView = { ...(first.body as IncidentView), title: 'Câu trả lời đã gửi lần đầu' };
  await hub.store.transaction(async (tx) => {
    await tx.idempotency.insert({ ...stored, key: 'idem-legacy-0002', response: legacyView });
  });
  const retry = await post('focal.a', '/incidents', report('Thư giả mạo khóa cũ'), 'idem-legacy-0002');
  expect(retry.status).toBe(201);
  expect(retry.body).toEqual(legacyView);
});

it('evidence: the same key answers the first file; with another file it is 422', async () => {
  const incident = (await post('focal.a', '/incidents', report('Thư giả mạo có nhật ký'))).body as IncidentView;
  const first = await file('focal.a', 'idem-upload-0001', incident.id, 'nhat ky 1\n');
  expect(first.status).toBe(201);
  const again = await file('focal.a', 'idem-upload-0001', incident.id, 'nhat ky 1\n');
  expect(again.status).toBe(201);
  expect(again.body).toEqual(first.body);
  const other = await file('focal.a', 'idem-upload-0001', incident.id, 'nhat ky khac\n');
  expect(other.status).toBe(422);
  expect(await hub.store.attachments.listByIncident(incident.id)).toHaveLength(1);
});
