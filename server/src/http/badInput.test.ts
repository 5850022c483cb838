/**
 * Bad input of every shape gets a 4xx in the error format and changes nothing: the event
 * log (every change is an event) and the agency count are the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let admin: string;
let agencyId: string;

beforeAll(async () => {
  hub = await createSeededHub({ bodyLimitBytes: 16 * 1024 });
  admin = await signIn(hub, 'admin');
  agencyId = (await hub.http().get('/api/agencies?limit=1').set('Authorization', `Bearer ${admin}`)).body.items[0].id;
});
afterAll(() => hub.close());

const expectErrorFormat = (body: unknown) => {
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/);
};

const validAgency = { name: 'Sở Thử Nghiệm', type: 'provincial_department', province: 'Tỉnh Hòa Lâm' };

type Case = [name: string, send: () => Promise<{ status: number; body: unknown }>, status: number, code: string];

const raw = (method: 'post' | 'patch', url: string, body: string, type = 'application/json') =>
  hub.http()[method](url).set('Authorization', `Bearer ${admin}`).set('Content-Type', type).send(body);

const cases: Case[] = [
  ['malformed JSON', () => raw('post', '/api/agencies', '{"name": "Sở", '), 400, 'invalid_json'],
  ['a JSON string instead of an object', () => raw('post', '/api/agencies', '"hello"'), 400, 'invalid_json'],
  ['an unknown field', () => raw('post', '/api/agencies', JSON.stringify({ ...validAgency, isAdmin: true })), 400, 'validation_failed'],
  ['a wrong type', () => raw('post', '/api/agencies', JSON.stringify({ ...validAgency, name: 42 })), 400, 'validation_failed'],
  [
    'an unknown enum value',
    () => raw('post', '/api/agencies', JSON.stringify({ ...validAgency, type: 'ministry' })),
    400,
    'validation_failed',
  ],
  [
    'an operator-shaped value',
    () => raw('post', '/api/agencies', JSON.stringify({ ...validAgency, name: { $ne: null } })),
    400,
    'validation_failed',
  ],
  [
    'an operator in the query string',
    () => hub.http().get('/api/agencies?q[$ne]=x').set('Authorization', `Bearer ${admin}`),
    400,
    'validation_failed',
  ],
  [
    'a __proto__ key',
    () => raw('post', '/api/agencies', `{"__proto__": {"role": "admin"}, "name": "Sở X", "type": "other", "province": "Tỉnh"}`),
    400,
    'validation_failed',
  ],
  [
    'a nested constructor key',
    () =>
      raw('post', '/api/agencies', `{"name": "Sở X", "type": "other", "province": "Tỉnh", "phone": {"constructor": {"prototype": {}}}}`),
    400,
    'validation_failed',
  ],
  [
    'an oversized body',
    () => raw('post', '/api/agencies', JSON.stringify({ ...validAgency, address: 'x'.repeat(20_000) })),
    413,
    'payload_too_large',
  ],
  ['a form-encoded body', () => raw('post', '/api/agencies', 'name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
  [
    'a bad cursor',
    () => hub.http().get('/api/agencies?cursor=not-a-cursor').set('Authorization', `Bearer ${admin}`),
    400,
    'validation_failed',
  ],
  [
    'a limit out of range',
    () => hub.http().get('/api/agencies?limit=100000').set('Authorization', `Bearer ${admin}`),
    400,
    'validation_failed',
  ],
  ['a malformed id', () => hub.http().get('/api/agencies/..%2F..%2Fetc').set('Authorization', `Bearer ${admin}`), 400, 'validation_failed'],
  ['an unknown id', () => hub.http().get('/api/agencies/does-not-exist').set('Authorization', `Bearer ${admin}`), 404, 'not_found'],
  ['an unknown endpoint', () => hub.http().get('/api/nothing-here').set('Authorization', `Bearer ${admin}`), 404, 'not_found'],
];

describe('bad input', () => {
  it.each(cases)('%s → %i %s, nothing changed', async (_name, send, status, code) => {
    const before = { seq: await hub.store.events.lastSeq(), agencies: await hub.store.agencies.count() };
    const res = await send();
    expect(res.status).toBe(status);
    expect((res.body as { error: { code: string } }).error.code).toBe(code);
    expectErrorFormat(res.body);
    expect(await hub.store.events.lastSeq()).toBe(before.seq);
    expect(await hub.store.agencies.count()).toBe(before.agencies);
  });

  it('rejects an update without a version on a real agency too', async () => {
    const res = await raw('patch', `/api/agencies/${agencyId}`, JSON.stringify({ name: 'Đổi tên' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'version' })]));
  });

  it('gives field details a form can show', async () => {
    const res = await raw('post', '/api/agencies', JSON.stringify({ name: 'S', type: 'other', province: 'Tỉnh', email: 'not-an-email' }));
    expect(res.status).toBe(400);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['email', 'name']);
  });

  it('did not pollute any prototype', () => {
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
