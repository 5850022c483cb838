/**
 * The event feed: which recorded events a user may see, and to which socket rooms each one
 * goes, with the incident presented for each audience. Used by `GET /api/events?after=`
 * (catching up after a disconnect) and by the dispatcher (live); both ask the shared access
 * rules (`@cert-hub/shared` access.ts), so they answer the same question the same way.
 */
import {
  audienceOf,
  canSeeIncidentEvent,
  eventScopeOf,
  ROOMS,
  roomsFor,
  type AccessSubject,
  type DomainEventMessage,
  type EventsPage,
  type IncidentCardView,
  type IncidentListView,
  type IncidentView,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { presentEvent } from '../audit/presenter.js';
import { presentIncidentCard } from '../incidents/cardPresenter.js';
import { presentIncident } from '../incidents/presenter.js';
import type { EventRecord, IncidentCardRecord, IncidentRecord, Store } from '../store/port.js';
import { resolveActors, type Actors } from '../audit/actors.js';

export const rooms = ROOMS;

/** The rooms a signed-in actor's sockets belong to (see `roomsFor`). */
export const roomsOf = (actor: Actor): string[] => roomsFor(actor);

/**
 * How far past `after` one catch-up request may reach. The store reads a narrow caller's own
 * rows of its feed index (work in proportion to the page, not to the log), so by default a
 * request reaches the head; a bound remains an option for callers that want short answers.
 */
export const MAX_SCAN_PER_REQUEST = Number.MAX_SAFE_INTEGER;

/**
 * Which rooms a live delivery can reach (the socket server knows): a delivery to a room
 * nobody listens in is skipped before its incident is presented or its message encoded.
 */
export interface RoomsListened {
  any(): boolean;
  has(room: string): boolean;
}

/** Every room may have listeners (no knowledge of the sockets: deliver everywhere). */
export const EVERY_ROOM: RoomsListened = { any: () => true, has: () => true };

/** The audiences of an event: each holds different roles, so no socket is in two of them (`roomsFor`). */
export type Audience = 'teams' | 'leaders' | 'agency';

/** One live delivery: rooms of one audience whose members all get the same view of the incident. */
export interface Delivery {
  audience: Audience;
  rooms: string[];
  message: DomainEventMessage;
}

export class EventFeed {
  constructor(
    private readonly store: Store,
    private readonly options: { maxScanPerRequest: number } = { maxScanPerRequest: MAX_SCAN_PER_REQUEST },
  ) {}

  /**
   * For the live dispatcher: the deliveries of one event, or none. Team rooms, the leaders'
   * room and the agency room hold disjoint roles, so each audience gets its own view (and
   * abilities) of the incident without anyone receiving the event twice. Events dispatched
   * together (`batch`: one commit's, or several commits' published in one turn) share one
   * load of each incident, of each author, and one presentation per audience.
   */
  async route(event: EventRecord, batch: RouteBatch = new RouteBatch(), listened: RoomsListened = EVERY_ROOM): Promise<Delivery[]> {
    if (event.entity !== 'incident' || !event.incidentId || !listened.any()) return [];
    const incident = await batch.incident(this.store, event.incidentId);
    if (!incident) return [];
    const audience = new Set(audienceOf(incident, event.type, event.data));
    const groups: { key: Audience; rooms: string[]; viewer: AccessSubject }[] = [
      {
        key: 'teams',
        rooms: incident.routing.teamIds.map(ROOMS.team),
        viewer: { id: '', role: 'responder', agencyId: null, teamIds: incident.routing.teamIds },
      },
      { key: 'leaders', rooms: [ROOMS.leaders], viewer: { id: '', role: 'leader', agencyId: null, teamIds: [] } },
      {
        key: 'agency',
        rooms: [ROOMS.agency(incident.agencyId)],
        viewer: { id: '', role: 'focal_point', agencyId: incident.agencyId, teamIds: [] },
      },
    ];
    const deliveries: Delivery[] = [];
    let actors: Actors | null = null;
    for (const group of groups) {
      // Nobody to deliver to in a room: its view is neither presented nor encoded.
      const allowed = group.rooms.filter((room) => audience.has(room) && listened.has(room));
      if (allowed.length === 0) continue;
      actors ??= await batch.actors(this.store, event.actorId);
      const view = batch.view(incident, group.key, () => presentIncident(incident, group.viewer));
      deliveries.push({ audience: group.key, rooms: allowed, message: { event: presentEvent(event, actors), incident: view } });
    }
    return deliveries;
  }

  /** Where the log is now: a client that loads a snapshot starts following from here. */
  head(): Promise<number> {
    return this.store.events.lastSeq();
  }

  /**
   * What `actor` missed after `afterSeq`, in order, limited to what they may see now. The
   * store filters by the caller's scope in its query (an index range over the caller's own
   * events) and looks at most `maxScanPerRequest` entries ahead; the client continues from
   * `lastSeq` until it stops moving. With `view: 'card'` each event carries the card of its
   * incident (the console's catch-up: a page of whole incidents is most of the answer's bytes
   * and of its time to present, send and parse), otherwise the whole incident.
   */
  after(actor: Actor, afterSeq: number, limit: number, view?: 'full'): Promise<EventsPage>;
  after(actor: Actor, afterSeq: number, limit: number, view: IncidentListView): Promise<EventsPage<IncidentCardView>>;
  async after(actor: Actor, afterSeq: number, limit: number, view: IncidentListView = 'full'): Promise<EventsPage<IncidentCardView>> {
    const head = await this.store.events.lastSeq();
    const scanUpTo = Math.min(head, afterSeq + this.options.maxScanPerRequest);
    const found = scanUpTo > afterSeq ? await this.store.events.listVisibleAfter(afterSeq, eventScopeOf(actor), { limit, scanUpTo }) : [];
    // The page's incidents are read in one query, not one per event; for cards, only their fields.
    const ids = found.map((e) => e.incidentId!);
    const read = view === 'card' ? await this.store.incidents.getManyCards(ids) : await this.store.incidents.getMany(ids);
    const incidents = new Map<string, IncidentCardRecord | IncidentRecord>(read.map((i) => [i.id, i]));
    // A page's authors are looked up once (a page is up to `limit` events by a few people).
    const actors = await resolveActors(
      this.store,
      found.map((e) => e.actorId),
    );
    // An incident's events on one page carry the same current incident: presented once for the page.
    const present = (i: IncidentCardRecord | IncidentRecord) =>
      view === 'card' ? presentIncidentCard(i, actor) : presentIncident(i as IncidentRecord, actor);
    const views = new Map<string, IncidentCardView>();
    const visible: DomainEventMessage<IncidentCardView>[] = [];
    for (const event of found) {
      const id = event.incidentId!;
      const incident = incidents.get(id);
      // The query already filtered; the rule is asked again so no store quirk widens access.
      if (!incident || !canSeeIncidentEvent(actor, incident, event.type, event.data)) continue;
      let shown = views.get(id);
      if (!shown) views.set(id, (shown = present(incident)));
      visible.push({ event: presentEvent(event, actors), incident: shown });
    }
    const cutShort = found.length >= limit;
    return { events: visible, lastSeq: cutShort ? found.at(-1)!.seq : Math.max(afterSeq, scanUpTo) };
  }
}

/**
 * What the dispatcher reads and presents once for a batch of events dispatched together:
 * every event in it was committed before the batch is routed, so the incident read for the
 * first is already the incident after the last, as a read per event would have found it.
 */
export class RouteBatch {
  private readonly incidents = new Map<string, Promise<IncidentRecord | null>>();
  private readonly authors = new Map<string | null, Promise<Actors>>();
  private readonly views = new Map<string, IncidentView>();

  incident(store: Store, id: string): Promise<IncidentRecord | null> {
    let found = this.incidents.get(id);
    if (!found) this.incidents.set(id, (found = store.incidents.get(id)));
    return found;
  }

  actors(store: Store, actorId: string | null): Promise<Actors> {
    let found = this.authors.get(actorId);
    if (!found) this.authors.set(actorId, (found = resolveActors(store, [actorId])));
    return found;
  }

  /** One presentation per incident and audience (`presentIncident` is a pure function of both). */
  view(incident: IncidentRecord, audience: string, present: () => IncidentView): IncidentView {
    const key = `${audience}:${incident.id}`;
    let view = this.views.get(key);
    if (!view) this.views.set(key, (view = present()));
    return view;
  }
}
