import type { AuditEntryView, DomainEventView } from '@cert-hub/shared';
import type { AuditRecord, EventRecord } from '../store/port.js';
import { actorView, type Actors } from './actors.js';

/** Events as they leave the server, with who acted resolved by `resolveActors`. */
export const presentEvent = (e: EventRecord, actors: Actors): DomainEventView => ({
  seq: e.seq,
  type: e.type,
  entity: e.entity,
  entityId: e.entityId,
  incidentId: e.incidentId,
  version: e.version,
  at: e.at,
  actor: e.actorId ? actorView(actors, e.actorId) : null,
  data: e.data,
});

export const presentAuditEntry = (e: AuditRecord, actors: Actors): AuditEntryView => ({
  seq: e.seq,
  eventSeq: e.eventSeq,
  at: e.at,
  type: e.type,
  entity: e.entity,
  entityId: e.entityId,
  incidentId: e.incidentId,
  actor: e.actorId ? actorView(actors, e.actorId) : null,
  data: e.data,
  prevHash: e.prevHash,
  hash: e.hash,
});
