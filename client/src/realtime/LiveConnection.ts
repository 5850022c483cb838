/**
 * The console's one live connection. It follows the event log by `seq`: live events come
 * over socket.io; after any reconnect that socket.io could not recover, the gap is fetched
 * from GET /api/events?after=<lastSeq>&view=card; duplicates are dropped by seq. A client never
 * needs a reload to converge.
 *
 * Live events carry the whole incident; caught-up ones its card (a page of whole incidents
 * is mostly bytes the board does not show). The incident store reads a watched incident
 * whole again when a newer card arrives (incidentStore.ts).
 */
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_EVENTS,
  type ClientToServerEvents,
  type DomainEventMessage,
  type EventsPage,
  type IncidentCardView,
  type ServerToClientEvents,
} from '@cert-hub/shared';
import { api, refreshSession, session } from '../api/client.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';
/** A delivered event: its incident is whole (live) or a card (caught up). */
export type LiveMessage = DomainEventMessage<IncidentCardView>;
type Listener = (message: LiveMessage) => void;

export class LiveConnection {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private lastSeq = 0;
  private readonly seen = new Set<number>();
  /** Every seq delivered to listeners, in delivery order (shown to tests on the board). */
  readonly delivered: number[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private catchingUp: Promise<void> | null = null;
  state: ConnectionState = 'connecting';

  constructor(startSeq: number) {
    this.lastSeq = startSeq;
    this.socket = io({
      path: '/socket.io',
      // Read the token at every (re)connection: it rotates every few minutes.
      auth: (cb) => cb({ token: session.token }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on(SOCKET_EVENTS.domainEvent, (m: DomainEventMessage) => this.deliver(m));
    this.socket.on(SOCKET_EVENTS.domainEvents, (ms: DomainEventMessage[]) => ms.forEach((m) => this.deliver(m)));
    this.socket.on('connect', () => {
      this.setState('online');
      if (!this.socket.recovered) void this.catchUp();
    });
    this.socket.on('disconnect', (reason) => {
      this.setState('offline');
      // The hub ended the session (expired token): refresh it, then come back.
      if (reason === 'io server disconnect') void this.reauthenticate();
    });
    this.socket.on('connect_error', (error) => {
      this.setState('offline');
      if (error.message === 'unauthenticated') void this.reauthenticate();
    });
  }

  get seq() {
    return this.lastSeq;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  close() {
    this.socket.close();
  }

  /** Fetches everything after the last seq, page by page (one catch-up at a time). */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        // The catch-up keeps its own cursor: live events delivered meanwhile move lastSeq past
        // the gap still being fetched, and following lastSeq would skip the rest of it.
        let cursor = this.lastSeq;
        for (;;) {
          const page = await api<EventsPage<IncidentCardView>>(`/events?after=${cursor}&limit=500&view=card`);
          page.events.forEach((m) => this.deliver(m));
          const advanced = page.lastSeq > cursor;
          cursor = Math.max(cursor, page.lastSeq);
          this.lastSeq = Math.max(this.lastSeq, cursor);
          // A page may hold nothing and still move on: the hub examines a bounded stretch of
          // the log per request. Stop only when it no longer moves.
          if (!advanced) break;
        }
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  private deliver(message: LiveMessage) {
    const seq = message.event.seq;
    if (this.seen.has(seq)) return;
    this.seen.add(seq);
    if (this.seen.size > 20_000) this.seen.delete(this.seen.values().next().value as number);
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (this.delivered.length < 5000) this.delivered.push(seq);
    this.listeners.forEach((l) => l(message));
  }

  private async reauthenticate() {
    if (await refreshSession()) this.socket.connect();
  }

  private setState(state: ConnectionState) {
    this.state = state;
    this.stateListeners.forEach((l) => l(state));
  }
}
