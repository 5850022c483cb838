/**
 * SQLite adapter of the audit log. An entry does not copy its event (issue #11: the copies
 * were a quarter of an incident's bytes): a row keeps its place in the chain (`seq`), its
 * event's `seq` and its hash (32 bytes); what it says — time, type, entity, actor, data — is
 * read from the event, and its previous hash from the row before it. Verifying the chain
 * recomputes every hash over what the event says now, so an edited or deleted event breaks
 * the chain at its entry, as an edited, inserted or deleted entry does.
 *
 * Whatever an entry says that its event and its predecessor do not (an entry written before
 * this layout whose event was since rewritten, an event missing, a hash that is not SHA-256
 * hex) is kept in the row's `entry` JSON, so every entry reads back exactly as written.
 */
import type { Database as Db } from 'better-sqlite3';
import { pageStart, toPage } from '../cursor.js';
import type { AuditQuery, AuditRecord, AuditRepository } from '../audit.js';
import { decodeEventData, encodeEventData } from './eventData.js';

/** The first entry's previous hash (audit/chain.ts GENESIS_HASH; the store does not import the domain). */
const GENESIS_HASH = '0'.repeat(64);
const SHA256_HEX = /^[0-9a-f]{64}$/;

type AuditRow = {
  seq: number;
  event_seq: number;
  hash: Buffer;
  entry: string | null;
  at: string | null;
  type: string | null;
  entity: string | null;
  entity_id: string | null;
  incident_id: string | null;
  actor_id: string | null;
  data: string | null;
  prev_hash: Buffer | null;
  prev_entry: string | null;
};

/** What an entry says beyond its event and its predecessor (the row's `entry` column). */
type EntryCopy = Partial<Omit<AuditRecord, 'seq' | 'eventSeq'>>;

const SELECT = `SELECT a.seq, a.event_seq, a.hash, a.entry,
    e.at, e.type, e.entity, e.entity_id, e.incident_id, e.actor_id, e.data,
    p.hash AS prev_hash, p.entry AS prev_entry
  FROM audit_log a
  LEFT JOIN events e ON e.seq = a.event_seq
  LEFT JOIN audit_log p ON p.seq = a.seq - 1`;

const hashOfRow = (hash: Buffer | null, entry: string | null): string | null => {
  if (entry) {
    const copy = JSON.parse(entry) as EntryCopy;
    if (copy.hash !== undefined) return copy.hash;
  }
  return hash ? hash.toString('hex') : null;
};

/** The previous entry's hash as the chain stores it ('' when that entry is missing). */
const derivedPrevHash = (seq: number, prevHash: Buffer | null, prevEntry: string | null) =>
  seq === 1 ? GENESIS_HASH : (hashOfRow(prevHash, prevEntry) ?? '');

const toAudit = (r: AuditRow): AuditRecord => {
  const copy: EntryCopy = r.entry ? (JSON.parse(r.entry) as EntryCopy) : {};
  return {
    seq: r.seq,
    eventSeq: r.event_seq,
    at: copy.at ?? r.at ?? '',
    type: copy.type ?? r.type ?? '',
    entity: copy.entity ?? r.entity ?? '',
    entityId: copy.entityId ?? r.entity_id ?? '',
    incidentId: copy.incidentId !== undefined ? copy.incidentId : r.incident_id,
    actorId: copy.actorId !== undefined ? copy.actorId : r.actor_id,
    data: copy.data ?? (r.data === null || r.type === null ? {} : decodeEventData(r.type, r.data)),
    prevHash: copy.prevHash ?? derivedPrevHash(r.seq, r.prev_hash, r.prev_entry),
    hash: copy.hash ?? r.hash.toString('hex'),
  };
};

/** A column of what an entry says: its own copy when it has one, else its event's. */
const said = (column: string, key: keyof EntryCopy) =>
  `(CASE WHEN json_type(a.entry, '$.${key}') IS NOT NULL THEN json_extract(a.entry, '$.${key}') ELSE e.${column} END)`;

export class SqliteAudit implements AuditRepository {
  /**
   * The last entry this connection wrote or read (issue #11: reading it back with its event
   * for every appended entry was ~3% of the CPU per report). It is the last entry only while
   * the log's highest `seq` is still its own: an entry rolled back with its transaction leaves
   * a lower one (and a later entry a higher one), so the cheap check below catches both.
   */
  private remembered: AuditRecord | null = null;

