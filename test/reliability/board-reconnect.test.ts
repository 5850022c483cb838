/**
 * Board clients dropped for seconds and for minutes converge with nothing missing or
 * doubled. Each client follows the same protocol as the console's LiveConnection: live
 * events over socket.io, and after a reconnect the gap from GET /api/events?after=<seq>,
 * page by page, dropping what it already has by seq. "Minutes" runs on the hub's clock:
 * the access tokens expire while the clients are away, so they must sign in again too.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SOCKET_EVENTS, type DomainEventMessage, type EventsPage, type IncidentView } from '@cert-hub/shared';
import { startServer, type RunningHub } from '../../server/src/server.js';
import { createSeededHub, signIn, type TestHub } from '../../server/src/testing/testHub.js';
import { recordFigures } from './figures.js';
import { reportBody } from './harness.js';

let hub: TestHub;
let running: RunningHub;
let url: string;
let focalToken: string;
let agencyId: string;

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z');
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
  focalToken = await signIn(hub, 'focal.a');
  agencyId = ((await hub.http().get('/api/me').set('Authorization', `Bearer ${focalToken}`)).body as { agencyId: string }).agencyId;
});
afterAll(async () => {
  await running.close();
  await hub.close();
});

/** A board as the console keeps it: incidents by id at their newest version, and the seqs applied. */
class BoardClient {
  socket!: Socket;
  token = '';
  lastSeq = 0;
  readonly applied: number[] = [];
  readonly received = new Map<number, number>();
  readonly incidents = new Map<string, IncidentView>();
  private catchingUp: Promise<void> | null = null;

  constructor(readonly username: string) {}

  async start() {
    this.token = await signIn(hub, this.username);
    this.lastSeq = (await this.api<{ lastSeq: number }>('/events/head')).lastSeq;
    this.socket = connect(url, {
      path: '/socket.io',
      auth: (cb) => cb({ token: this.token }),
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on(SOCKET_EVENTS.domainEvent, (m: DomainEventMessage) => this.deliver(m));
    this.socket.on(SOCKET_EVENTS.domainEvents, (ms: DomainEventMessage[]) => ms.forEach((m) => this.deliver(m)));
    this.socket.on('connect', () => void this.catchUp());
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') void this.reauthenticate();
    });
    this.socket.on('connect_error', (error) => {
      if (error.message === 'unauthenticated') void this.reauthenticate();
    });
    await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
  }

  async api<T>(path: string): Promise<T> {
    let res = await fetch(`${url}/api${path}`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (res.status === 401) {
      // The access token ran out while away: sign in again, as the console refreshes.
      this.token = await signIn(hub, this.username);
      res = await fetch(`${url}/api${path}`, { headers: { Authorization: `Bearer ${this.token}` } });
    }
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  }

  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        // The catch-up keeps its own cursor: live events delivered meanwhile move lastSeq past
        // the gap still being fetched, and following lastSeq would skip the rest of it.
        let cursor = this.lastSeq;
        for (;;) {
          const page = await this.api<EventsPage>(`/events?after=${cursor}&limit=500`);
          page.events.forEach((m) => this.deliver(m));
          const advanced = page.lastSeq > cursor;
          cursor = Math.max(cursor, page.lastSeq);
          this.lastSeq = Math.max(this.lastSeq, cursor);
          if (!advanced) break;
        }
      } catch {
        // The hub went away mid catch-up (a drop): the next connect catches up again, and the
        // convergence check below proves nothing was missed.
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  private deliver(m: DomainEventMessage) {
    const seq = m.event.seq;
    this.received.set(seq, (this.received.get(seq) ?? 0) + 1);
    if (this.received.get(seq)! > 1) return; // already applied (live and caught up)
    this.applied.push(seq);
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (m.incident) {
      const known = this.incidents.get(m.incident.id);
      if (!known || known.version <= m.incident.version) this.incidents.set(m.incident.id, m.incident);
    }
  }

  async reauthenticate() {
    this.token = await signIn(hub, this.username);
    this.socket.connect();
  }
}

const report = async (key: string) => {
  const res = await hub
    .http()
    .post('/api/incidents')
    .set('Authorization', `Bearer ${focalToken}`)
    .set('Idempotency-Key', key)
    .send(reportBody(agencyId, key));
  if (res.status !== 201) throw new Error(`report ${key}: ${res.status}`);
  return res.body as IncidentView;
};

/** Everything the user may see after `afterSeq`, straight from the feed. */
async function truthFor(client: BoardClient, afterSeq: number) {
  const seqs: number[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await client.api<EventsPage>(`/events?after=${after}&limit=1000`);
    seqs.push(...page.events.map((m) => m.event.seq));
    if (page.events.length === 0) return seqs;
    after = page.lastSeq;
  }
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('clients did not converge in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('converges after drops of seconds and of minutes, with nothing missing or doubled', async () => {
  const clients = [
    ...Array.from({ length: 6 }, () => new BoardClient('coordinator')),
    ...Array.from({ length: 6 }, () => new BoardClient('responder')),
  ];
  for (const c of clients) await c.start();
  const startSeq = Math.min(...clients.map((c) => c.lastSeq));
  const dropped = clients.filter((_, i) => i % 2 === 0);

  // Seconds: half the boards lose their connection while reports keep coming.
  dropped.forEach((c) => c.socket.io.engine.close());
  let n = 0;
  for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: 10 }, () => report(`drop-s-${n++}`)));
  await new Promise((r) => setTimeout(r, 1_500));

  // Minutes: boards are cut off while the hub's clock moves on past the tokens' lifetime and
  // more than one catch-up page of events happens.
  dropped.forEach((c) => c.socket.disconnect());
  for (let round = 0; round < 60; round++) await Promise.all(Array.from({ length: 10 }, () => report(`drop-m-${n++}`)));
  hub.clock.advance(20 * 60_000);
  focalToken = await signIn(hub, 'focal.a');
  await new Promise((r) => setTimeout(r, 500)); // the hub's recheck drops the expired connected sockets
  dropped.forEach((c) => void c.reauthenticate());
  for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 10 }, () => report(`after-${n++}`)));

  const truth = new Map<string, number[]>();
  for (const c of clients) if (!truth.has(c.username)) truth.set(c.username, await truthFor(c, startSeq));
  await until(() => clients.every((c) => c.applied.length >= truth.get(c.username)!.length)).catch((error: unknown) => {
    const state = clients.map((c) => `${c.username}: ${c.applied.length}/${truth.get(c.username)!.length} connected=${c.socket.connected}`);
    throw new Error(`${(error as Error).message}\n${state.join('\n')}`);
  });
  for (const c of clients) {
    const expected = truth.get(c.username)!;
    expect([...c.applied].sort((a, b) => a - b)).toEqual(expected); // nothing missing, nothing applied twice
    const reports = [...c.incidents.values()].filter((i) => i.title.startsWith('Báo cáo thử độ tin cậy'));
    expect(reports).toHaveLength(n);
  }
  recordFigures('boardReconnect', {
    clients: clients.length,
    droppedClients: dropped.length,
    reports: n,
    eventsPerCoordinator: truth.get('coordinator')!.length,
    duplicatesDropped: clients.reduce((sum, c) => sum + [...c.received.values()].filter((x) => x > 1).length, 0),
  });
  clients.forEach((c) => c.socket.disconnect());
});
