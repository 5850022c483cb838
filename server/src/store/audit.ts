/**
 * The append-only audit log (issue 8): one entry per recorded domain event, written in the
 * same transaction, each carrying the hash of the previous entry so that an edit anywhere
 * breaks the chain from that entry on.
 */
import type { PageQuery, PageResult } from './port.js';

export interface AuditRecord {
  /** 1, 2, 3, … without gaps: the chain order. */
  seq: number;
  eventSeq: number;
  at: string;
  type: string;
  entity: string;
  entityId: string;
  incidentId: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
  /** SHA-256 (hex) of the previous entry; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) over the canonical form of this entry including `prevHash`. */
  hash: string;
}

export interface AuditQuery extends PageQuery {
  type?: string;
  entity?: string;
  entityId?: string;
  incidentId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditRepository {
  /** The newest entry, or null on an empty log. */
  last(): Promise<AuditRecord | null>;
  insert(entry: AuditRecord): Promise<void>;
  /** Entries with `seq > afterSeq` in chain order (for verification). */
  listAfter(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** Search, newest first. */
  list(query: AuditQuery): Promise<PageResult<AuditRecord>>;
}
