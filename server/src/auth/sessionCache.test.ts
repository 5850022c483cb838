import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

/**
 * The per-session identity cache: it really serves repeated requests, and every change that
 * must end or reshape a session still takes effect on the very next request.
 */
let hub: TestHub;
let admin: string;
let agencies: { id: string }[];
let teams: { id: string; version: number }[];

beforeAll(async () => {
  hub = await createSeededHub();
  admin = await signIn(hub, 'admin');
  agencies = (await hub.http().get('/api/agencies?limit=5').set('Authorization', `Bearer ${admin}`)).body.items;
  teams = (await hub.http().get('/api/teams?limit=5').set('Authorization', `Bearer ${admin}`)).body.items;
});
afterAll(() => hub.close());

let serial = 0;
/** A fresh responder (or other role) of our own, signed in once. */
async function newUser(body: Record<string, unknown> = { role: 'responder', teamIds: [teams[0]!.id] }) {
  serial += 1;
  const username = `cache.user${serial}`;
  const created = await hub
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${admin}`)
    .send({ username, displayName: `Cache User ${serial}`, password: 'Demo@12345', ...body });
  expect(created.status).toBe(201);
  const login = await hub.http().post('/api/auth/login').send({ username, password: 'Demo@12345' });
  expect(login.status).toBe(200);
  return { id: created.body.id as string, token: login.body.accessToken as string };
}

const me = (token: string) => hub.http().get('/api/me').set('Authorization', `Bearer ${token}`);
const patchUser = async (id: string, body: Record<string, unknown>) => {
  const current = await hub.http().get(`/api/users/${id}`).set('Authorization', `Bearer ${admin}`);
  const res = await hub
    .http()
    .patch(`/api/users/${id}`)
    .set('Authorization', `Bearer ${admin}`)
    .send({ ...body, version: current.body.version });
  expect(res.status).toBe(200);
  return res;
};

describe('session cache', () => {
  it('serves a session it has seen without reading the store again', async () => {
    const user = await newUser();
    expect((await me(user.token)).status).toBe(200);
    // Revoke behind the services' back (no event, no invalidation): the cached identity still answers…
    const sid = (await hub.services.auth.authenticate(user.token))!.actor.sessionId!;
    const session = await hub.store.sessions.get(sid);
    await hub.store.sessions.revokeFamily(session!.familyId, hub.clock.now().toISOString());
    expect(await hub.services.auth.authenticate(user.token)).not.toBeNull();
    // …until any registry change empties it, after which the store's answer counts.
    await patchUser(user.id, { displayName: 'Renamed' });
    expect(await hub.services.auth.authenticate(user.token)).toBeNull();
  });

  it('sign-out takes effect at once', async () => {
    const user = await newUser();
    expect((await me(user.token)).status).toBe(200);
    expect((await hub.http().post('/api/auth/logout').set('Authorization', `Bearer ${user.token}`)).status).toBe(204);
    expect((await me(user.token)).status).toBe(401);
  });

  it('disabling the account takes effect at once', async () => {
    const user = await newUser();
    expect((await me(user.token)).status).toBe(200);
    await patchUser(user.id, { disabled: true });
    expect((await me(user.token)).status).toBe(401);
  });

  it('a password change (own or by an administrator) takes effect at once', async () => {
    const own = await newUser();
    expect((await me(own.token)).status).toBe(200);
    const change = await hub
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${own.token}`)
      .send({ currentPassword: 'Demo@12345', newPassword: 'Mat-khau-moi-2026' });
    expect(change.status).toBe(204);
    expect((await me(own.token)).status).toBe(401);

    const reset = await newUser();
    expect((await me(reset.token)).status).toBe(200);
    const res = await hub
      .http()
      .post(`/api/users/${reset.id}/password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'Mat-khau-moi-2027' });
    expect(res.status).toBe(204);
    expect((await me(reset.token)).status).toBe(401);
  });

  it('a role change takes effect at once', async () => {
    const user = await newUser({ role: 'admin' });
    expect((await hub.services.auth.authenticate(user.token))!.actor.role).toBe('admin');
    await patchUser(user.id, { role: 'leader' });
    expect((await hub.services.auth.authenticate(user.token))!.actor.role).toBe('leader');
  });

  it('a team change (user edit or team membership) takes effect at once', async () => {
    const user = await newUser();
    expect((await hub.services.auth.authenticate(user.token))!.actor.teamIds).toEqual([teams[0]!.id]);
    await patchUser(user.id, { teamIds: [teams[1]!.id] });
    expect((await hub.services.auth.authenticate(user.token))!.actor.teamIds).toEqual([teams[1]!.id]);

    const team = (await hub.http().get(`/api/teams/${teams[2]!.id}`).set('Authorization', `Bearer ${admin}`)).body;
    const members = (await hub.http().get(`/api/users?limit=200`).set('Authorization', `Bearer ${admin}`)).body.items
      .filter((u: { teamIds: string[] }) => u.teamIds.includes(team.id))
      .map((u: { id: string }) => u.id);
    const put = await hub
      .http()
      .put(`/api/teams/${team.id}/members`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ userIds: [...members, user.id], version: team.version });
    expect(put.status).toBe(200);
    expect((await hub.services.auth.authenticate(user.token))!.actor.teamIds.sort()).toEqual([teams[1]!.id, team.id].sort());
  });

  it('an agency change takes effect at once', async () => {
    const user = await newUser({ role: 'focal_point', agencyId: agencies[0]!.id });
    expect((await hub.services.auth.authenticate(user.token))!.actor.agencyId).toBe(agencies[0]!.id);
    await patchUser(user.id, { agencyId: agencies[1]!.id });
    expect((await hub.services.auth.authenticate(user.token))!.actor.agencyId).toBe(agencies[1]!.id);
  });
});
