/**
 * The frames a batch of deliveries goes out in. Events dispatched together (one commit's, or a
 * group commit's) often reach the same sockets: a report's `incident.created` and
 * `incident.routed` go to the same team rooms, the leaders and the agency. Sent as one frame
 * per audience and room set, each socket gets one write instead of one per event — at 1,000
 * boards that is most of the fan-out's cost.
 *
 * Order is kept for every socket: a message joins a frame only if that frame is the last one
 * of its audience, and no socket is in two audiences (team rooms hold responders and
 * coordinators, the leaders' room leaders and admins, agency rooms focal points: `roomsFor`).
 */
import type { DomainEventMessage } from '@cert-hub/shared';
import type { Audience, Delivery } from './feed.js';

/** A bound on one frame, so a large group commit does not become one huge write. */
export const MAX_MESSAGES_PER_FRAME = 50;

export interface Frame {
  rooms: string[];
  messages: DomainEventMessage[];
}

export function framesOf(deliveries: readonly Delivery[]): Frame[] {
  const frames: Frame[] = [];
  const lastOfAudience = new Map<Audience, { frame: Frame; roomSet: string }>();
  for (const delivery of deliveries) {
    const roomSet = [...delivery.rooms].sort().join('\n');
    const last = lastOfAudience.get(delivery.audience);
    if (last && last.roomSet === roomSet && last.frame.messages.length < MAX_MESSAGES_PER_FRAME) {
      last.frame.messages.push(delivery.message);
      continue;
    }
    const frame: Frame = { rooms: delivery.rooms, messages: [delivery.message] };
    frames.push(frame);
    lastOfAudience.set(delivery.audience, { frame, roomSet });
  }
  return frames;
}
