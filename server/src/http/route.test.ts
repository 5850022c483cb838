/**
 * The route builder (http/route.ts): the fixed steps run for a declared route, the handler gets
 * parsed input, the declared status and presenter shape the answer. Then a stale version through real
 * endpoints whose services hand back records (presented by http/conflicts.ts) (users, systems, routing rules, on-call rosters).
 */
import express from 'express';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSeededHub, createTestHub, signIn, type TestHub } from '../testing/testHub.js';
import { errorHandler } from './errorHandler.js';
import { createRateLimit } from './rateLimit.js';
import { mountRoutes, route, type Route } from './route.js';

interface Secretive {
  id: string;
  version: number;
  passwordHash: string;
}
const stored: Secretive = { id: 'r1', version: 3, passwordHash: 'never-shown' };
const present = (r: Secretive) => ({ id: r.id, version: r.version });

const probes: Route[] = [
  route({
    method: 'post',
    path: '/things/:id',
    tag: 'test',
    summary: 'probe',
    auth: 'public',
    params: z.strictObject({ id: z.string().min(2) }),
    query: z.strictObject({ n: z.coerce.number().int() }),
    body: z.strictObject({ name: z.string() }),
    idempotencyKey: true,
    status: 201,
    present,
    handler: ({ params, query, body, idempotencyKey }) => ({ ...stored, id: `${params.id}:${query.n}:${body.name}:${idempotencyKey}` }),
  }),
  route({ method: 'get', path: '/private', tag: 'test', summary: 'probe', auth: 'signed-in', handler: () => ({ seen: true }) }),
];

let bare: TestHub;
let probeApp: express.Express;
beforeAll(() => {
  bare = createTestHub();
  probeApp = express();
  const api = express.Router();
  api.use(express.json());
  mountRoutes(api, probes, { hub: { ...bare.deps, services: bare.services, routes: probes }, rateLimit: createRateLimit(1000) });
  api.use(errorHandler(bare.deps.logger));
  probeApp.use('/api', api);
});
afterAll(() => bare.close());

describe('mountRoutes', () => {
  it('hands the handler parsed params, query, body and Idempotency-Key, answers the declared status, presented', async () => {
    const res = await supertest(probeApp).post('/api/things/ab?n=7').set('Idempotency-Key', 'key-0001').send({ name: 'x' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'ab:7:x:key-0001', version: 3 });
  });

  it('refuses bad input before the handler, naming the part', async () => {
    const params = await supertest(probeApp).post('/api/things/a?n=7').send({ name: 'x' });
    expect([params.status, params.body.error.message]).toEqual([400, 'Invalid request params']);
    const query = await supertest(probeApp).post('/api/things/ab?n=seven').send({ name: 'x' });
    expect([query.status, query.body.error.message]).toEqual([400, 'Invalid request query']);
    const body = await supertest(probeApp).post('/api/things/ab?n=7').send({ name: 'x', extra: 1 });
    expect([body.status, body.body.error.message]).toEqual([400, 'Invalid request body']);
    const key = await supertest(probeApp).post('/api/things/ab?n=7').set('Idempotency-Key', 'x').send({ name: 'x' });
    expect([key.status, key.body.error.details[0].path]).toEqual([400, 'Idempotency-Key']);
  });

  it('authenticates signed-in routes first', async () => {
    expect((await supertest(probeApp).get('/api/private')).status).toBe(401);
  });

  it('will not mount a route whose path parameters are not all validated', () => {
    const unchecked = route({ method: 'get', path: '/x/:id', tag: 't', summary: 's', auth: 'public', handler: () => null });
    const misnamed = route({
      method: 'get',
      path: '/x/:id',
      tag: 't',
      summary: 's',
      auth: 'public',
      params: z.strictObject({ ident: z.string() }),
      handler: () => null,
    });
    const mount = (r: Route) => () =>
      mountRoutes(express.Router(), [r], { hub: { ...bare.deps, services: bare.services, routes: [] }, rateLimit: createRateLimit(1) });
    expect(mount(unchecked)).toThrow(/need a params schema/);
    expect(mount(misnamed)).toThrow(/params schema names ident/);
  });
});

describe('a stale version through real endpoints: the route presents the current record', () => {
  let hub: TestHub;
  let admin: string;
  let coordinator: string;
  beforeAll(async () => {
    hub = await createSeededHub();
    admin = await signIn(hub, 'admin');
    coordinator = await signIn(hub, 'coordinator');
  });
  afterAll(() => hub.close());
  const http = (token: string) => ({
    get: (path: string) => hub.http().get(path).set('Authorization', `Bearer ${token}`),
    patch: (path: string, body: object) => hub.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => hub.http().put(path).set('Authorization', `Bearer ${token}`).send(body),
    post: (path: string, body: object) => hub.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  it('a user: the presented user, never the password hash', async () => {
    const user = (await http(admin).get('/api/users?limit=100')).body.items.find((u: { username: string }) => u.username === 'leader');
    expect((await http(admin).patch(`/api/users/${user.id}`, { displayName: 'Lãnh đạo tỉnh', version: user.version })).status).toBe(200);
    const stale = await http(admin).patch(`/api/users/${user.id}`, { displayName: 'Cũ', version: user.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: user.id, displayName: 'Lãnh đạo tỉnh', version: user.version + 1 });
    expect(Object.keys(stale.body.error.details.current)).not.toContain('passwordHash');
  });

  it('an information system', async () => {
    const system = (await http(admin).get('/api/systems?limit=1')).body.items[0];
    expect((await http(admin).patch(`/api/systems/${system.id}`, { name: 'Cổng thông tin mới', version: system.version })).status).toBe(
      200,
    );
    const stale = await http(admin).patch(`/api/systems/${system.id}`, { name: 'Cũ', version: system.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: system.id, name: 'Cổng thông tin mới', version: system.version + 1 });
  });

  it('a routing rule', async () => {
    const created = await http(coordinator).post('/api/routing/rules', {
      name: 'Quy tắc thử xung đột',
      enabled: false,
      conditions: {},
      actions: { owningTeamId: null },
    });
    expect(created.status).toBe(201);
    expect((await http(coordinator).patch(`/api/routing/rules/${created.body.id}`, { name: 'Đổi tên', version: 1 })).status).toBe(200);
    const stale = await http(coordinator).patch(`/api/routing/rules/${created.body.id}`, { name: 'Cũ', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: created.body.id, name: 'Đổi tên', version: 2 });
  });

  it('an on-call roster, and null when there is none yet', async () => {
    const team = await http(admin).post('/api/teams', { name: 'Đội thử xung đột', kind: 'sector_cert' });
    expect(team.status).toBe(201);
    const roster = { rotationStart: '2026-11-23T08:00:00+07:00', weeks: [] };
    const none = await http(coordinator).put(`/api/teams/${team.body.id}/oncall`, { ...roster, version: 1 });
    expect(none.status).toBe(409);
    expect(none.body.error.details).toEqual({ current: null });
    expect((await http(coordinator).put(`/api/teams/${team.body.id}/oncall`, { ...roster, version: null })).status).toBe(200);
    const stale = await http(coordinator).put(`/api/teams/${team.body.id}/oncall`, { ...roster, version: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ teamId: team.body.id, version: 1, weeks: [] });
  });
});
