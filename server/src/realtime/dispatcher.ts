/**
 * The one dispatcher: every committed domain event goes to exactly the rooms allowed to see
 * it (its incident's teams, the leaders, and its agency when the agency may see that kind of
 * event). Incident rooms carry presence only, never domain events: an agency user may sit
 * in one, and internal notes must not reach them.
 */
import type { Server } from 'socket.io';
import { SOCKET_EVENTS } from '@cert-hub/shared';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import type { EventFeed } from './feed.js';

export function startDispatcher(io: Server, bus: EventBus, feed: EventFeed, logger: Logger): () => void {
  // Events are routed one at a time, in the order they were committed.
  let chain: Promise<void> = Promise.resolve();
  return bus.subscribe((event) => {
    chain = chain
      .then(async () => {
        const routed = await feed.route(event);
        if (routed) io.to(routed.rooms).emit(SOCKET_EVENTS.domainEvent, routed.message);
      })
      .catch((error: unknown) => logger.error({ err: error, seq: event.seq }, 'could not dispatch event'));
  });
}
