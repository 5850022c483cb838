/**
 * The catch-up feed's index on MongoDB (the same design as sqlite/eventScopes.ts): each
 * incident event carries `feedScopes`, the scopes that may see it now — `team:<id>` for each
 * of its incident's current teams, `agency:<id>` for the agency-visible kinds — indexed with
 * the seq, so a narrow user's catch-up reads its own events in order instead of the log.
 * A change of an incident's teams or agency rewrites its events' scopes.
 */
import type { ClientSession } from 'mongoose';
import { AGENCY_VISIBLE_COMMENT_EVENT, AGENCY_VISIBLE_EVENT_TYPES, isAgencyVisibleEvent, ROOMS } from '@cert-hub/shared';
import type { EventRecord } from '../port.js';
import type { StoredDoc } from './collection.js';
import type { Models } from './models.js';

/** A stored event as the port's record (the seq back from `_id`, the index field dropped). */
export const toEvent = (d: StoredDoc): EventRecord => {
  const { _id, feedScopes: _scopes, ...rest } = d;
  return { seq: Number(_id), ...rest } as EventRecord;
};

interface Scoped {
  agencyId: string;
  routing: { teamIds: string[] };
}

/** The scopes that may see an event of `incident` (none while the incident is not stored yet). */
export function feedScopesOf(incident: Scoped | null, type: string, data: Record<string, unknown>): string[] {
  if (!incident) return [];
  const scopes = [...new Set(incident.routing.teamIds)].map(ROOMS.team);
  if (isAgencyVisibleEvent(type, data)) scopes.push(ROOMS.agency(incident.agencyId));
  return scopes;
}

/** `isAgencyVisibleEvent` as an aggregation expression over an event document. */
const agencyVisibleExpr = {
  $or: [
    { $in: ['$type', [...AGENCY_VISIBLE_EVENT_TYPES]] },
    {
      $and: [{ $eq: ['$type', AGENCY_VISIBLE_COMMENT_EVENT.type] }, { $eq: ['$data.visibility', AGENCY_VISIBLE_COMMENT_EVENT.visibility] }],
    },
  ],
};

/** `feedScopesOf` as an update stage for the events of one incident whose teams and agency are known. */
const scopesStage = (incident: Scoped) => ({
  $set: {
    feedScopes: {
      $concatArrays: [
        [...new Set(incident.routing.teamIds)].map(ROOMS.team),
        { $cond: [agencyVisibleExpr, [ROOMS.agency(incident.agencyId)], []] },
      ],
    },
  },
});

/** Rewrites the scopes of an incident's events (after its insert, or a change of its teams or agency). */
export async function rescopeIncidentEvents(models: Models, session: ClientSession | undefined, incidentId: string, incident: Scoped) {
  await models.Event.updateMany({ incidentId, entity: 'incident' }, [scopesStage(incident)], { session, updatePipeline: true });
}

/** After every incident of one agency moved to another (agency merge). */
export async function moveAgencyEventScopes(models: Models, session: ClientSession | undefined, fromAgencyId: string, toAgencyId: string) {
  await models.Event.updateMany(
    { feedScopes: ROOMS.agency(fromAgencyId) },
    { $set: { 'feedScopes.$': ROOMS.agency(toAgencyId) } },
    { session },
  );
}

/** For a store written before the index: gives every incident event without scopes its scopes (idempotent). */
export async function buildFeedScopes(models: Models): Promise<void> {
  await models.Event.aggregate([
    { $match: { entity: 'incident', incidentId: { $ne: null }, feedScopes: { $exists: false } } },
    {
      $lookup: {
        from: models.Incident.collection.name,
        localField: 'incidentId',
        foreignField: '_id',
        as: 'incident',
        pipeline: [{ $project: { agencyId: 1, 'routing.teamIds': 1 } }],
      },
    },
    { $unwind: '$incident' },
    {
      $project: {
        feedScopes: {
          $concatArrays: [
            { $map: { input: { $setUnion: ['$incident.routing.teamIds', []] }, in: { $concat: [ROOMS.team(''), '$$this'] } } },
            { $cond: [agencyVisibleExpr, [{ $concat: [ROOMS.agency(''), '$incident.agencyId'] }], []] },
          ],
        },
      },
    },
    { $merge: { into: models.Event.collection.name, on: '_id', whenMatched: 'merge', whenNotMatched: 'discard' } },
  ]);
}
