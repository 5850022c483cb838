/**
 * The one dispatcher: every committed domain event goes to exactly the rooms allowed to see
 * it (shared `audienceOf`: its incident's teams, the leaders, and its agency when the agency
 * may see that kind of event), each audience with its own view of the incident. Incident
 * rooms carry presence only, never domain events: an agency user may sit in one, and
 * internal notes must not reach them.
 */
import type { Server } from 'socket.io';
import { EVENTS, ROOMS, SOCKET_EVENTS, type ClientToServerEvents, type ServerToClientEvents } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { EVERY_ROOM, RouteBatch, type Delivery, type EventFeed, type RoomsListened } from './feed.js';
import { framesOf } from './frames.js';
import { pushNotification } from './notificationPush.js';

/** Users whose access may have changed (team, role, agency, account state). */
function usersToRecheck(event: EventRecord): string[] {
  if (event.type === EVENTS.teamMembersChanged) {
    const data = event.data as { added?: string[]; removed?: string[] };
    return [...(data.added ?? []), ...(data.removed ?? [])];
  }
  if (event.type === EVENTS.userUpdated) {
    const changes = (event.data as { changes?: Record<string, unknown> }).changes ?? {};
    if (['teamIds', 'role', 'agencyId', 'disabled'].some((k) => k in changes)) return [event.entityId];
  }
  return [];
}

export function startDispatcher(
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, unknown>,
  bus: EventBus,
  feed: EventFeed,
  logger: Logger,
  recheckUser: (userId: string) => Promise<void>,
  listened: RoomsListened = EVERY_ROOM,
): () => void {
  // Events are routed one at a time, in the order they were committed. Those published in one
  // turn (a commit's events, or a group commit's) are routed as one batch: each incident is
  // read and presented once for all of them.
  let chain: Promise<void> = Promise.resolve();
  let waiting: EventRecord[] = [];
  // A batch's deliveries go out together, one frame per audience and room set (`framesOf`);
  // they are sent before anything that must not overtake them (a re-check, a notification).
  let pending: Delivery[] = [];
  const send = () => {
    const frames = framesOf(pending);
    pending = [];
    for (const frame of frames) {
      try {
        if (frame.messages.length === 1) io.to(frame.rooms).emit(SOCKET_EVENTS.domainEvent, frame.messages[0]!);
        else io.to(frame.rooms).emit(SOCKET_EVENTS.domainEvents, frame.messages);
      } catch (error: unknown) {
        logger.error({ err: error, seqs: frame.messages.map((m) => m.event.seq) }, 'could not send events');
      }
    }
  };
  const dispatch = async (event: EventRecord, batch: RouteBatch): Promise<RouteBatch> => {
    // Rooms follow access before anything later is routed: a user taken off a team hears
    // nothing more of it, one added hears what comes next.
    const recheck = usersToRecheck(event);
    if (recheck.length > 0) send();
    for (const userId of recheck) {
      await recheckUser(userId);
      // Then their sockets reconnect, so the console reloads what the new access shows.
      io.in(ROOMS.user(userId)).disconnectSockets();
    }
    if (event.type === EVENTS.notificationCreated) send();
    pushNotification(io, event, listened);
    pending.push(...(await feed.route(event, batch, listened)));
    // The re-check let the event loop run (other commits may have landed): read afresh after it.
    return recheck.length > 0 ? new RouteBatch() : batch;
  };
  return bus.subscribe((event) => {
    waiting.push(event);
    if (waiting.length > 1) return; // this turn's batch is already queued
    chain = chain.then(async () => {
      const events = waiting;
      waiting = [];
      let batch = new RouteBatch();
      for (const event of events) {
        try {
          batch = await dispatch(event, batch);
        } catch (error: unknown) {
          logger.error({ err: error, seq: event.seq }, 'could not dispatch event');
        }
      }
      send();
    });
  });
}
