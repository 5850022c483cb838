/**
 * The socket.io side of the hub. The handshake carries the access token (`auth: { token }`);
 * a socket joins only the rooms its user may see; it is dropped when its token expires or
 * its session is revoked (re-checked periodically, on the injected clock); what it may send
 * is rate-limited; incident rooms carry presence and typing, re-checking access on join.
 * Domain events reach sockets only through the dispatcher.
 */
import type http from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { idSchema, SOCKET_EVENTS, type PresenceMessage, type TypingMessage } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/service.js';
import type { IncidentService } from '../incidents/service.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { startDispatcher } from './dispatcher.js';
import { rooms, roomsOf, type EventFeed } from './feed.js';

export interface RealtimeDeps {
  auth: AuthService;
  incidents: IncidentService;
  feed: EventFeed;
  bus: EventBus;
  logger: Logger;
  /** How often every socket's session is re-checked (expiry, sign-out, password change). */
  recheckMs: number;
  /** Messages a socket may send per 10 seconds. */
  messagesPer10s?: number;
  /** A socket.io adapter so several hub processes share rooms (MongoDB). */
  adapter?: Parameters<Server['adapter']>[0];
}

interface SocketData {
  actor: Actor;
  token: string;
}
type HubSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

const incidentRef = z.strictObject({ incidentId: idSchema });
const typingRef = z.strictObject({ incidentId: idSchema, typing: z.boolean() });

export function attachRealtime(httpServer: http.Server, deps: RealtimeDeps) {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // Short drops are bridged by socket.io; the auth middleware still runs on recovery.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  if (deps.adapter) io.adapter(deps.adapter);
  const limiter = new RateLimiterMemory({ points: deps.messagesPer10s ?? 30, duration: 10 });

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) return next(new Error('unauthenticated'));
    void deps.auth.authenticate(token).then(
      (result) => {
        if (!result) return next(new Error('unauthenticated'));
        socket.data = { actor: result.actor, token } satisfies SocketData;
        next();
      },
      () => next(new Error('unauthenticated')),
    );
  });

  const presenceOf = async (incidentId: string): Promise<PresenceMessage> => {
    const sockets = await io.in(rooms.incident(incidentId)).fetchSockets();
    const users = new Map<string, string>();
    for (const s of sockets) {
      const actor = (s.data as SocketData).actor;
      users.set(actor.id, actor.displayName);
    }
    return { incidentId, users: [...users].map(([id, name]) => ({ id, name })) };
  };
  const announcePresence = async (incidentId: string) => {
    io.to(rooms.incident(incidentId)).emit(SOCKET_EVENTS.presence, await presenceOf(incidentId));
  };

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as unknown as HubSocket;
    const actor = socket.data.actor;
    // A recovered socket gets its rooms back; a new one joins what its user may see.
    if (!socket.recovered) void socket.join(roomsOf(actor));
    const openIncidents = new Set<string>();

    socket.use((_packet, next) => {
      limiter.consume(socket.id).then(
        () => next(),
        () => next(new Error('rate_limited')),
      );
    });
    socket.on('error', (error: Error) => {
      if (error.message === 'rate_limited') {
        deps.logger.warn({ user: actor.username }, 'socket rate limit exceeded; disconnecting');
        socket.disconnect(true);
      }
    });

    socket.on(SOCKET_EVENTS.incidentJoin, async (payload: unknown, ack?: (r: { ok: boolean }) => void) => {
      const parsed = incidentRef.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false });
      try {
        // Access is re-checked on every join: a card seen a minute ago may be rerouted.
        await deps.incidents.get(actor, parsed.data.incidentId);
      } catch {
        return ack?.({ ok: false });
      }
      openIncidents.add(parsed.data.incidentId);
      await socket.join(rooms.incident(parsed.data.incidentId));
      ack?.({ ok: true });
      await announcePresence(parsed.data.incidentId);
    });

    socket.on(SOCKET_EVENTS.incidentLeave, async (payload: unknown) => {
      const parsed = incidentRef.safeParse(payload);
      if (!parsed.success || !openIncidents.has(parsed.data.incidentId)) return;
      openIncidents.delete(parsed.data.incidentId);
      await socket.leave(rooms.incident(parsed.data.incidentId));
      await announcePresence(parsed.data.incidentId);
    });

    socket.on(SOCKET_EVENTS.typing, (payload: unknown) => {
      const parsed = typingRef.safeParse(payload);
      if (!parsed.success || !openIncidents.has(parsed.data.incidentId)) return;
      const message: TypingMessage = {
        incidentId: parsed.data.incidentId,
        user: { id: actor.id, name: actor.displayName },
        typing: parsed.data.typing,
      };
      socket.to(rooms.incident(parsed.data.incidentId)).emit(SOCKET_EVENTS.typingUpdate, message);
    });

    socket.on('disconnect', () => {
      for (const incidentId of openIncidents) void announcePresence(incidentId);
    });
  });

  // Sessions end server-side (expiry, sign-out, password change, disabled account): drop their sockets.
  const recheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const data = socket.data as SocketData | undefined;
      if (!data?.token) continue;
      void deps.auth.authenticate(data.token).then((result) => {
        if (result) return;
        socket.emit(SOCKET_EVENTS.sessionEnded);
        socket.disconnect(true);
      });
    }
  }, deps.recheckMs);
  recheck.unref();

  const stopDispatcher = startDispatcher(io, deps.bus, deps.feed, deps.logger);

  return {
    io,
    close: async () => {
      clearInterval(recheck);
      stopDispatcher();
      await io.close();
    },
  };
}
