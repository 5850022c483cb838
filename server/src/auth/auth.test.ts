import jwt from 'jsonwebtoken';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../demo/province.js';
import { createSeededHub, signIn, TEST_SETTINGS, type TestHub } from '../testing/testHub.js';
import { REFRESH_COOKIE } from './routes.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await createSeededHub();
});
afterAll(() => hub.close());

const refreshCookieOf = (res: supertest.Response) => {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0]!;
};

describe('sign-in', () => {
  it.each(USERS.map((u) => [u.username, u.role]))('%s signs in as %s', async (username, role) => {
    const res = await hub.http().post('/api/auth/login').send({ username, password: 'Demo@12345' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username, role });
    expect(Object.keys(res.body.user).sort()).toEqual(['agencyId', 'displayName', 'id', 'role', 'teamIds', 'username']);
    expect(res.body.accessToken).toMatch(/^ey/);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(REFRESH_COOKIE));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const wrongPassword = await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'nope-nope-nope' });
    const unknownUser = await hub.http().post('/api/auth/login').send({ username: 'nobody', password: 'nope-nope-nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
  });

  it('GET /api/me answers who the token belongs to, and 401 without one', async () => {
    const token = await signIn(hub, 'focal.a');
    const me = await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('focal.a');
    expect(me.body.agencyId).toEqual(expect.any(String));
    const anonymous = await hub.http().get('/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });
});

describe('access tokens', () => {
  it('are refused when signed with another algorithm, audience or secret', async () => {
    const me = await hub.http().post('/api/auth/login').send({ username: 'admin', password: 'Demo@12345' });
    const claims = jwt.decode(me.body.accessToken) as { sub: string; sid: string };
    const forged = [
      jwt.sign({ sid: claims.sid }, TEST_SETTINGS.jwtSecret, { subject: claims.sub, issuer: 'cert-hub', audience: 'other' }),
      jwt.sign({ sid: claims.sid }, TEST_SETTINGS.jwtSecret, { subject: claims.sub, issuer: 'other', audience: 'cert-hub-api' }),
      jwt.sign({ sid: claims.sid }, 'another-secret-another-secret-another', {
        subject: claims.sub,
        issuer: 'cert-hub',
        audience: 'cert-hub-api',
      }),
      jwt.sign({ sid: claims.sid }, TEST_SETTINGS.jwtSecret, {
        algorithm: 'HS512',
        subject: claims.sub,
        issuer: 'cert-hub',
        audience: 'cert-hub-api',
      }),
      jwt.sign({ sid: claims.sid, sub: claims.sub, iss: 'cert-hub', aud: 'cert-hub-api' }, '', { algorithm: 'none' }),
    ];
    for (const token of forged) {
      const res = await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });

  it('expire after their lifetime (fake clock)', async () => {
    const token = await signIn(hub, 'responder');
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    hub.clock.advance((TEST_SETTINGS.accessTokenTtlSeconds + 1) * 1000);
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use, and a reused one revokes the whole family', async () => {
    const login = await hub.http().post('/api/auth/login').send({ username: 'coordinator', password: 'Demo@12345' });
    const first = refreshCookieOf(login);
    const rotated = await hub.http().post('/api/auth/refresh').set('Cookie', first);
    expect(rotated.status).toBe(200);
    const second = refreshCookieOf(rotated);
    expect(second).not.toBe(first);
    const accessFromSecond = rotated.body.accessToken as string;
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${accessFromSecond}`)).status).toBe(200);

    // The first token comes back (stolen copy): everything from this login ends.
    const replay = await hub.http().post('/api/auth/refresh').set('Cookie', first);
    expect(replay.status).toBe(401);
    expect((await hub.http().post('/api/auth/refresh').set('Cookie', second)).status).toBe(401);
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${accessFromSecond}`)).status).toBe(401);
    // …but the user can sign in again.
    expect((await hub.http().post('/api/auth/login').send({ username: 'coordinator', password: 'Demo@12345' })).status).toBe(200);
  });

  it('end at logout', async () => {
    const login = await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' });
    const cookie = refreshCookieOf(login);
    const out = await hub.http().post('/api/auth/logout').set('Cookie', cookie).set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(out.status).toBe(204);
    expect((await hub.http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`)).status).toBe(401);
  });
});

describe('password changes and disabled accounts end every session', () => {
  it('a password change signs the user out everywhere and the new password works', async () => {
    const a = await hub.http().post('/api/auth/login').send({ username: 'focal.b', password: 'Demo@12345' });
    const b = await hub.http().post('/api/auth/login').send({ username: 'focal.b', password: 'Demo@12345' });
    const wrong = await hub
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${a.body.accessToken}`)
      .send({ currentPassword: 'not-my-password', newPassword: 'Mat-khau-moi-2026' });
    expect(wrong.status).toBe(422);
    const change = await hub
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${a.body.accessToken}`)
      .send({ currentPassword: 'Demo@12345', newPassword: 'Mat-khau-moi-2026' });
    expect(change.status).toBe(204);
    for (const session of [a, b]) {
      expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${session.body.accessToken}`)).status).toBe(401);
      expect((await hub.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(session))).status).toBe(401);
    }
    expect((await hub.http().post('/api/auth/login').send({ username: 'focal.b', password: 'Demo@12345' })).status).toBe(401);
    expect((await hub.http().post('/api/auth/login').send({ username: 'focal.b', password: 'Mat-khau-moi-2026' })).status).toBe(200);
  });

  it('refuses a new password longer than 72 bytes instead of cutting it', async () => {
    const token = await signIn(hub, 'responder');
    const res = await hub
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: 'Demo@12345', newPassword: 'Mật-khẩu-'.repeat(8) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('newPassword');
  });

  it('disabling an account ends its sessions and blocks sign-in', async () => {
    const admin = await signIn(hub, 'admin');
    const leader = await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' });
    const user = await hub.http().get(`/api/users/${leader.body.user.id}`).set('Authorization', `Bearer ${admin}`);
    const disable = await hub
      .http()
      .patch(`/api/users/${leader.body.user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabled: true, version: user.body.version });
    expect(disable.status).toBe(200);
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${leader.body.accessToken}`)).status).toBe(401);
    expect((await hub.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(leader))).status).toBe(401);
    expect((await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' })).status).toBe(401);
    // Re-enable for the other tests.
    await hub
      .http()
      .patch(`/api/users/${leader.body.user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabled: false, version: disable.body.version });
    expect((await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' })).status).toBe(200);
  });
});

describe('login rate limits', () => {
  it('block an account after repeated failures, even with the right password, and say when to retry', async () => {
    for (let i = 0; i < TEST_SETTINGS.loginMaxFailuresPerAccount; i++)
      expect(
        (
          await hub
            .http()
            .post('/api/auth/login')
            .send({ username: 'responder', password: `wrong-${i}-xxxxx` })
        ).status,
      ).toBe(401);
    const blocked = await hub.http().post('/api/auth/login').send({ username: 'responder', password: 'Demo@12345' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not blocked by this one.
    expect((await hub.http().post('/api/auth/login').send({ username: 'coordinator', password: 'Demo@12345' })).status).toBe(200);
  });

  it('block a client address that tries many accounts', async () => {
    const small = await createSeededHub({ loginMaxFailuresPerAddress: 3 });
    try {
      for (const name of ['a1', 'a2', 'a3']) await small.http().post('/api/auth/login').send({ username: name, password: 'x' });
      const res = await small.http().post('/api/auth/login').send({ username: 'admin', password: 'Demo@12345' });
      expect(res.status).toBe(429);
    } finally {
      await small.close();
    }
  });
});
