/**
 * A new notification goes live to its recipient's own room only (`user:<id>`), never to a
 * team or agency room: notifications are personal.
 */
import type { Server } from 'socket.io';
import { EVENTS, NOTIFICATION_SOCKET_EVENT } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import { rooms } from './feed.js';

export function pushNotification(io: Server, event: EventRecord): void {
  if (event.type !== EVENTS.notificationCreated) return;
  const { userId, notification } = event.data as { userId?: string; notification?: unknown };
  if (userId && notification) io.to(rooms.user(userId)).emit(NOTIFICATION_SOCKET_EVENT, notification);
}
