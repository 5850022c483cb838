/**
 * The socket.io side of the hub. The handshake carries the access token (`auth: { token }`).
 * Every connection — new or recovered — is brought to exactly the rooms its user may see now
 * (shared `roomsFor`); a recovered session whose rooms no longer match is refused, so the
 * client reconnects afresh and catches up through the filtered feed instead of receiving the
 * missed packets of rooms it lost. The periodic check re-reads each socket's user and
 * re-syncs its rooms. What a user may send is rate-limited per user, with a cap on sockets
 * per user; incident rooms carry presence and typing, re-checking access on join. Domain
 * events reach sockets only through the dispatcher.
 */
import type http from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  canSeeTyping,
  idSchema,
  roomsFor,
  ROOMS,
  SOCKET_EVENTS,
  type ClientToServerEvents,
  type PresenceMessage,
  type ServerToClientEvents,
  type TypingMessage,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/service.js';
import type { IncidentService } from '../incidents/service.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { startDispatcher } from './dispatcher.js';
import { localRoomsListened } from './roomsListened.js';
import { EVERY_ROOM, type EventFeed } from './feed.js';

export interface RealtimeDeps {
  auth: AuthService;
  incidents: IncidentService;
  feed: EventFeed;
  bus: EventBus;
  logger: Logger;
  /** How often every socket's session and rooms are re-checked (expiry, sign-out, access changes). */
  recheckMs: number;
  /** Messages one user may send per 10 seconds, over all their sockets. */
  messagesPer10s?: number;
  /** Sockets one user may hold open at once (tabs, devices). */
  maxSocketsPerUser?: number;
  /** A socket.io adapter so several hub processes share rooms (MongoDB). */
  adapter?: Parameters<Server['adapter']>[0];
}

export interface SocketData {
  actor: Actor;
  token: string;
}
type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const incidentRef = z.strictObject({ incidentId: idSchema });
const typingRef = z.strictObject({ incidentId: idSchema, typing: z.boolean(), visibility: z.enum(['agency', 'internal']).optional() });
const INCIDENT_ROOM = /^incident:(.+)$/;
/** Sockets re-checked per turn of the event loop (see `recheck`). */
const RECHECK_SLICE = 100;

