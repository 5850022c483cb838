/**
 * The event feed: which recorded events a user may see, and to which socket rooms each one
 * goes. Used by `GET /api/events?after=` (catching up after a disconnect) and by the
 * dispatcher (live), so both answer the same question the same way.
 */
import { isAgencyVisibleEvent, type DomainEventMessage, type EventsPage } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { presentEvent } from '../audit/presenter.js';
import { incidentPolicy } from '../incidents/policy.js';
import { presentIncident } from '../incidents/presenter.js';
import type { EventRecord, IncidentRecord, Store } from '../store/port.js';

export const rooms = {
  team: (id: string) => `team:${id}`,
  agency: (id: string) => `agency:${id}`,
  user: (id: string) => `user:${id}`,
  incident: (id: string) => `incident:${id}`,
  leaders: 'leaders',
};

/** The rooms a signed-in actor's sockets join: one per team, their agency, or the leaders' room. */
export function roomsOf(actor: Actor): string[] {
  const joined = [rooms.user(actor.id)];
  if (actor.role === 'responder' || actor.role === 'coordinator') joined.push(...actor.teamIds.map(rooms.team));
  if (actor.role === 'focal_point' && actor.agencyId) joined.push(rooms.agency(actor.agencyId));
  if (actor.role === 'leader' || actor.role === 'admin') joined.push(rooms.leaders);
  return joined;
}

export class EventFeed {
  constructor(private readonly store: Store) {}

  /** Where an event goes: the incident's teams, the leaders, and its agency if the agency may see it. */
  audienceOf(event: EventRecord, incident: IncidentRecord): string[] {
    const audience = [...incident.routing.teamIds.map(rooms.team), rooms.leaders];
    if (isAgencyVisibleEvent(event.type, event.data)) audience.push(rooms.agency(incident.agencyId));
    return audience;
  }

  async message(event: EventRecord, incident: IncidentRecord | null): Promise<DomainEventMessage> {
    const names = new Map<string, string>();
    if (event.actorId) {
      const user = await this.store.users.get(event.actorId);
      const key = user ? null : await this.store.apiKeys.get(event.actorId);
      names.set(event.actorId, user?.displayName ?? key?.name ?? '');
    }
    return { event: presentEvent(event, names), incident: incident ? presentIncident(incident) : null };
  }

  /** For the live dispatcher: the message and its rooms, or null for events no socket receives. */
  async route(event: EventRecord): Promise<{ rooms: string[]; message: DomainEventMessage } | null> {
    if (event.entity !== 'incident' || !event.incidentId) return null;
    const incident = await this.store.incidents.get(event.incidentId);
    if (!incident) return null;
    return { rooms: this.audienceOf(event, incident), message: await this.message(event, incident) };
  }

  /** Where the log is now: a client that loads a snapshot starts following from here. */
  head(): Promise<number> {
    return this.store.events.lastSeq();
  }

  /** What `actor` missed after `afterSeq`, in order, limited to what they may see now. */
  async after(actor: Actor, afterSeq: number, limit: number): Promise<EventsPage> {
    const lastSeq = await this.store.events.lastSeq();
    const visible: DomainEventMessage[] = [];
    const incidents = new Map<string, IncidentRecord | null>();
    let cursor = afterSeq;
    // Read in batches until `limit` visible events or the end: a user may see few of many.
    while (visible.length < limit) {
      const batch = await this.store.events.listAfter(cursor, 500);
      if (batch.length === 0) break;
      for (const event of batch) {
        cursor = event.seq;
        if (event.entity !== 'incident' || !event.incidentId) continue;
        if (!incidents.has(event.incidentId)) incidents.set(event.incidentId, await this.store.incidents.get(event.incidentId));
        const incident = incidents.get(event.incidentId);
        if (!incident || !incidentPolicy.read(actor, incident)) continue;
        if (!incidentPolicy.seesInternal(actor) && !isAgencyVisibleEvent(event.type, event.data)) continue;
        visible.push(await this.message(event, incident));
        if (visible.length >= limit) break;
      }
    }
    // When cut short, the client continues from the last event it received.
    return { events: visible, lastSeq: visible.length >= limit ? (visible.at(-1)?.event.seq ?? cursor) : Math.max(cursor, lastSeq) };
  }
}
