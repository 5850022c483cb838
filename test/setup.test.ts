/** First start: no default password; a one-time token creates the first administrator. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
afterEach(() => hub.close());

describe('first administrator', () => {
  it('is created once with the printed token, then setup closes', async () => {
    hub = createTestHub();
    expect((await hub.http().get('/api/health')).body).toEqual({ status: 'ok', store: 'sqlite', setupRequired: true });
    const token = await hub.services.setup.issueToken();
    expect(token).toBeTruthy();
    const body = { username: 'quantri', displayName: 'Quản trị viên', password: 'Mat-khau-manh-2026' };

    const wrong = await hub
      .http()
      .post('/api/setup')
      .send({ ...body, token: 'x'.repeat(24) });
    expect(wrong.status).toBe(403);
    const ok = await hub
      .http()
      .post('/api/setup')
      .send({ ...body, token });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username: 'quantri', role: 'admin' });

    const again = await hub
      .http()
      .post('/api/setup')
      .send({ ...body, username: 'khac', token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('setup_unavailable');
    expect((await hub.http().get('/api/setup')).body).toEqual({ required: false });
    const login = await hub.http().post('/api/auth/login').send({ username: 'quantri', password: body.password });
    expect(login.status).toBe(200);
  });

  it('cannot be created without a token having been issued', async () => {
    hub = createTestHub();
    const res = await hub
      .http()
      .post('/api/setup')
      .send({ token: 'a'.repeat(24), username: 'x-admin', displayName: 'Quản trị', password: 'Mat-khau-manh-2026' });
    expect(res.status).toBe(409);
    expect(await hub.store.users.count()).toBe(0);
  });
});
