import type { AuditEntryView, DomainEventView } from '@cert-hub/shared';
import type { AuditRecord, EventRecord } from '../store/port.js';

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

export const presentAuditEntry = (e: AuditRecord, names: ReadonlyMap<string, string>): AuditEntryView => ({
  seq: e.seq,
  eventSeq: e.eventSeq,
  at: e.at,
  type: e.type,
  entity: e.entity,
  entityId: e.entityId,
  incidentId: e.incidentId,
  actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '' } : null,
  data: e.data,
  prevHash: e.prevHash,
  hash: e.hash,
});
