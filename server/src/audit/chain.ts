/**
 * The audit hash chain: each entry's hash is SHA-256 over a canonical form of the entry
 * (keys sorted, no whitespace) including the previous entry's hash, so editing, inserting or
 * deleting any entry breaks every hash from there on.
 */
import crypto from 'node:crypto';
import type { AuditRecord, EventRecord, Repositories } from '../store/port.js';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Built in one string, without intermediate arrays: every event is hashed (issue #11).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The default sort orders by UTF-16 code units, as `<` does.
    const keys = Object.keys(record).sort();
    let out = '{';
    for (const key of keys) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashOf(entry: Omit<AuditRecord, 'hash'>): string {
  const { seq, eventSeq, at, type, entity, entityId, incidentId, actorId, data, prevHash } = entry;
  const canonical = canonicalJson({ seq, eventSeq, at, type, entity, entityId, incidentId, actorId, data, prevHash });
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends the entry for `event` inside the caller's transaction (see unitOfWork.commit). */
export async function appendAudit(tx: Repositories, event: EventRecord): Promise<AuditRecord> {
  const last = await tx.audit.last();
  const entry: Omit<AuditRecord, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    eventSeq: event.seq,
    at: event.at,
    type: event.type,
    entity: event.entity,
    entityId: event.entityId,
    incidentId: event.incidentId,
    actorId: event.actorId,
    data: event.data,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const full = { ...entry, hash: hashOf(entry) };
  await tx.audit.insert(full);
  return full;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
}

/** Recomputes the chain from the first entry; names the first entry whose link or hash fails. */
export async function verifyChain(repo: Repositories['audit'], batch = 1000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const entries = await repo.listAfter(expectedSeq - 1, batch);
    if (entries.length === 0) return { ok: true, checked };
    for (const e of entries) {
      checked += 1;
      // A gap (deleted entry), a wrong link or a wrong hash all break the chain here.
      if (e.seq !== expectedSeq || e.prevHash !== prevHash || hashOf(e) !== e.hash)
        return { ok: false, checked, firstBrokenSeq: expectedSeq };
      prevHash = e.hash;
      expectedSeq += 1;
    }
  }
}
