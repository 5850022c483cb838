/**
 * Socket event names shared by the hub and the console (one place, `as const`), and the
 * payloads they carry.
 */
import type { IncidentCardView } from './incidentCard.js';
import type { DomainEventView, IncidentView } from './views.js';
import type { NotificationView } from './notify.js';

export const SOCKET_EVENTS = {
  /** Server → client: a recorded domain event the user may see, with the incident after it. */
  domainEvent: 'domain:event',
  /**
   * Server → client: several domain events dispatched together (one commit's, or a group
   * commit's) for the same rooms, in order, in one frame. A client handles each as it would
   * a `domain:event`.
   */
  domainEvents: 'domain:events',
  /** Client → server: I opened this incident (presence); the server re-checks access. */
  incidentJoin: 'incident:join',
  incidentLeave: 'incident:leave',
  /** Server → clients in an incident room: who has it open. */
  presence: 'presence:update',
  /** Client → server: I am typing (or stopped) in this incident. */
  typing: 'typing',
  /** Server → clients in an incident room: who is typing. */
  typingUpdate: 'typing:update',
  /** Server → client: your session ended (expired, signed out, password changed); sign in again. */
  sessionEnded: 'session:ended',
} as const;

/**
 * An event with the incident as it is after it. Live events carry the whole incident; a
 * catch-up page asked for with `view=card` carries cards (`DomainEventMessage<IncidentCardView>`).
 */
export interface DomainEventMessage<Incident extends IncidentCardView = IncidentView> {
  event: DomainEventView;
  /** The incident as it is after this event, for those who may see it. */
  incident: Incident | null;
}

export interface PresenceMessage {
  incidentId: string;
  users: { id: string; name: string }[];
}

export interface TypingMessage {
  incidentId: string;
  user: { id: string; name: string };
  typing: boolean;
  /** What is being written: typing an internal note reaches only those who see internal data. */
  visibility: 'agency' | 'internal';
}

/** Client → server typing signal; `visibility` defaults to internal (the cautious choice). */
export interface TypingSignal {
  incidentId: string;
  typing: boolean;
  visibility?: 'agency' | 'internal';
}

export type JoinAck = (result: { ok: boolean }) => void;

/** Every event the hub sends to a console socket, with its payload (used by `new Server<…>()` and the client). */
export interface ServerToClientEvents {
  'domain:event': (message: DomainEventMessage) => void;
  'domain:events': (messages: DomainEventMessage[]) => void;
  'presence:update': (message: PresenceMessage) => void;
  'typing:update': (message: TypingMessage) => void;
  'session:ended': () => void;
  /** A notification for this user only (their `user:<id>` room). */
  'notification:new': (notification: NotificationView) => void;
}

/** Every event a console socket may send. Payloads are still validated on the server: a socket may send anything. */
export interface ClientToServerEvents {
  'incident:join': (ref: { incidentId: string }, ack?: JoinAck) => void;
  'incident:leave': (ref: { incidentId: string }) => void;
  typing: (signal: TypingSignal) => void;
}

export interface EventsPage<Incident extends IncidentCardView = IncidentView> {
  events: DomainEventMessage<Incident>[];
  lastSeq: number;
}
