/**
 * Issue #11: the periodic socket re-check asks once per session (a session's sockets share a
 * token) and goes through the sockets in slices, letting broadcasts through between them. It
 * must still reach every socket, and one session's answer must never be given to another's.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '@cert-hub/shared';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { domainEventOf, openSocket, waitFor, waitForDomainEvent } from './helpers/sockets.js';

let hub: TestHub;
let running: RunningHub;
let url: string;
const sockets: Socket[] = [];

/** More sockets than one slice of the re-check (100), so the later slices are exercised. */
const MANY = 130;

beforeAll(async () => {
  hub = await createSeededHub({ socketRecheckMs: 200, socketsPerUser: MANY + 10 });
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
});

describe('periodic socket re-check', () => {
  it('ends every socket of a signed-out session, past the first slice, and keeps the same user’s other session', async () => {
    const ended = await signIn(hub, 'responder');
    const kept = await signIn(hub, 'responder');
    const endedSockets: Socket[] = [];
    for (let i = 0; i < MANY; i += 26)
      endedSockets.push(...(await Promise.all(Array.from({ length: Math.min(26, MANY - i) }, () => openSocket(url, ended, sockets)))));
    const keptSockets = await Promise.all([openSocket(url, kept, sockets), openSocket(url, kept, sockets)]);
    const allEnded = Promise.all(endedSockets.map((s) => waitFor(s, SOCKET_EVENTS.sessionEnded)));

    const out = await hub.http().post('/api/auth/logout').set('Authorization', `Bearer ${ended}`);
    expect(out.status).toBe(204);
    await allEnded;

    // The other session's sockets stayed through those re-checks and still hear the board.
    const focal = await signIn(hub, 'focal.a');
    const agencyId = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
    const heard = keptSockets.map((s) => waitForDomainEvent(s));
    const filed = await hub.http().post('/api/incidents').set('Authorization', `Bearer ${focal}`).send({
      agencyId,
      title: 'Sau khi đăng xuất một phiên',
      category: 'phishing',
      description: 'Thư giả mạo.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    });
    expect(filed.status).toBe(201);
    await Promise.all(keptSockets.map((s) => domainEventOf(s, (filed.body as { id: string }).id)));
    await Promise.all(heard);
    expect(keptSockets.every((s) => s.connected)).toBe(true);
    expect(endedSockets.every((s) => !s.connected)).toBe(true);
  });
});