  constructor(private readonly db: Db) {}
  async last() {
    const top = this.db.prepare('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number } | undefined;
    if (!top) return (this.remembered = null);
    if (this.remembered?.seq === top.seq) return { ...this.remembered };
    const r = this.db.prepare(`${SELECT} WHERE a.seq = ?`).get(top.seq) as AuditRow | undefined;
    this.remembered = r ? toAudit(r) : null;
    return this.remembered && { ...this.remembered };
  }
  async insert(e: AuditRecord) {
    const event = this.db
      .prepare('SELECT at, type, entity, entity_id, incident_id, actor_id, data FROM events WHERE seq = ?')
      .get(e.eventSeq) as Pick<AuditRow, 'at' | 'type' | 'entity' | 'entity_id' | 'incident_id' | 'actor_id' | 'data'> | undefined;
    const prev =
      e.seq === 1
        ? null
        : (this.db.prepare('SELECT hash, entry FROM audit_log WHERE seq = ?').get(e.seq - 1) as
            { hash: Buffer; entry: string | null } | undefined);
    const copy: EntryCopy = {};
    if (event?.at !== e.at) copy.at = e.at;
    if (event?.type !== e.type) copy.type = e.type;
    if (event?.entity !== e.entity) copy.entity = e.entity;
    if (event?.entity_id !== e.entityId) copy.entityId = e.entityId;
    if (!event || event.incident_id !== e.incidentId) copy.incidentId = e.incidentId;
    if (!event || event.actor_id !== e.actorId) copy.actorId = e.actorId;
    if (!event || event.data !== encodeEventData(event.type ?? '', e.data)) copy.data = e.data;
    if (derivedPrevHash(e.seq, prev?.hash ?? null, prev?.entry ?? null) !== e.prevHash) copy.prevHash = e.prevHash;
    const hashHex = SHA256_HEX.test(e.hash);
    if (!hashHex) copy.hash = e.hash;
    this.db
      .prepare('INSERT INTO audit_log (seq, event_seq, hash, entry) VALUES (?,?,?,?)')
      .run(
        e.seq,
        e.eventSeq,
        hashHex ? Buffer.from(e.hash, 'hex') : Buffer.alloc(0),
        Object.keys(copy).length ? JSON.stringify(copy) : null,
      );
    // It reads back exactly as written (see the header), so it is remembered as given.
    this.remembered = { ...e };
  }
  async listAfter(afterSeq: number, limit: number) {
    return (this.db.prepare(`${SELECT} WHERE a.seq > ? ORDER BY a.seq LIMIT ?`).all(afterSeq, limit) as AuditRow[]).map(toAudit);
  }
  /**
   * Newest first. Entries that copy nothing are found through the events' indexes (an entry
   * and its event are appended together, so entry order is event order); the few entries
   * with a copy through their own partial index; the two are merged.
   */
  async list(query: AuditQuery) {
    const start = pageStart(query, (p) => /^\d+$/.test(p.id));
    const filters: [column: string, key: keyof EntryCopy, op: string, value: string][] = [];
    if (query.type !== undefined) filters.push(['type', 'type', '=', query.type]);
    if (query.entity !== undefined) filters.push(['entity', 'entity', '=', query.entity]);
    if (query.entityId !== undefined) filters.push(['entity_id', 'entityId', '=', query.entityId]);
    if (query.incidentId !== undefined) filters.push(['incident_id', 'incidentId', '=', query.incidentId]);
    if (query.actorId !== undefined) filters.push(['actor_id', 'actorId', '=', query.actorId]);
    if (query.from) filters.push(['at', 'at', '>=', new Date(query.from).toISOString()]);
    if (query.to) filters.push(['at', 'at', '<=', new Date(query.to).toISOString()]);
    const values = filters.map(([, , , value]) => value);
    const before = start ? Number(start.id) : null;

    const plain = [...filters.map(([column, , op]) => `e.${column} ${op} ?`), 'a.entry IS NULL'];
    const plainParams: (string | number)[] = [...values];
    // An incident's own events are indexed by incident_id, other entities' by events_entity.
    if (query.entity === 'incident' && query.entityId !== undefined) {
      plain.push('e.incident_id = ?');
      plainParams.push(query.entityId);
    } else if (query.entity !== undefined && query.entity !== 'incident') plain.push(`e.entity <> 'incident'`);
    if (before !== null) {
      plain.push('a.seq < ?', 'e.seq < coalesce((SELECT event_seq FROM audit_log WHERE seq = ?), 9223372036854775807)');
      plainParams.push(before, before);
    }
    const plainRows = this.db
      .prepare(
        `SELECT a.seq, a.event_seq, a.hash, a.entry, e.at, e.type, e.entity, e.entity_id, e.incident_id, e.actor_id, e.data,
           p.hash AS prev_hash, p.entry AS prev_entry
         FROM events e
         CROSS JOIN audit_log a ON a.event_seq = e.seq
         LEFT JOIN audit_log p ON p.seq = a.seq - 1
         WHERE ${plain.join(' AND ')} ORDER BY e.seq DESC LIMIT ?`,
      )
      .all(...plainParams, query.limit + 1) as AuditRow[];

    const copied = [...filters.map(([column, key, op]) => `${said(column, key)} ${op} ?`), 'a.entry IS NOT NULL'];
    const copiedParams: (string | number)[] = [...values];
    if (before !== null) {
      copied.push('a.seq < ?');
      copiedParams.push(before);
    }
    const copiedRows = this.db
      .prepare(`${SELECT} WHERE ${copied.join(' AND ')} ORDER BY a.seq DESC LIMIT ?`)
      .all(...copiedParams, query.limit + 1) as AuditRow[];

    const rows = [...plainRows, ...copiedRows].sort((x, y) => y.seq - x.seq).slice(0, query.limit + 1);
    return toPage(rows, query.limit, (row) => ({ key: '', id: String(row.seq) }), toAudit);
  }
}
