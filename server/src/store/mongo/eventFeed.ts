/**
 * The catch-up feed on MongoDB: its query over the `feedScopes` index (eventScopes.ts), and the
 * conversions an existing store gets when the hub connects.
 */
import type { ClientSession } from 'mongoose';
import { ROOMS, type EventScope } from '@cert-hub/shared';
import type { EventRecord } from '../port.js';
import type { StoredDoc } from './collection.js';
import { buildFeedScopes, toEvent } from './eventScopes.js';
import type { Models } from './models.js';

/**
 * The catch-up feed's query on MongoDB: the incident events after `afterSeq` (up to
 * `scanUpTo`) that a scope may see. A narrow scope reads its events by their `feedScopes`
 * index (eventScopes.ts) in seq order, whatever the size of the log.
 */
export async function listVisibleEventsAfter(
  models: Models,
  session: ClientSession | undefined,
  afterSeq: number,
  scope: EventScope,
  options: { limit: number; scanUpTo: number },
): Promise<EventRecord[]> {
  if (scope.kind === 'none' || (scope.kind === 'teams' && scope.teamIds.length === 0)) return [];
  const seqs = { $gt: afterSeq, $lte: options.scanUpTo };
  const filter =
    scope.kind === 'all'
      ? { _id: seqs, entity: 'incident', incidentId: { $ne: null } }
      : {
          _id: seqs,
          feedScopes: { $in: scope.kind === 'teams' ? [...new Set(scope.teamIds)].map(ROOMS.team) : [ROOMS.agency(scope.agencyId)] },
        };
  const docs = await models.Event.find(filter)
    .sort({ _id: 1 })
    .limit(options.limit)
    .session(session ?? null)
    .lean<StoredDoc[]>();
  return docs.map(toEvent);
}

/** Converts incident.created events recorded with a full incident snapshot to what changed (idempotent). */
export async function convertSnapshotEvents(models: Models): Promise<void> {
  await models.Event.updateMany(
    { type: 'incident.created', 'data.incident': { $type: 'object' } },
    [
      {
        $set: {
          data: {
            code: '$data.incident.code',
            title: '$data.incident.title',
            category: '$data.incident.category',
            agencyId: '$data.incident.agencyId',
            reportedVia: '$data.incident.reportedVia',
            serious: '$data.incident.serious',
            lateReport: '$data.incident.lateReport',
          },
        },
      },
    ],
    // mongoose 9 refuses an update pipeline unless asked for one
    { updatePipeline: true },
  );
  await models.Event.collection.createIndex({ incidentId: 1, _id: 1 });
  await buildFeedScopes(models);
}
