/**
 * A new notification goes live to its recipient's own room only (`user:<id>`), never to a
 * team or agency room: notifications are personal.
 */
import type { Server } from 'socket.io';
import { EVENTS, NOTIFICATION_SOCKET_EVENT } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import { EVERY_ROOM, rooms, type RoomsListened } from './feed.js';

export function pushNotification(io: Server, event: EventRecord, listened: RoomsListened = EVERY_ROOM): void {
  if (event.type !== EVENTS.notificationCreated) return;
  const { userId, notification } = event.data as { userId?: string; notification?: unknown };
  if (userId && notification && listened.has(rooms.user(userId))) io.to(rooms.user(userId)).emit(NOTIFICATION_SOCKET_EVENT, notification);
}
