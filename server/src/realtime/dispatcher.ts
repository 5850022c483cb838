/**
 * The one dispatcher: every committed domain event goes to exactly the rooms allowed to see
 * it (its incident's teams, the leaders, and its agency when the agency may see that kind of
 * event). Incident rooms carry presence only, never domain events: an agency user may sit
 * in one, and internal notes must not reach them.
 */
import type { Server } from 'socket.io';
import { EVENTS, SOCKET_EVENTS } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { rooms, type EventFeed } from './feed.js';
import { pushNotification } from './notificationPush.js';

/** Users whose rooms no longer match what they may see (team, role or agency changed). */
function usersToRejoin(event: EventRecord): string[] {
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

export function startDispatcher(io: Server, bus: EventBus, feed: EventFeed, logger: Logger): () => void {
  // Events are routed one at a time, in the order they were committed.
  let chain: Promise<void> = Promise.resolve();
  return bus.subscribe((event) => {
    chain = chain
      .then(async () => {
        // Sockets of a user whose access changed reconnect, joining the rooms they may now see
        // (and catching up on what those rooms carried meanwhile).
        for (const userId of usersToRejoin(event)) io.in(rooms.user(userId)).disconnectSockets();
        pushNotification(io, event);
        const routed = await feed.route(event);
        if (routed) io.to(routed.rooms).emit(SOCKET_EVENTS.domainEvent, routed.message);
      })
      .catch((error: unknown) => logger.error({ err: error, seq: event.seq }, 'could not dispatch event'));
  });
}
