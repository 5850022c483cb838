import type { AuditEntryView, DomainEventView } from '@cert-hub/shared';
import type { AuditRecord, EventRecord } from '../store/port.js';
import type { Author } from './authors.js';

const actorView = (id: string, author: string | Author | undefined): NonNullable<DomainEventView['actor']> =>
  author === undefined
    ? { id, username: '(deleted user)' }
    : typeof author === 'string'
      ? { id, username: author }
      : { id, username: author.name, role: author.role, organisation: author.organisation };

/** Events as they leave the server, with the acting user's name (or name, role and organisation) resolved by the caller. */
export const presentEvent = (e: EventRecord, authors: ReadonlyMap<string, string | Author>): DomainEventView => ({
  seq: e.seq,
  type: e.type,
  entity: e.entity,
  entityId: e.entityId,
  incidentId: e.incidentId,
  version: e.version,
  at: e.at,
  actor: e.actorId ? actorView(e.actorId, authors.get(e.actorId)) : null,
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
