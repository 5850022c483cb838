/**
 * Issue #12 item 8: an administrator's one-time password-reset link — admin only, single use,
 * expires on the injected clock, ends the user's sessions, audited, token stored hashed,
 * rate-limited.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordResetLinkView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await createSeededHub({ passwordResetTtlHours: 24 });
});
afterAll(() => hub.close());

let counter = 0;
async function newUser(): Promise<{ id: string; username: string }> {
  const admin = await signIn(hub, 'admin');
  const username = `reset.user${++counter}`;
  const res = await hub
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${admin}`)
    .send({ username, displayName: 'Nguyễn Văn Quên', password: 'Original@12345', role: 'leader', agencyId: null, teamIds: [] });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, username };
}

async function issueLink(userId: string, token?: string) {
  token ??= await signIn(hub, 'admin');
  return hub.http().post(`/api/users/${userId}/password-reset-link`).set('Authorization', `Bearer ${token}`).send();
}

const useLink = (token: string, password: string) => hub.http().post('/api/auth/password-reset').send({ token, password });
const login = (username: string, password: string) => hub.http().post('/api/auth/login').send({ username, password });

describe('password-reset link', () => {
  it('sets a new password once, ends every session, and is audited', async () => {
    const user = await newUser();
    const before = await signIn(hub, user.username, 'Original@12345');
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${before}`)).status).toBe(200);

    const issued = await issueLink(user.id);
    expect(issued.status).toBe(201);
    const link = issued.body as PasswordResetLinkView;
    expect(link.path).toBe(`/reset-password?token=${encodeURIComponent(link.token)}`);
    expect(link.expiresAt).toBe(new Date(hub.clock.now().getTime() + 24 * 3_600_000).toISOString());

    // Only the hash is stored, and no event or API answer about the user carries the token.
    const stored = await hub.store.users.get(user.id);
    expect(stored?.passwordReset?.tokenHash).toBe(crypto.createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(link.token.split('.')[1]);
    const shown = await hub
      .http()
      .get(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${await signIn(hub, 'admin')}`);
    expect(JSON.stringify(shown.body)).not.toContain('tokenHash');

    expect((await useLink(link.token, 'Brand-new@12345')).status).toBe(204);
    expect((await hub.http().get('/api/me').set('Authorization', `Bearer ${before}`)).status).toBe(401);
    expect((await login(user.username, 'Original@12345')).status).toBe(401);
    expect((await login(user.username, 'Brand-new@12345')).status).toBe(200);

    // Single use.
    const again = await useLink(link.token, 'Third-one@12345');
    expect(again.status).toBe(422);
    expect(again.body.error.details[0]).toMatchObject({ path: 'token', code: 'reset_link_invalid' });
    expect((await login(user.username, 'Brand-new@12345')).status).toBe(200);

    const events = await hub.store.events.listForEntity('user', user.id, 100);
    const types = events.map((e) => `${e.type}:${JSON.stringify(e.data)}`);
    expect(types.some((t) => t.startsWith('user.password_reset_issued'))).toBe(true);
    expect(types.some((t) => t.startsWith('user.password_changed') && t.includes('reset_link'))).toBe(true);
    expect(types.join()).not.toContain(link.token);
    const audit = await hub
      .http()
      .get('/api/audit')
      .query({ entityId: user.id })
      .set('Authorization', `Bearer ${await signIn(hub, 'admin')}`);
    expect(JSON.stringify(audit.body)).toContain('user.password_reset_issued');
  });

  it('expires after the configured time on the hub clock', async () => {
    const user = await newUser();
    const link = (await issueLink(user.id)).body as PasswordResetLinkView;
    hub.clock.advance(24 * 3_600_000 + 1000);
    const late = await useLink(link.token, 'Too-late@12345');
    expect(late.status).toBe(422);
    expect((await login(user.username, 'Original@12345')).status).toBe(200);
  });

  it('a newer link replaces the older one; a forged or tampered token does nothing', async () => {
    const user = await newUser();
    const first = (await issueLink(user.id)).body as PasswordResetLinkView;
    const second = (await issueLink(user.id)).body as PasswordResetLinkView;
    expect((await useLink(first.token, 'From-first@12345')).status).toBe(422);
    expect((await useLink(`${user.id}.${'A'.repeat(32)}`, 'Forged-one@12345')).status).toBe(422);
    expect((await useLink(`nouser.${'A'.repeat(32)}`, 'Forged-one@12345')).status).toBe(422);
    expect((await login(user.username, 'Original@12345')).status).toBe(200);
    expect((await useLink(second.token, 'From-second@12345')).status).toBe(204);
  });

  it('checks the new password like any other and changes nothing on bad input', async () => {
    const user = await newUser();
    const link = (await issueLink(user.id)).body as PasswordResetLinkView;
    const short = await useLink(link.token, 'short');
    expect(short.status).toBe(400);
    expect((await useLink(link.token, 'Good-enough@12345')).status).toBe(204);
  });

  it('only an administrator issues links', async () => {
    const user = await newUser();
    for (const username of ['coordinator', 'leader', 'focal.a']) {
      const res = await issueLink(user.id, await signIn(hub, username));
      expect(res.status).toBe(403);
    }
    expect((await hub.http().post(`/api/users/${user.id}/password-reset-link`).send()).status).toBe(401);
    expect((await issueLink('no-such-user-id')).status).toBe(404);
  });

  it('limits how often a link can be tried from one address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) answers.push((await useLink(`nouser.${'B'.repeat(32)}`, 'Whatever-1234')).status);
    expect(answers).toContain(429);
    expect(answers.filter((s) => s === 422).length).toBeLessThanOrEqual(20);
  });
});