export function attachRealtime(httpServer: http.Server, deps: RealtimeDeps) {
  const io: HubServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // Short drops are bridged by socket.io; the auth middleware still runs on recovery, and
    // restoreSession below refuses sessions whose rooms the user may no longer be in.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  if (deps.adapter) io.adapter(deps.adapter);
  const limiter = new RateLimiterMemory({ points: deps.messagesPer10s ?? 30, duration: 10 });
  const maxSockets = deps.maxSocketsPerUser ?? 8;

  const mayOpen = async (actor: Actor, incidentId: string) =>
    deps.incidents.get(actor, incidentId).then(
      () => true,
      () => false,
    );

  /** Whether a socket in these rooms is within what `actor` may see now. */
  const roomsAllowed = async (actor: Actor, socketRooms: Iterable<string>, ownId: string) => {
    const allowed = new Set(roomsFor(actor));
    for (const room of socketRooms) {
      if (room === ownId || allowed.has(room)) continue;
      const incident = INCIDENT_ROOM.exec(room);
      if (!incident || !(await mayOpen(actor, incident[1]!))) return false;
    }
    return true;
  };

  // A recovered session brings back its rooms and replays what they carried meanwhile, before
  // any middleware runs: refuse it when the user's access no longer covers those rooms.
  const adapter = io.of('/').adapter;
  const restoreSession = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restoreSession(pid, offset);
    if (!session) return session;
    const data = session.data as Partial<SocketData> | undefined;
    const current = data?.token ? await deps.auth.authenticate(data.token) : null;
    if (!current || !(await roomsAllowed(current.actor, session.rooms, session.sid))) {
      deps.logger.info({ user: data?.actor?.username }, 'recovery refused: access changed while disconnected');
      // socket.io's own adapters answer null for "no session" (its type says otherwise).
      return null as unknown as typeof session;
    }
    return session;
  };

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) return next(new Error('unauthenticated'));
    void deps.auth.authenticate(token).then(
      async (result) => {
        if (!result) return next(new Error('unauthenticated'));
        const open = await io.in(ROOMS.user(result.actor.id)).fetchSockets();
        if (open.filter((s) => s.id !== socket.id).length >= maxSockets) return next(new Error('too_many_connections'));
        socket.data = { actor: result.actor, token };
        next();
      },
      () => next(new Error('unauthenticated')),
    );
  });

  const presenceOf = async (incidentId: string): Promise<PresenceMessage> => {
    const sockets = await io.in(ROOMS.incident(incidentId)).fetchSockets();
    const users = new Map<string, string>();
    for (const s of sockets) users.set(s.data.actor.id, s.data.actor.displayName);
    return { incidentId, users: [...users].map(([id, name]) => ({ id, name })) };
  };
  const announcePresence = async (incidentId: string) => {
    io.to(ROOMS.incident(incidentId)).emit(SOCKET_EVENTS.presence, await presenceOf(incidentId));
  };

  /** Brings a socket's rooms to what its actor may see now: leaves the rest, joins what is missing. */
  const syncRooms = async (socket: HubSocket, openIncidents: Set<string>) => {
    const actor = socket.data.actor;
    const allowed = new Set(roomsFor(actor));
    for (const room of [...socket.rooms]) {
      if (room === socket.id || allowed.has(room)) continue;
      const incident = INCIDENT_ROOM.exec(room);
      // An incident room stays only while it is open on this connection and still readable.
      if (incident && openIncidents.has(incident[1]!) && (await mayOpen(actor, incident[1]!))) continue;
      await socket.leave(room);
      if (incident) {
        openIncidents.delete(incident[1]!);
        await announcePresence(incident[1]!);
      }
    }
    await socket.join([...allowed]);
  };
  const openByPerSocket = new Map<string, Set<string>>();

  io.on('connection', (socket: HubSocket) => {
    const openIncidents = new Set<string>();
    openByPerSocket.set(socket.id, openIncidents);
    // New or recovered alike: restored incident rooms are left (the console re-joins them).
    void syncRooms(socket, openIncidents);

    socket.use((_packet, next) => {
      // Per user, over all their sockets: ten tabs do not get ten budgets.
      limiter.consume(socket.data.actor.id).then(
        () => next(),
        () => next(new Error('rate_limited')),
      );
    });
    socket.on('error', (error: Error) => {
      if (error.message === 'rate_limited') {
        deps.logger.warn({ user: socket.data.actor.username }, 'socket rate limit exceeded; disconnecting');
        socket.disconnect(true);
      }
    });

    socket.on(SOCKET_EVENTS.incidentJoin, async (payload: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: { ok: boolean }) => void) : () => undefined;
      const parsed = incidentRef.safeParse(payload);
      if (!parsed.success) return reply({ ok: false });
      // Access is re-checked on every join: a card seen a minute ago may be rerouted.
      if (!(await mayOpen(socket.data.actor, parsed.data.incidentId))) return reply({ ok: false });
      const alreadyOpen = openIncidents.has(parsed.data.incidentId);
      openIncidents.add(parsed.data.incidentId);
      await socket.join(ROOMS.incident(parsed.data.incidentId));
      reply({ ok: true });
      if (!alreadyOpen) await announcePresence(parsed.data.incidentId);
    });

    socket.on(SOCKET_EVENTS.incidentLeave, async (payload: unknown) => {
      const parsed = incidentRef.safeParse(payload);
      if (!parsed.success || !openIncidents.has(parsed.data.incidentId)) return;
      openIncidents.delete(parsed.data.incidentId);
      await socket.leave(ROOMS.incident(parsed.data.incidentId));
      await announcePresence(parsed.data.incidentId);
    });

    socket.on(SOCKET_EVENTS.typing, async (payload: unknown) => {
      const parsed = typingRef.safeParse(payload);
      if (!parsed.success || !openIncidents.has(parsed.data.incidentId)) return;
      const actor = socket.data.actor;
      // The agency side only ever writes to the CERT; the CERT says which kind of note it writes.
      const visibility = actor.role === 'focal_point' ? 'agency' : (parsed.data.visibility ?? 'internal');
      const message: TypingMessage = {
        incidentId: parsed.data.incidentId,
        user: { id: actor.id, name: actor.displayName },
        typing: parsed.data.typing,
        visibility,
      };
      for (const other of await io.in(ROOMS.incident(parsed.data.incidentId)).fetchSockets())
        if (other.id !== socket.id && canSeeTyping(other.data.actor, visibility)) other.emit(SOCKET_EVENTS.typingUpdate, message);
    });

    socket.on('disconnect', () => {
      openByPerSocket.delete(socket.id);
      for (const incidentId of openIncidents) void announcePresence(incidentId);
    });
  });

  /**
   * Re-reads the user behind each socket (or only `userId`'s): an ended session is dropped;
   * otherwise the socket takes the user's current role, agency and teams, and its rooms follow.
   * A session's sockets (tabs, devices on one sign-in) share a token and so one answer, asked
   * once per pass; the sockets go in slices of RECHECK_SLICE with the event loop let through
   * between them, so a pass over a thousand sockets never holds a broadcast back for long.
   */
  const recheck = async (userId?: string) => {
    const sockets = userId ? await io.in(ROOMS.user(userId)).fetchSockets() : [...io.of('/').sockets.values()];
    const answers = new Map<string, ReturnType<AuthService['authenticate']>>();
    const answerFor = (token: string) => {
      let answer = answers.get(token);
      if (!answer) answers.set(token, (answer = deps.auth.authenticate(token)));
      return answer;
    };
    for (let start = 0; start < sockets.length; start += RECHECK_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(
        sockets.slice(start, start + RECHECK_SLICE).map(async (remote) => {
          const socket = io.of('/').sockets.get(remote.id);
          if (!socket?.data?.token) return;
          const result = await answerFor(socket.data.token);
          if (!result) {
            socket.emit(SOCKET_EVENTS.sessionEnded);
            socket.disconnect(true);
            return;
          }
          socket.data.actor = result.actor;
          await syncRooms(socket, openByPerSocket.get(socket.id) ?? new Set());
        }),
      );
    }
  };
  const timer = setInterval(
    () => void recheck().catch((err: unknown) => deps.logger.error({ err }, 'socket recheck failed')),
    deps.recheckMs,
  );
  timer.unref();

  // A cluster adapter's rooms span processes: this one cannot tell who listens elsewhere.
  const listened = deps.adapter ? EVERY_ROOM : localRoomsListened(io);
  const stopDispatcher = startDispatcher(io, deps.bus, deps.feed, deps.logger, recheck, listened);

  return {
    io,
    close: async () => {
      clearInterval(timer);
      stopDispatcher();
      await io.close();
    },
  };
}
