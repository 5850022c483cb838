/**
 * Issue #11: the dispatcher presents and emits an event only for rooms someone listens in — a
 * connected socket, or a dropped socket's session that socket.io may still recover (it then
 * replays what was emitted to that session's rooms meanwhile, so that must still be emitted).
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type DomainEventMessage, type IncidentView } from '@cert-hub/shared';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { domainEventOf, openSocket, reconnect } from './helpers/sockets.js';

let hub: TestHub;
let running: RunningHub;
let url: string;
const sockets: Socket[] = [];
let agencyA: string;

beforeAll(async () => {
  hub = await createSeededHub({ socketRecheckMs: 600_000 });
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
  agencyA = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
});

async function report(title: string): Promise<IncidentView> {
  const res = await hub
    .http()
    .post('/api/incidents')
    .set('Authorization', `Bearer ${await signIn(hub, 'focal.a')}`)
    .send({ agencyId: agencyA, title, category: 'phishing', description: 'Thư giả mạo.', detectedAt: '2026-11-20T08:00:00+07:00' });
  expect(res.status).toBe(201);
  return res.body as IncidentView;
}

/** What the in-memory adapter kept of every event emitted (connection state recovery keeps them all). */
const emitted = () =>
  (running.io.of('/').adapter as unknown as { packets: { data: [string, (DomainEventMessage | DomainEventMessage[])?] }[] }).packets
    .filter((p) => p.data[0] === SOCKET_EVENTS.domainEvent || p.data[0] === SOCKET_EVENTS.domainEvents)
    .flatMap((p) => p.data[1]!);

async function dropTransport(socket: Socket) {
  const onServer = running.io.of('/').sockets.get(socket.id!)!;
  const gone = new Promise((resolve) => onServer.once('disconnect', resolve));
  socket.io.engine.close();
  await gone;
}

describe('deliveries only where someone listens', () => {
  it('with no socket connected, a report is neither presented nor emitted to any room', async () => {
    const unheard = await report('Không ai đang nghe');
    // Barrier: events are dispatched in commit order, so once a later report reached a socket
    // the first one was dispatched (or skipped).
    const leader = await openSocket(url, await signIn(hub, 'leader'), sockets);
    const heard = await report('Lãnh đạo đang nghe');
    await domainEventOf(leader, heard.id);
    expect(emitted().filter((m) => m.event.incidentId === unheard.id)).toEqual([]);
    expect(emitted().filter((m) => m.event.incidentId === heard.id).length).toBeGreaterThan(0);
    leader.disconnect(); // a client's own disconnect: its session is not kept for recovery
  });

  it('a dropped socket, the only listener of its rooms, recovers the events of a report filed while it was away', async () => {
    const socket = await openSocket(url, await signIn(hub, 'focal.a'), sockets);
    // Recovery resumes after the last event a socket received.
    await domainEventOf(socket, (await report('Trước khi rớt mạng')).id);
    await dropTransport(socket);
    expect(running.io.of('/').sockets.size).toBe(0);
    const missed = await report('Trong lúc rớt mạng, không còn ai kết nối');
    const replayed = domainEventOf(socket, missed.id);
    await reconnect(socket);
    expect(socket.recovered).toBe(true);
    const message = await replayed;
    expect(message.incident?.id).toBe(missed.id);
  });
});
