import type { DomainEventView } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';

/** Events as they leave the server, with the acting user's username resolved by the caller. */
export const presentEvent = (e: EventRecord, usernames: ReadonlyMap<string, string>): DomainEventView => ({
  seq: e.seq,
  type: e.type,
  entity: e.entity,
  entityId: e.entityId,
  incidentId: e.incidentId,
  version: e.version,
  at: e.at,
  actor: e.actorId ? { id: e.actorId, username: usernames.get(e.actorId) ?? '(deleted user)' } : null,
  data: e.data,
});
