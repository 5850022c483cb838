/**
 * The embedded default adapter: one SQLite file in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a power cut. Records live as JSON documents beside the
 * columns the explicit queries filter and sort on.
 *
 * Over 400 lines on purpose for now: eight branches edited this file at once, so splitting it
 * into one file per repository (issue #13) is left to a round of its own to keep the merge
 * easy. Group commit, the statement cache, backup and the migrations already live beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { EventScope } from '@cert-hub/shared';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor.js';
import { Mutex, readsFrom, serialiseReads, serialiseWrites } from '../mutex.js';
import { DuplicateKeyError, isDiskFull, StorageFullError, StoreBusyError, translateErrors } from '../errors.js';
import { agencyKeys, incidentKeys, incidentSortKeyAt, systemKeys, teamKeys, userKeys } from '../searchKeys.js';
import { StoreBase } from '../storeBase.js';
import { listVisibleEventsAfter } from './eventFeed.js';
import { searchClause, searchIncidentsPage, searchTerms } from './search.js';
import type {
  AgencyRecord,
  AgencyRepository,
  ApiKeyRecord,
  ApiKeyRepository,
  AttachmentRecord,
  AttachmentRepository,
  CommentRecord,
  CommentRepository,
  CounterRepository,
  IdempotencyRecord,
  IdempotencyRepository,
  IncidentListQuery,
  IncidentRecord,
  IncidentRepository,
  PlaybookRecord,
  PlaybookRepository,
  EventRecord,
  EventRepository,
  NewEvent,
  PageQuery,
  PageResult,
  Repositories,
  SectorRecord,
  SectorRepository,
  SessionRecord,
  SessionRepository,
  Store,
  SystemRecord,
  SystemRepository,
  TeamRecord,
  TeamRepository,
  UserRecord,
  UserRepository,
} from '../port.js';
import { SqliteDrills } from './drills.js';
import { GroupCommitter } from './groupCommit.js';
import { MIGRATIONS, OPEN_COLUMN_STATUSES } from './migrations.js';
import { cacheStatements } from './statementCache.js';
import { SqliteOnCall } from './oncall.js';
import { SqliteRoutingRules, SqliteUpwardNotifications } from './routing.js';
import { sqliteReportsRepositories } from './reports.js';
import { SqliteAudit } from './audit.js';
import { SqliteDeliveries, SqliteNotificationPreferences, SqliteNotifications, SqliteWebhooks } from './notifications.js';
import { SqliteSlaPolicies, SqliteSlaTimers } from './sla.js';

type Row = { doc: string; sort_key: string; id: string };
type Params = (string | number | null)[];

export function openSqliteDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // A new store gets 16 KB pages: an incident's row (about 3 KB of JSON) filled a 4 KB page
  // alone, a quarter of it wasted. (An existing store keeps its page size.)
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new Error(`database schema v${current} is newer than this build (v${MIGRATIONS.length})`);
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}

/** The columns a page is ordered by: the table's own, or a joined index table's copy of them. */
interface PageKeys {
  sort: string;
  id: string;
}
const OWN_KEYS: PageKeys = { sort: 'sort_key', id: 'id' };

/** Keyset pagination over (sort_key, id) shared by every document table. */
function page<T>(db: Db, from: string, where: string[], params: Params, query: PageQuery, keys: PageKeys = OWN_KEYS): PageResult<T> {
  const clauses = [...where];
  const args = [...params];
  if (query.cursor) {
    const position = decodeCursor(query.cursor);
    if (!position) throw new InvalidCursorError();
    clauses.push(`(${keys.sort} > ? OR (${keys.sort} = ? AND ${keys.id} > ?))`);
    args.push(position.key, position.key, position.id);
  }
  const sql = `SELECT ${keys.id} AS id, ${keys.sort} AS sort_key, doc FROM ${from} ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''}
    ORDER BY ${keys.sort}, ${keys.id} LIMIT ?`;
  const rows = db.prepare(sql).all(...args, query.limit + 1) as Row[];
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => JSON.parse(r.doc) as T),
    nextCursor: more && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
  };
}

