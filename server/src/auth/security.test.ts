/**
 * Issue #7, the session defects: a parallel burst of wrong passwords (2), the timing of
 * over-long passwords (6), the password-change oracle (7), and cookie endpoints driven from
 * another origin (11). Each test runs on its own hub so throttle counters start at zero.
 */
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, TEST_SETTINGS, type TestHub } from '../testing/testHub.js';
import { REFRESH_COOKIE } from './routes.js';

const hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});
async function freshHub() {
  const hub = await createSeededHub();
  hubs.push(hub);
  return hub;
}

const refreshCookieOf = (res: supertest.Response) => {
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0]!;
};

describe('login throttle', () => {
  it('answers a burst of 25 parallel wrong passwords with at most 5 evaluations; the rest are 429', async () => {
    const hub = await freshHub();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        hub
          .http()
          .post('/api/auth/login')
          .send({ username: 'responder', password: `wrong-${i}-xxxx` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    // 401 means the password was evaluated (bcrypt ran); 429 means it was refused before.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(TEST_SETTINGS.loginMaxFailuresPerAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25 - TEST_SETTINGS.loginMaxFailuresPerAccount);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});

describe('timing', () => {
  it('an over-long password takes a real user as long as an unknown one (no username oracle)', async () => {
    const hub = await freshHub();
    const longPassword = 'x'.repeat(80); // over bcrypt's 72 bytes
    const timeLogin = async (username: string) => {
      const started = performance.now();
      const res = await hub.http().post('/api/auth/login').send({ username, password: longPassword });
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    await timeLogin('nobody-warm-up'); // the dummy hash is made on first use
    const unknown = Math.min(await timeLogin('nobody-at-all'), await timeLogin('nobody-else'));
    const known = Math.min(await timeLogin('leader'), await timeLogin('coordinator'));
    // Both run one bcrypt compare at cost 12 (hundreds of ms); a shortcut answers in ~1 ms.
    expect(known).toBeGreaterThan(unknown * 0.4);
  });
});

describe('password changes', () => {
  it('a wrong current password is throttled like a sign-in: no oracle for a stolen access token', async () => {
    const hub = await freshHub();
    const token = await signIn(hub, 'focal.b');
    const change = (currentPassword: string) =>
      hub.http().post('/api/me/password').set('Authorization', `Bearer ${token}`).send({ currentPassword, newPassword: 'Another@123456' });
    for (let i = 0; i < TEST_SETTINGS.loginMaxFailuresPerAccount; i++) expect((await change(`guess-${i}-xxxx`)).status).toBe(422);
    const blocked = await change('Demo@12345');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    // Still the old password: nothing changed.
    expect((await hub.http().post('/api/auth/login').send({ username: 'focal.b', password: 'Another@123456' })).status).not.toBe(200);
  });
});

describe('cookie endpoints check the Origin', () => {
  it('refuses refresh and logout posted from another origin, and changes nothing', async () => {
    const hub = await freshHub();
    const login = await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' });
    const cookie = refreshCookieOf(login);
    const sibling = 'https://evil.hub.example.gov.vn';
    const refresh = await hub.http().post('/api/auth/refresh').set('Cookie', cookie).set('Origin', sibling);
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.code).toBe('forbidden');
    const logout = await hub.http().post('/api/auth/logout').set('Cookie', cookie).set('Origin', sibling);
    expect(logout.status).toBe(403);
    const fetchMarked = await hub.http().post('/api/auth/logout').set('Cookie', cookie).set('Sec-Fetch-Site', 'same-site');
    expect(fetchMarked.status).toBe(403);
    // The session survived, and the hub's own pages still refresh it.
    expect((await hub.http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(200);
  });

  it('accepts a refresh from the hub’s own origin', async () => {
    const hub = await freshHub();
    const login = await hub.http().post('/api/auth/login').send({ username: 'leader', password: 'Demo@12345' });
    const res = await hub
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieOf(login))
      .set('Host', 'hub.example.gov.vn')
      .set('Origin', 'http://hub.example.gov.vn')
      .set('Sec-Fetch-Site', 'same-origin');
    expect(res.status).toBe(200);
  });
});
