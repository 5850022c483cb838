/**
 * The catch-up feed's query on MongoDB: the incident events in a bounded seq window that a
 * scope may see, filtered in the database by the incident's current teams or agency (a
 * lookup on the incident) and, for the agency side, by the agency-visible kinds.
 */
import type { ClientSession } from 'mongoose';
import { AGENCY_VISIBLE_COMMENT_EVENT, AGENCY_VISIBLE_EVENT_TYPES, type EventScope } from '@cert-hub/shared';
import type { EventRecord } from '../port.js';
import type { Models } from './models.js';

export async function listVisibleEventsAfter(
  models: Models,
  session: ClientSession | undefined,
  afterSeq: number,
  scope: EventScope,
  options: { limit: number; scanUpTo: number },
): Promise<EventRecord[]> {
  if (scope.kind === 'none' || (scope.kind === 'teams' && scope.teamIds.length === 0)) return [];
  const match: Record<string, unknown> = { _id: { $gt: afterSeq, $lte: options.scanUpTo }, entity: 'incident', incidentId: { $ne: null } };
  if (scope.kind === 'agency')
    match.$or = [
      { type: { $in: [...AGENCY_VISIBLE_EVENT_TYPES] } },
      { type: AGENCY_VISIBLE_COMMENT_EVENT.type, 'data.visibility': AGENCY_VISIBLE_COMMENT_EVENT.visibility },
    ];
  const incidentFilter =
    scope.kind === 'teams'
      ? { 'incident.routing.teamIds': { $in: scope.teamIds } }
      : scope.kind === 'agency'
        ? { 'incident.agencyId': scope.agencyId }
        : null;
  const pipeline: Record<string, unknown>[] = [{ $match: match }, { $sort: { _id: 1 } }];
  if (incidentFilter)
    pipeline.push(
      {
        $lookup: {
          from: models.Incident.collection.name,
          localField: 'incidentId',
          foreignField: '_id',
          as: 'incident',
          pipeline: [{ $project: { agencyId: 1, 'routing.teamIds': 1 } }],
        },
      },
      { $match: incidentFilter },
      { $project: { incident: 0 } },
    );
  pipeline.push({ $limit: options.limit });
  const docs = await models.Event.aggregate<Record<string, unknown>>(pipeline as never).session(session ?? null);
  return docs.map((d) => {
    const { _id, ...rest } = d;
    return { seq: Number(_id), ...rest } as EventRecord;
  });
}

/** Converts incident.created events recorded with a full incident snapshot to what changed (idempotent). */
export async function convertSnapshotEvents(models: Models): Promise<void> {
  await models.Event.updateMany({ type: 'incident.created', 'data.incident': { $type: 'object' } }, [
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
  ]);
  await models.Event.collection.createIndex({ incidentId: 1, _id: 1 });
}
