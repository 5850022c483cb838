/**
 * Issue #7 defect 12: a focal point cannot raise (or lower) their own system's level or
 * national-critical flag, which decides the serious-incident rule R2 for their reports. The
 * change becomes a request the CERT approves; until then the old values apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView, SystemView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;

const as = (who: string) => {
  const agent = hub.http();
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => agent.get(url).set('Authorization', auth),
    post: (url: string, body: object) => agent.post(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => agent.patch(url).set('Authorization', auth).send(body),
  };
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const u of ['coordinator', 'responder', 'focal.a', 'admin']) token[u] = await signIn(hub, u);
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
});
afterAll(() => hub.close());

const newSystem = async (name: string) => {
  const res = await as('focal.a').post('/api/systems', { agencyId: agencyA, name, level: 2, nationalCritical: false });
  expect(res.status).toBe(201);
  return res.body as SystemView;
};
const fileOn = async (systemId: string) =>
  (
    await as('focal.a').post('/api/incidents', {
      agencyId: agencyA,
      systemId,
      title: 'Gián đoạn dịch vụ công trực tuyến',
      category: 'defacement',
      description: 'Cổng dịch vụ công không truy cập được.',
      detectedAt: '2026-11-20T08:00:00+07:00',
      impacts: ['service_interruption'],
    })
  ).body as IncidentView;

describe('system classification changes by an agency', () => {
  it('become a request: the old level and flag still decide R2 until the CERT approves', async () => {
    const system = await newSystem('Cổng dịch vụ công cấp xã');
    const asked = await as('focal.a').patch(`/api/systems/${system.id}`, { level: 5, nationalCritical: true, version: system.version });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ level: 2, nationalCritical: false, pendingClassification: { level: 5, nationalCritical: true } });
    // R2 (a): the level and national-critical flag decide whether an incident meets the criteria.
    expect((await fileOn(system.id)).seriousness.meetsCriteria).toBe(false);

    // Neither the agency nor a responder decides it.
    const review = { approve: true, version: asked.body.version };
    expect((await as('focal.a').post(`/api/systems/${system.id}/classification-review`, review)).status).toBe(403);
    expect((await as('responder').post(`/api/systems/${system.id}/classification-review`, review)).status).toBe(403);
    const approved = await as('coordinator').post(`/api/systems/${system.id}/classification-review`, review);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ level: 5, nationalCritical: true, pendingClassification: null });
    expect((await fileOn(system.id)).seriousness.meetsCriteria).toBe(true);
  });

  it('a declined request leaves the classification as it was', async () => {
    const system = await newSystem('Hệ thống một cửa');
    const asked = await as('focal.a').patch(`/api/systems/${system.id}`, { nationalCritical: true, version: system.version });
    const declined = await as('coordinator').post(`/api/systems/${system.id}/classification-review`, {
      approve: false,
      version: asked.body.version,
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ level: 2, nationalCritical: false, pendingClassification: null });
    expect(
      (await as('coordinator').post(`/api/systems/${system.id}/classification-review`, { approve: true, version: declined.body.version }))
        .status,
    ).toBe(422);
  });

  it('other fields an agency edits apply at once; an administrator classifies directly', async () => {
    const system = await newSystem('Hộp thư công vụ');
    const renamed = await as('focal.a').patch(`/api/systems/${system.id}`, { name: 'Hộp thư công vụ xã', version: system.version });
    expect(renamed.body).toMatchObject({ name: 'Hộp thư công vụ xã', pendingClassification: null });
    const direct = await as('admin').patch(`/api/systems/${system.id}`, { level: 4, version: renamed.body.version });
    expect(direct.body).toMatchObject({ level: 4, pendingClassification: null });
  });
});
