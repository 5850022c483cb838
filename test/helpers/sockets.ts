/**
 * Socket helpers for realtime tests: wait for events instead of sleeping, and prove that
 * something did NOT arrive with a barrier — a later event the same socket must receive,
 * delivered through the same ordered path, after which the absence is certain.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS, type DomainEventMessage } from '@cert-hub/shared';

export function openSocket(url: string, token: string, opened: Socket[]): Promise<Socket> {
  const socket = connect(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Resolves with the first `event` payload that matches. */
export function waitFor<T>(socket: Socket, event: string, matches: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Every domain event a socket receives from now on (kept across reconnects of the same socket). */
export function collectDomainEvents(socket: Socket): DomainEventMessage[] {
  const got: DomainEventMessage[] = [];
  socket.on(SOCKET_EVENTS.domainEvent, (m: DomainEventMessage) => got.push(m));
  return got;
}

export const domainEventOf = (socket: Socket, incidentId: string, type = 'incident.created') =>
  waitFor<DomainEventMessage>(socket, SOCKET_EVENTS.domainEvent, (m) => m.event.incidentId === incidentId && m.event.type === type);

/** Connects again after a disconnect, with the same socket (and so its recovery id, if any). */
export function reconnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
    socket.connect();
  });
}
