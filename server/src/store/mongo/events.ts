/** MongoDB repository of the event log: `seq` (the `_id`) comes from the `events` counter in the same transaction. */
import type { ClientSession } from 'mongoose';
import type { EventRepository, NewEvent } from '../port.js';
import type { StoredDoc } from './collection.js';
import { listVisibleEventsAfter } from './eventFeed.js';
import { feedScopesOf, toEvent } from './eventScopes.js';
import type { Models } from './models.js';

export function mongoEvents(models: Models, session: ClientSession | undefined): EventRepository {
  return {
    async append(e: NewEvent) {
      const counter = await models.Counter.findOneAndUpdate(
        { _id: 'events' },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after', session },
      ).lean<{ seq: number }>();
      const seq = counter.seq;
      const incident =
        e.entity === 'incident' && e.incidentId
          ? await models.Incident.findById(e.incidentId, { agencyId: 1, 'routing.teamIds': 1 })
              .session(session ?? null)
              .lean<{ agencyId: string; routing: { teamIds: string[] } }>()
          : null;
      await models.Event.create([{ _id: seq, ...e, feedScopes: feedScopesOf(incident, e.type, e.data) }], { session });
      return { ...e, seq };
    },
    async listAfter(afterSeq, limit) {
      const docs = await models.Event.find({ _id: { $gt: afterSeq } })
        .sort({ _id: 1 })
        .limit(limit)
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map(toEvent);
    },
    async listVisibleAfter(afterSeq, scope, options) {
      return listVisibleEventsAfter(models, session, afterSeq, scope, options);
    },
    async listForEntity(entity, entityId, limit) {
      const docs = await models.Event.find({ entity, entityId })
        .sort({ _id: 1 })
        .limit(limit)
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map(toEvent);
    },
    async lastSeq() {
      const counter = await models.Counter.findById('events')
        .session(session ?? null)
        .lean<{ seq: number }>();
      return counter?.seq ?? 0;
    },
  };
}
