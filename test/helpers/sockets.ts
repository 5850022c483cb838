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

/**
 * Calls `listener` for every domain event the socket receives, whether it came alone
 * (`domain:event`) or in a frame of several (`domain:events`), in order; returns the off.
 */
export function onDomainEvent(socket: Socket, listener: (m: DomainEventMessage) => void): () => void {
  const many = (ms: DomainEventMessage[]) => ms.forEach(listener);
  socket.on(SOCKET_EVENTS.domainEvent, listener);
  socket.on(SOCKET_EVENTS.domainEvents, many);
  return () => {
    socket.off(SOCKET_EVENTS.domainEvent, listener);
    socket.off(SOCKET_EVENTS.domainEvents, many);
  };
}

/** Resolves with the first domain event that matches (alone or in a frame of several). */
export function waitForDomainEvent(socket: Socket, matches: (m: DomainEventMessage) => boolean = () => true): Promise<DomainEventMessage> {
  return new Promise((resolve) => {
    const off = onDomainEvent(socket, (m) => {
      if (!matches(m)) return;
      off();
      resolve(m);
    });
  });
}

/** Every domain event a socket receives from now on (kept across reconnects of the same socket). */
export function collectDomainEvents(socket: Socket): DomainEventMessage[] {
  const got: DomainEventMessage[] = [];
  onDomainEvent(socket, (m) => got.push(m));
  return got;
}

export const domainEventOf = (socket: Socket, incidentId: string, type = 'incident.created') =>
  waitForDomainEvent(socket, (m) => m.event.incidentId === incidentId && m.event.type === type);

/** Connects again after a disconnect, with the same socket (and so its recovery id, if any). */
export function reconnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
    socket.connect();
  });
}