const isOpenColumn = (status: string) => (OPEN_COLUMN_STATUSES as readonly string[]).includes(status);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

const getDoc = <T>(db: Db, table: string, id: string): T | null => {
  const row = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as T) : null;
};

class SqliteAgencies implements AgencyRepository {
  constructor(private readonly db: Db) {}
  async insert(a: AgencyRecord) {
    const k = agencyKeys(a);
    this.db
      .prepare(`INSERT INTO agencies (id, sort_key, search_text, type, merged_into_id, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(a.id, k.sortKey, k.searchText, a.type, a.mergedIntoId, a.version, JSON.stringify(a));
  }
  async update(a: AgencyRecord, expectedVersion: number) {
    const k = agencyKeys(a);
    const r = this.db
      .prepare(`UPDATE agencies SET sort_key=?, search_text=?, type=?, merged_into_id=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(k.sortKey, k.searchText, a.type, a.mergedIntoId, a.version, JSON.stringify(a), a.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<AgencyRecord>(this.db, 'agencies', id);
  }
  async list(query: Parameters<AgencyRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('agencies', query.q, where, params);
    if (query.type) {
      where.push('type = ?');
      params.push(query.type);
    }
    if (!query.includeMerged) where.push('merged_into_id IS NULL');
    return page<AgencyRecord>(this.db, 'agencies', where, params, query);
  }
  async count() {
    return (this.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
  }
}

class SqliteSectors implements SectorRepository {
  constructor(private readonly db: Db) {}
  async upsert(s: SectorRecord) {
    this.db
      .prepare('INSERT INTO sectors (code, doc) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET doc = excluded.doc')
      .run(s.code, JSON.stringify(s));
  }
  async get(code: string) {
    const row = this.db.prepare('SELECT doc FROM sectors WHERE code = ?').get(code) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as SectorRecord) : null;
  }
  async list() {
    return (this.db.prepare('SELECT doc FROM sectors ORDER BY code').all() as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as SectorRecord,
    );
  }
}

class SqliteSystems implements SystemRepository {
  constructor(private readonly db: Db) {}
  async insert(s: SystemRecord) {
    const k = systemKeys(s);
    this.db
      .prepare(`INSERT INTO systems (id, agency_id, level, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(s.id, s.agencyId, s.level, k.sortKey, k.searchText, s.version, JSON.stringify(s));
  }
  async update(s: SystemRecord, expectedVersion: number) {
    const k = systemKeys(s);
    const r = this.db
      .prepare(`UPDATE systems SET agency_id=?, level=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(s.agencyId, s.level, k.sortKey, k.searchText, s.version, JSON.stringify(s), s.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<SystemRecord>(this.db, 'systems', id);
  }
  async list(query: Parameters<SystemRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('systems', query.q, where, params);
    if (query.agencyIds) {
      if (query.agencyIds.length === 0) return { items: [], nextCursor: null };
      where.push(`agency_id IN (${query.agencyIds.map(() => '?').join(',')})`);
      params.push(...query.agencyIds);
    }
    if (query.level) {
      where.push('level = ?');
      params.push(query.level);
    }
    return page<SystemRecord>(this.db, 'systems', where, params, query);
  }
  async reassignAgency(fromAgencyId: string, toAgencyId: string, at: string) {
    const rows = this.db.prepare('SELECT doc FROM systems WHERE agency_id = ?').all(fromAgencyId) as { doc: string }[];
    for (const row of rows) {
      const s = JSON.parse(row.doc) as SystemRecord;
      const moved = { ...s, agencyId: toAgencyId, version: s.version + 1, updatedAt: at };
      await this.update(moved, s.version);
    }
    return rows.length;
  }
}

class SqliteTeams implements TeamRepository {
  constructor(private readonly db: Db) {}
  async insert(t: TeamRecord) {
    const k = teamKeys(t);
    this.db
      .prepare(`INSERT INTO teams (id, kind, is_standing, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?)`)
      .run(t.id, t.kind, t.isStanding ? 1 : 0, k.sortKey, k.searchText, t.version, JSON.stringify(t));
  }
  async update(t: TeamRecord, expectedVersion: number) {
    const k = teamKeys(t);
    const r = this.db
      .prepare(`UPDATE teams SET kind=?, is_standing=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(t.kind, t.isStanding ? 1 : 0, k.sortKey, k.searchText, t.version, JSON.stringify(t), t.id, expectedVersion);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<TeamRecord>(this.db, 'teams', id);
  }
  async list(query: Parameters<TeamRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('teams', query.q, where, params);
    if (query.kind) {
      where.push('kind = ?');
      params.push(query.kind);
    }
    return page<TeamRecord>(this.db, 'teams', where, params, query);
  }
  async listStanding() {
    return (this.db.prepare('SELECT doc FROM teams WHERE is_standing = 1 ORDER BY sort_key, id').all() as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as TeamRecord,
    );
  }
}

class SqliteUsers implements UserRepository {
  constructor(private readonly db: Db) {}
  private writeTeams(u: UserRecord) {
    this.db.prepare('DELETE FROM user_teams WHERE user_id = ?').run(u.id);
    const add = this.db.prepare('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)');
    for (const teamId of new Set(u.teamIds)) add.run(u.id, teamId);
  }
  async insert(u: UserRecord) {
    const k = userKeys(u);
    this.db
      .prepare(`INSERT INTO users (id, username, role, agency_id, sort_key, search_text, version, doc) VALUES (?,?,?,?,?,?,?,?)`)
      .run(u.id, u.username, u.role, u.agencyId, k.sortKey, k.searchText, u.version, JSON.stringify(u));
    this.writeTeams(u);
  }
  async update(u: UserRecord, expectedVersion: number) {
    const k = userKeys(u);
    const r = this.db
      .prepare(`UPDATE users SET username=?, role=?, agency_id=?, sort_key=?, search_text=?, version=?, doc=? WHERE id=? AND version=?`)
      .run(u.username, u.role, u.agencyId, k.sortKey, k.searchText, u.version, JSON.stringify(u), u.id, expectedVersion);
    if (r.changes === 1) this.writeTeams(u);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<UserRecord>(this.db, 'users', id);
  }
  async getByUsername(username: string) {
    const row = this.db.prepare('SELECT doc FROM users WHERE username = ?').get(username) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as UserRecord) : null;
  }
  async list(query: Parameters<UserRepository['list']>[0]) {
    const where: string[] = [];
    const params: Params = [];
    searchClause('users', query.q, where, params);
    if (query.role) {
      where.push('role = ?');
      params.push(query.role);
    }
    if (query.agencyId) {
      where.push('agency_id = ?');
      params.push(query.agencyId);
    }
    if (query.teamId) {
      where.push('id IN (SELECT user_id FROM user_teams WHERE team_id = ?)');
      params.push(query.teamId);
    }
    return page<UserRecord>(this.db, 'users', where, params, query);
  }
  async listByTeam(teamId: string) {
    return (
      this.db
        .prepare('SELECT doc FROM users WHERE id IN (SELECT user_id FROM user_teams WHERE team_id = ?) ORDER BY sort_key')
        .all(teamId) as { doc: string }[]
    ).map((r) => JSON.parse(r.doc) as UserRecord);
  }
  async listByAgency(agencyId: string) {
    return (this.db.prepare('SELECT doc FROM users WHERE agency_id = ? ORDER BY sort_key').all(agencyId) as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as UserRecord,
    );
  }
  async count() {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }
}

type SessionRow = {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  session_epoch: number;
  expires_at: string;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
};
const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  familyId: r.family_id,
  tokenHash: r.token_hash,
  sessionEpoch: r.session_epoch,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  rotatedAt: r.rotated_at,
  revokedAt: r.revoked_at,
  userAgent: r.user_agent,
  ip: r.ip,
});

class SqliteSessions implements SessionRepository {
  constructor(private readonly db: Db) {}
  async insert(s: SessionRecord) {
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, family_id, token_hash, session_epoch, expires_at, created_at, rotated_at, revoked_at, user_agent, ip)
         VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(s.id, s.userId, s.familyId, s.tokenHash, s.sessionEpoch, s.expiresAt, s.createdAt, s.rotatedAt, s.revokedAt, s.userAgent, s.ip);
  }
  async get(id: string) {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }
  async getByTokenHash(tokenHash: string) {
    const r = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }
  async markRotated(id: string, at: string) {
    const r = this.db.prepare('UPDATE sessions SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL').run(at, id);
    return r.changes === 1;
  }
  async revoke(id: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
  }
  async revokeFamily(familyId: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at, familyId);
  }
  async revokeAllForUser(userId: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(at, userId);
  }
}

type EventRow = {
  seq: number;
  type: string;
  entity: string;
  entity_id: string;
  incident_id: string | null;
  version: number | null;
  at: string;
  actor_id: string | null;
  data: string;
};
const toEvent = (r: EventRow): EventRecord => ({
  seq: r.seq,
  type: r.type,
  entity: r.entity,
  entityId: r.entity_id,
  incidentId: r.incident_id,
  version: r.version,
  at: r.at,
  actorId: r.actor_id,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

class SqliteEvents implements EventRepository {
  constructor(private readonly db: Db) {}
  async append(e: NewEvent) {
    const r = this.db
      .prepare(`INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)`)
      .run(e.type, e.entity, e.entityId, e.incidentId, e.version, e.at, e.actorId, JSON.stringify(e.data));
    return { ...e, seq: Number(r.lastInsertRowid) };
  }
  async listAfter(afterSeq: number, limit: number) {
    return (this.db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[]).map(toEvent);
  }
  async listForEntity(entity: string, entityId: string, limit: number) {
    return (
      this.db
        .prepare('SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY seq LIMIT ?')
        .all(entity, entityId, limit) as EventRow[]
    ).map(toEvent);
  }
  async lastSeq() {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM events').get() as { s: number }).s;
  }
  async listVisibleAfter(afterSeq: number, scope: EventScope, options: { limit: number; scanUpTo: number }) {
    return listVisibleEventsAfter(this.db, afterSeq, scope, options);
  }
}

class SqliteIncidents implements IncidentRepository {
  constructor(private readonly db: Db) {}
  /** Team rows carry the incident's order and open flag so a team's board is one index range. */
  private writeTeams(i: IncidentRecord) {
    this.db.prepare('DELETE FROM incident_teams WHERE incident_id = ?').run(i.id);
    const add = this.db.prepare('INSERT INTO incident_teams (incident_id, team_id, incident_sort_key, incident_open) VALUES (?, ?, ?, ?)');
    const sortKey = incidentKeys(i).sortKey;
    const open = isOpenColumn(i.status) ? 1 : 0;
    for (const teamId of new Set(i.routing.teamIds)) add.run(i.id, teamId, sortKey, open);
  }
  private columns(i: IncidentRecord) {
    const k = incidentKeys(i);
    return [
      i.agencyId,
      i.status,
      i.category,
      i.severity,
      i.serious ? 1 : 0,
      i.drill ? 1 : 0,
      i.reportedAt,
      k.sortKey,
      k.searchText,
      i.version,
      JSON.stringify(i),
      i.slaDueAt ?? null,
    ];
  }
  async insert(i: IncidentRecord) {
    this.db
      .prepare(
        `INSERT INTO incidents (id, code, agency_id, status, category, severity, serious, is_drill, reported_at, sort_key, search_text, version, doc, sla_due_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(i.id, i.code, ...this.columns(i));
    this.writeTeams(i);
  }
  async update(i: IncidentRecord, expectedVersion: number) {
    const r = this.db
      .prepare(
        `UPDATE incidents SET agency_id=?, status=?, category=?, severity=?, serious=?, is_drill=?, reported_at=?, sort_key=?, search_text=?, version=?, doc=?, sla_due_at=?
         WHERE id=? AND version=?`,
      )
      .run(...this.columns(i), i.id, expectedVersion);
    if (r.changes === 1) this.writeTeams(i);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<IncidentRecord>(this.db, 'incidents', id);
  }
  async list(query: IncidentListQuery) {
    const where: string[] = [];
    const params: Params = [];
    // A search walks the text index in list order (search.ts); the other filters apply to what it finds.
    const terms = searchTerms(query.q);
    const search = terms.match === null ? null : { ...terms, match: terms.match };
    if (!search) searchClause('incidents', query.q, where, params);
    const inList = (column: string, values: readonly (string | number)[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    if (query.agencyIds) {
      if (query.agencyIds.length === 0) return { items: [], nextCursor: null };
      inList('agency_id', query.agencyIds);
    }
    const openOnly = query.statuses !== undefined && sameSet(query.statuses, OPEN_COLUMN_STATUSES);
    let from = 'incidents';
    let keys: PageKeys = OWN_KEYS;
    if (query.teamIds) {
      const teamIds = [...new Set(query.teamIds)];
      if (teamIds.length === 0) return { items: [], nextCursor: null };
      if (teamIds.length === 1 && !search) {
        // One team (a responder's usual case): walk that team's rows in board order.
        from = 'incident_teams CROSS JOIN incidents ON incidents.id = incident_teams.incident_id';
        keys = { sort: 'incident_teams.incident_sort_key', id: 'incident_teams.incident_id' };
        where.push('incident_teams.team_id = ?');
        params.push(teamIds[0]!);
        if (openOnly) where.push('incident_teams.incident_open = 1');
      } else if (search) {
        // Each incident the search finds is checked by its own team rows (primary key): listing
        // the teams' incidents first would cost as much as the teams' whole history.
        where.push(
          `EXISTS (SELECT 1 FROM incident_teams WHERE incident_teams.incident_id = incidents.id AND incident_teams.team_id IN (${teamIds.map(() => '?').join(',')}))`,
        );
        params.push(...teamIds);
      } else {
        where.push(`incidents.id IN (SELECT incident_id FROM incident_teams WHERE team_id IN (${teamIds.map(() => '?').join(',')}))`);
        params.push(...teamIds);
      }
    }
    const equal = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('status', query.status);
    if (query.statuses) {
      if (query.statuses.length === 0) return { items: [], nextCursor: null };
      if (openOnly) where.push('is_open = 1');
      else inList('status', query.statuses);
    }
    if (query.assigneeId) {
      where.push(`EXISTS (SELECT 1 FROM json_each(incidents.doc, '$.assigneeIds') WHERE value = ?)`);
      params.push(query.assigneeId);
    }
    equal('category', query.category);
    equal('severity', query.severity);
    equal('serious', query.serious === undefined ? undefined : query.serious ? 1 : 0);
    equal('is_drill', query.drill === undefined ? undefined : query.drill ? 1 : 0);
    // The sort key counts reporting time down, so a date range is a sort-key range (one index).
    if (query.from) {
      where.push('incidents.sort_key <= ?');
      params.push(incidentSortKeyAt(query.from));
    }
    if (query.to) {
      where.push('incidents.sort_key >= ?');
      params.push(incidentSortKeyAt(query.to));
    }
    if (query.overdueAt) {
      where.push('incidents.sla_due_at <= ?');
      params.push(query.overdueAt);
    }
    if (search) {
      const cursor = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !cursor) throw new InvalidCursorError();
      const rows = searchIncidentsPage(this.db, search, where, params, cursor, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => JSON.parse(r.doc) as IncidentRecord),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
      };
    }
    return page<IncidentRecord>(this.db, from, where, params, query, keys);
  }
  async count() {
    return (this.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
  }
  async reassignAgency(fromAgencyId: string, toAgencyId: string, at: string) {
    const rows = this.db.prepare('SELECT doc FROM incidents WHERE agency_id = ?').all(fromAgencyId) as { doc: string }[];
    for (const row of rows) {
      const i = JSON.parse(row.doc) as IncidentRecord;
      await this.update({ ...i, agencyId: toAgencyId, version: i.version + 1, updatedAt: at }, i.version);
    }
    return rows.length;
  }
  async setSlaDueAt(id: string, dueAt: string | null) {
    this.db.prepare(`UPDATE incidents SET sla_due_at = ?, doc = json_set(doc, '$.slaDueAt', ?) WHERE id = ?`).run(dueAt, dueAt, id);
  }
}

class SqliteCounters implements CounterRepository {
  constructor(private readonly db: Db) {}
  async next(name: string) {
    const row = this.db
      .prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
      .get(name) as { value: number };
    return row.value;
  }
}

class SqliteIdempotency implements IdempotencyRepository {
  constructor(private readonly db: Db) {}
  async get(scope: string, key: string) {
    const row = this.db.prepare('SELECT doc FROM idempotency_keys WHERE scope = ? AND key = ?').get(scope, key) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as IdempotencyRecord) : null;
  }
  async insert(r: IdempotencyRecord) {
    this.db.prepare('INSERT INTO idempotency_keys (scope, key, doc) VALUES (?, ?, ?)').run(r.scope, r.key, JSON.stringify(r));
  }
}

class SqliteAttachments implements AttachmentRepository {
  constructor(private readonly db: Db) {}
  async insert(a: AttachmentRecord) {
    this.db
      .prepare('INSERT INTO attachments (id, incident_id, created_at, doc) VALUES (?,?,?,?)')
      .run(a.id, a.incidentId, a.createdAt, JSON.stringify(a));
  }
  async get(id: string) {
    return getDoc<AttachmentRecord>(this.db, 'attachments', id);
  }
  async listByIncident(incidentId: string) {
    return (
      this.db.prepare('SELECT doc FROM attachments WHERE incident_id = ? ORDER BY created_at, id').all(incidentId) as { doc: string }[]
    ).map((r) => JSON.parse(r.doc) as AttachmentRecord);
  }
}

class SqliteApiKeys implements ApiKeyRepository {
  constructor(private readonly db: Db) {}
  async insert(k: ApiKeyRecord) {
    this.db.prepare('INSERT INTO api_keys (id, key_hash, doc) VALUES (?,?,?)').run(k.id, k.keyHash, JSON.stringify(k));
  }
  async update(k: ApiKeyRecord) {
    this.db.prepare('UPDATE api_keys SET doc = ? WHERE id = ?').run(JSON.stringify(k), k.id);
  }
  async get(id: string) {
    return getDoc<ApiKeyRecord>(this.db, 'api_keys', id);
  }
  async getByHash(keyHash: string) {
    const row = this.db.prepare('SELECT doc FROM api_keys WHERE key_hash = ?').get(keyHash) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ApiKeyRecord) : null;
  }
  async list() {
    return (this.db.prepare('SELECT doc FROM api_keys ORDER BY id').all() as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as ApiKeyRecord,
    );
  }
}

class SqliteComments implements CommentRepository {
  constructor(private readonly db: Db) {}
  async insert(c: CommentRecord) {
    this.db
      .prepare('INSERT INTO comments (id, incident_id, position, doc) VALUES (?,?,?,?)')
      .run(c.id, c.incidentId, c.position, JSON.stringify(c));
  }
  async listByIncident(incidentId: string) {
    return (this.db.prepare('SELECT doc FROM comments WHERE incident_id = ? ORDER BY position').all(incidentId) as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as CommentRecord,
    );
  }
}

class SqlitePlaybooks implements PlaybookRepository {
  constructor(private readonly db: Db) {}
  async get(category: string) {
    const row = this.db.prepare('SELECT doc FROM playbooks WHERE category = ?').get(category) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as PlaybookRecord) : null;
  }
  async upsert(p: PlaybookRecord) {
    this.db
      .prepare('INSERT INTO playbooks (category, doc) VALUES (?, ?) ON CONFLICT(category) DO UPDATE SET doc = excluded.doc')
      .run(p.category, JSON.stringify(p));
  }
  async list() {
    return (this.db.prepare('SELECT doc FROM playbooks ORDER BY category').all() as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as PlaybookRecord,
    );
  }
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};
const toPortError = (error: unknown) => {
  if (isUniqueViolation(error)) return new DuplicateKeyError((error as Error).message, { cause: error });
  if (isDiskFull(error)) return new StorageFullError((error as Error).message, { cause: error });
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return new StoreBusyError((error as Error).message, { cause: error });
  return error;
};

function repositoriesOn(db: Db): Repositories {
  return translateErrors<Repositories>(
    {
      agencies: new SqliteAgencies(db),
      sectors: new SqliteSectors(db),
      systems: new SqliteSystems(db),
      teams: new SqliteTeams(db),
      users: new SqliteUsers(db),
      sessions: new SqliteSessions(db),
      events: new SqliteEvents(db),
      incidents: new SqliteIncidents(db),
      counters: new SqliteCounters(db),
      idempotency: new SqliteIdempotency(db),
      attachments: new SqliteAttachments(db),
      apiKeys: new SqliteApiKeys(db),
      comments: new SqliteComments(db),
      playbooks: new SqlitePlaybooks(db),
      drills: new SqliteDrills(db),
      routingRules: new SqliteRoutingRules(db),
      upwardNotifications: new SqliteUpwardNotifications(db),
      onCall: new SqliteOnCall(db),
      ...sqliteReportsRepositories(db),
      audit: new SqliteAudit(db),
      notifications: new SqliteNotifications(db),
      notificationPreferences: new SqliteNotificationPreferences(db),
      webhooks: new SqliteWebhooks(db),
      deliveries: new SqliteDeliveries(db),
      slaPolicies: new SqliteSlaPolicies(db),
      slaTimers: new SqliteSlaTimers(db),
    },
    toPortError,
  );
}

export class SqliteStore extends StoreBase implements Store {
  readonly kind = 'sqlite' as const;
  private readonly mutex = new Mutex();
  private readonly committer: GroupCommitter<Repositories>;
  /**
   * Repositories for use outside a transaction. Writes wait for the running transaction
   * instead of landing inside it; reads go to a second connection, which sees only
   * committed rows (WAL snapshot), so a read never observes a transaction in progress.
   * An in-memory database cannot have a second connection: its reads wait like writes.
   */
  readonly repositories: Repositories;

  constructor(
    private readonly db: Db,
    private readonly readDb: Db | null = null,
  ) {
    super();
    cacheStatements(db);
    const txRepos = repositoriesOn(db);
    this.committer = new GroupCommitter(db, this.mutex, txRepos);
    const writes = serialiseWrites(txRepos, this.mutex);
    this.repositories = readDb ? readsFrom(repositoriesOn(cacheStatements(readDb)), writes) : serialiseReads(writes, this.mutex);
  }

  static open(file: string): SqliteStore {
    const db = openSqliteDatabase(file);
    return new SqliteStore(db, file === ':memory:' ? null : openSqliteDatabase(file));
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.committer.run(work).catch((error: unknown) => {
      throw toPortError(error);
    });
  }

  async ping() {
    this.db.prepare('SELECT 1').get();
  }

  async close() {
    await this.mutex.run(async () => {
      this.db.close();
      this.readDb?.close();
    });
  }
}
