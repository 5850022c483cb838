/**
 * The scale-out adapter: MongoDB through mongoose, selected by MONGODB_URI. Needs a replica
 * set (transactions). Same behaviour as the SQLite adapter, held to it by the contract suite.
 * Search uses a text index (whole words, any order) narrowed by a per-word substring check,
 * so a word found only inside a longer word matches in SQLite (trigram) but not here.
 * (Over 400 lines: split per repository in the same later round as sqliteStore.ts.)
 */
import mongoose, { type ClientSession, type Connection, type Model } from 'mongoose';
import { normalizeSearch } from '@cert-hub/shared';
import { convertSnapshotEvents, listVisibleEventsAfter } from './eventFeed.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor.js';
import { agencyKeys, incidentKeys, systemKeys, teamKeys, userKeys } from '../searchKeys.js';
import { DuplicateKeyError, translateErrors } from '../errors.js';
import { StoreBase } from '../storeBase.js';
import type {
  ApiKeyRecord,
  AttachmentRecord,
  CommentRecord,
  IdempotencyRecord,
  IncidentRecord,
  IncidentRepository,
  PlaybookRecord,
  AgencyRecord,
  AgencyRepository,
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
import { bindModels, type Models } from './models.js';
import { mongoDrills } from './drills.js';
import { routingRepositories } from './routing.js';
import { mongoReportsRepositories } from './reports.js';
import { mongoReportTypes } from './reportTypes.js';
import { notifyRepositories } from './notify.js';

type Filter = Record<string, unknown>;
type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Keyed = { sortKey: string; searchText: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strips the storage-only fields so a document becomes the port's record. */
function toRecord<T>(doc: Record<string, unknown> | null): T | null {
  if (!doc) return null;
  const { _id, sortKey: _s, searchText: _t, ...rest } = doc;
  return { id: _id, ...rest } as T;
}

class DocCollection<T extends { id: string; version: number }> {
  constructor(
    private readonly model: AnyModel,
    private readonly keysOf: (record: T) => Keyed,
    private readonly session: ClientSession | undefined,
  ) {}

  async insert(record: T) {
    const { id, ...rest } = record;
    await this.model.create([{ _id: id, ...rest, ...this.keysOf(record) }], { session: this.session });
  }

  async update(record: T, expectedVersion: number) {
    const { id, ...rest } = record;
    const r = await this.model.updateOne(
      { _id: id, version: expectedVersion },
      { $set: { ...rest, ...this.keysOf(record) } },
      { session: this.session },
    );
    return r.matchedCount === 1;
  }

  async get(id: string) {
    return toRecord<T>(
      await this.model
        .findById(id)
        .session(this.session ?? null)
        .lean<Record<string, unknown>>(),
    );
  }

  async find(filter: Filter, sort: Record<string, 1 | -1> = { sortKey: 1, _id: 1 }) {
    const docs = await this.model
      .find(filter)
      .sort(sort)
      .session(this.session ?? null)
      .lean<Record<string, unknown>[]>();
    return docs.map((d) => toRecord<T>(d) as T);
  }

  async page(filter: Filter, query: PageQuery & { q?: string }): Promise<PageResult<T>> {
    const clauses: Filter[] = [filter];
    // Every word, in any order: the text index finds candidates, the regex keeps SQLite's
    // substring meaning for each word (the text index alone matches whole words only).
    const words = [...new Set((query.q ? normalizeSearch(query.q) : '').split(' ').filter(Boolean))];
    if (words.length > 0) {
      clauses.push({ $text: { $search: words.map((w) => `"${w.replace(/"/g, '')}"`).join(' ') } });
      for (const word of words) clauses.push({ searchText: { $regex: escapeRegex(word) } });
    }
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      if (!position) throw new InvalidCursorError();
      clauses.push({ $or: [{ sortKey: { $gt: position.key } }, { sortKey: position.key, _id: { $gt: position.id } }] });
    }
    const docs = await this.model
      .find({ $and: clauses })
      .sort({ sortKey: 1, _id: 1 })
      .limit(query.limit + 1)
      .session(this.session ?? null)
      .lean<Record<string, unknown>[]>();
    const more = docs.length > query.limit;
    const items = docs.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => toRecord<T>(d) as T),
      nextCursor: more && last ? encodeCursor({ key: String(last.sortKey), id: String(last._id) }) : null,
    };
  }

  async count(filter: Filter = {}) {
    return this.model.countDocuments(filter).session(this.session ?? null);
  }
}

function repositories(models: Models, session: ClientSession | undefined): Repositories {
  const agencies = new DocCollection<AgencyRecord>(models.Agency, agencyKeys, session);
  const systems = new DocCollection<SystemRecord>(models.System, systemKeys, session);
  const teams = new DocCollection<TeamRecord>(models.Team, teamKeys, session);
  const users = new DocCollection<UserRecord>(models.User, userKeys, session);

  const agencyRepo: AgencyRepository = {
    insert: (a) => agencies.insert(a),
    update: (a, v) => agencies.update(a, v),
    get: (id) => agencies.get(id),
    list: (q) => agencies.page({ ...(q.type ? { type: q.type } : {}), ...(q.includeMerged ? {} : { mergedIntoId: null }) }, q),
    count: () => agencies.count(),
  };

  const sectorRepo: SectorRepository = {
    async upsert(s) {
      await models.Sector.updateOne({ _id: s.code }, { $set: { ...s } }, { upsert: true, session });
    },
    async get(code) {
      const doc = await models.Sector.findById(code)
        .session(session ?? null)
        .lean<Record<string, unknown>>();
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return rest as unknown as SectorRecord;
    },
    async list() {
      const docs = await models.Sector.find()
        .sort({ _id: 1 })
        .session(session ?? null)
        .lean<Record<string, unknown>[]>();
      return docs.map(({ _id, ...rest }) => rest as unknown as SectorRecord);
    },
  };

  const systemRepo: SystemRepository = {
    insert: (s) => systems.insert(s),
    update: (s, v) => systems.update(s, v),
    get: (id) => systems.get(id),
    async list(q) {
      if (q.agencyIds && q.agencyIds.length === 0) return { items: [], nextCursor: null };
      return systems.page({ ...(q.agencyIds ? { agencyId: { $in: q.agencyIds } } : {}), ...(q.level ? { level: q.level } : {}) }, q);
    },
    async reassignAgency(fromAgencyId, toAgencyId, at) {
      const r = await models.System.updateMany(
        { agencyId: fromAgencyId },
        { $set: { agencyId: toAgencyId, updatedAt: at }, $inc: { version: 1 } },
        { session },
      );
      return r.modifiedCount;
    },
  };

  const teamRepo: TeamRepository = {
    insert: (t) => teams.insert(t),
    update: (t, v) => teams.update(t, v),
    get: (id) => teams.get(id),
    list: (q) => teams.page(q.kind ? { kind: q.kind } : {}, q),
    listStanding: () => teams.find({ isStanding: true }),
  };

  const userRepo: UserRepository = {
    insert: (u) => users.insert(u),
    update: (u, v) => users.update(u, v),
    get: (id) => users.get(id),
    async getByUsername(username) {
      return toRecord<UserRecord>(
        await models.User.findOne({ username })
          .session(session ?? null)
          .lean<Record<string, unknown>>(),
      );
    },
    list: (q) =>
      users.page(
        {
          ...(q.role ? { role: q.role } : {}),
          ...(q.agencyId ? { agencyId: q.agencyId } : {}),
          ...(q.teamId ? { teamIds: q.teamId } : {}),
        },
        q,
      ),
    listByTeam: (teamId) => users.find({ teamIds: teamId }),
    listByAgency: (agencyId) => users.find({ agencyId }),
    count: () => users.count(),
  };

  const toSession = (d: Record<string, unknown> | null) => toRecord<SessionRecord>(d);
  const sessionRepo: SessionRepository = {
    async insert(s) {
      const { id, ...rest } = s;
      await models.Session.create([{ _id: id, ...rest }], { session });
    },
    async get(id) {
      return toSession(
        await models.Session.findById(id)
          .session(session ?? null)
          .lean<Record<string, unknown>>(),
      );
    },
    async getByTokenHash(tokenHash) {
      return toSession(
        await models.Session.findOne({ tokenHash })
          .session(session ?? null)
          .lean<Record<string, unknown>>(),
      );
    },
    async markRotated(id, at) {
      const r = await models.Session.updateOne({ _id: id, rotatedAt: null, revokedAt: null }, { $set: { rotatedAt: at } }, { session });
      return r.modifiedCount === 1;
    },
    async revoke(id, at) {
      await models.Session.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
    async revokeFamily(familyId, at) {
      await models.Session.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
    async revokeAllForUser(userId, at) {
      await models.Session.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at } }, { session });
    },
  };

  const toEvent = (d: Record<string, unknown>): EventRecord => {
    const { _id, ...rest } = d;
    return { seq: Number(_id), ...rest } as EventRecord;
  };
  const eventRepo: EventRepository = {
    async append(e: NewEvent) {
      const counter = await models.Counter.findOneAndUpdate(
        { _id: 'events' },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after', session },
      ).lean<{ seq: number }>();
      const seq = counter!.seq;
      await models.Event.create([{ _id: seq, ...e }], { session });
      return { ...e, seq };
    },
    async listAfter(afterSeq, limit) {
      const docs = await models.Event.find({ _id: { $gt: afterSeq } })
        .sort({ _id: 1 })
        .limit(limit)
        .session(session ?? null)
        .lean<Record<string, unknown>[]>();
      return docs.map(toEvent);
    },
    async listVisibleAfter(afterSeq, scope, options) {
      return listVisibleEventsAfter(models, session, afterSeq, scope, options);
    },
    async listForEntity(entity, entityId, limit) {
      const docs = await models.Event.find({ entity, entityId })
        .sort({ _id: 1 })
        .limit(limit)
        .session(session ?? null)
        .lean<Record<string, unknown>[]>();
      return docs.map(toEvent);
    },
    async lastSeq() {
      const counter = await models.Counter.findById('events')
        .session(session ?? null)
        .lean<{ seq: number }>();
      return counter?.seq ?? 0;
    },
  };

  const incidents = new DocCollection<IncidentRecord>(models.Incident, incidentKeys, session);
  const incidentRepo: IncidentRepository = {
    insert: (i) => incidents.insert(i),
    update: (i, v) => incidents.update(i, v),
    get: (id) => incidents.get(id),
    async list(q) {
      if ((q.agencyIds && q.agencyIds.length === 0) || (q.teamIds && q.teamIds.length === 0) || (q.statuses && q.statuses.length === 0))
        return { items: [], nextCursor: null };
      const reported: Record<string, string> = {};
      if (q.from) reported.$gte = new Date(q.from).toISOString();
      if (q.to) reported.$lte = new Date(q.to).toISOString();
      return incidents.page(
        {
          ...(q.agencyIds ? { agencyId: { $in: q.agencyIds } } : {}),
          ...(q.teamIds ? { 'routing.teamIds': { $in: q.teamIds } } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.statuses ? { status: { $in: [...q.statuses] } } : {}),
          ...(q.assigneeId ? { assigneeIds: q.assigneeId } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.serious !== undefined ? { serious: q.serious } : {}),
          ...(q.drill !== undefined ? { drill: q.drill ? { $ne: null } : null } : {}),
          ...(q.from || q.to ? { reportedAt: reported } : {}),
          ...(q.overdueAt ? { slaDueAt: { $ne: null, $lte: q.overdueAt } } : {}),
        },
        q,
      );
    },
    count: () => incidents.count(),
    async reassignAgency(fromAgencyId, toAgencyId, at) {
      const r = await models.Incident.updateMany(
        { agencyId: fromAgencyId },
        { $set: { agencyId: toAgencyId, updatedAt: at }, $inc: { version: 1 } },
        { session },
      );
      return r.modifiedCount;
    },
    async setSlaDueAt(id, dueAt) {
      await models.Incident.updateOne({ _id: id }, { $set: { slaDueAt: dueAt } }, { session });
    },
  };

  const plain = <T>(doc: Record<string, unknown> | null, idField = 'id'): T | null => {
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return (idField ? { [idField]: _id, ...rest } : rest) as T;
  };

  return {
    playbooks: {
      async get(category) {
        return plain<PlaybookRecord>(
          await models.Playbook.findById(category)
            .session(session ?? null)
            .lean<Record<string, unknown>>(),
          '',
        );
      },
      async upsert(p) {
        await models.Playbook.updateOne({ _id: p.category }, { $set: { ...p } }, { upsert: true, session });
      },
      async list() {
        const docs = await models.Playbook.find()
          .sort({ _id: 1 })
          .session(session ?? null)
          .lean<Record<string, unknown>[]>();
        return docs.map((d) => plain<PlaybookRecord>(d, '')!);
      },
    },
    incidents: incidentRepo,
    drills: mongoDrills(models, session),
    counters: {
      async next(name) {
        const counter = await models.Counter.findOneAndUpdate(
          { _id: name },
          { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after', session },
        ).lean<{
          seq: number;
        }>();
        return counter!.seq;
      },
    },
    idempotency: {
      async get(scope, key) {
        return plain<IdempotencyRecord>(
          await models.Idempotency.findById(`${scope}|${key}`)
            .session(session ?? null)
            .lean<Record<string, unknown>>(),
          '',
        );
      },
      async insert(r) {
        await models.Idempotency.create([{ _id: `${r.scope}|${r.key}`, ...r }], { session });
      },
    },
    attachments: {
      async insert(a) {
        const { id, ...rest } = a;
        await models.Attachment.create([{ _id: id, ...rest }], { session });
      },
      async get(id) {
        return plain<AttachmentRecord>(
          await models.Attachment.findById(id)
            .session(session ?? null)
            .lean<Record<string, unknown>>(),
        );
      },
      async listByIncident(incidentId) {
        const docs = await models.Attachment.find({ incidentId })
          .sort({ createdAt: 1, _id: 1 })
          .session(session ?? null)
          .lean<Record<string, unknown>[]>();
        return docs.map((d) => plain<AttachmentRecord>(d)!);
      },
    },
    apiKeys: {
      async insert(k) {
        const { id, ...rest } = k;
        await models.ApiKey.create([{ _id: id, ...rest }], { session });
      },
      async update(k) {
        const { id, ...rest } = k;
        await models.ApiKey.updateOne({ _id: id }, { $set: rest }, { session });
      },
      async get(id) {
        return plain<ApiKeyRecord>(
          await models.ApiKey.findById(id)
            .session(session ?? null)
            .lean<Record<string, unknown>>(),
        );
      },
      async getByHash(keyHash) {
        return plain<ApiKeyRecord>(
          await models.ApiKey.findOne({ keyHash })
            .session(session ?? null)
            .lean<Record<string, unknown>>(),
        );
      },
      async list() {
        const docs = await models.ApiKey.find()
          .sort({ _id: 1 })
          .session(session ?? null)
          .lean<Record<string, unknown>[]>();
        return docs.map((d) => plain<ApiKeyRecord>(d)!);
      },
    },
    comments: {
      async insert(c) {
        const { id, ...rest } = c;
        await models.Comment.create([{ _id: id, ...rest }], { session });
      },
      async listByIncident(incidentId) {
        const docs = await models.Comment.find({ incidentId })
          .sort({ position: 1 })
          .session(session ?? null)
          .lean<Record<string, unknown>[]>();
        return docs.map((d) => plain<CommentRecord>(d)!);
      },
    },
    agencies: agencyRepo,
    sectors: sectorRepo,
    systems: systemRepo,
    teams: teamRepo,
    users: userRepo,
    sessions: sessionRepo,
    events: eventRepo,
    ...routingRepositories(models, session),
    ...mongoReportsRepositories(models, session),
    reportTypes: mongoReportTypes(models, session),
    ...notifyRepositories(models, session),
  };
}

/** MongoDB reports a unique index violation as error 11000; the port calls it DuplicateKeyError. */
const portErrors = (repos: Repositories) =>
  translateErrors(repos, (error) =>
    (error as { code?: unknown } | null)?.code === 11000 ? new DuplicateKeyError((error as Error).message, { cause: error }) : error,
  );

export class MongoStore extends StoreBase implements Store {
  readonly kind = 'mongodb' as const;
  readonly repositories: Repositories;

  private constructor(
    private readonly conn: Connection,
    private readonly models: Models,
  ) {
    super();
    this.repositories = portErrors(repositories(models, undefined));
  }

  static async connect(uri: string): Promise<MongoStore> {
    const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
    const models = bindModels(conn);
    await Promise.all(Object.values(models).map((m) => m.init()));
    await convertSnapshotEvents(models);
    return new MongoStore(conn, models);
  }

  /** Several hub processes share one live board through MongoDB (@socket.io/mongo-adapter). */
  async socketAdapter() {
    const { createAdapter } = await import('@socket.io/mongo-adapter');
    return createAdapter(await this.socketAdapterCollection());
  }

  /** The capped collection @socket.io/mongo-adapter passes messages through between hub nodes. */
  private async socketAdapterCollection() {
    const db = this.conn.db!;
    const name = 'socket_io_adapter_events';
    if (!(await db.listCollections({ name }).hasNext())) {
      try {
        await db.createCollection(name, { capped: true, size: 16 * 1024 * 1024 });
      } catch (error) {
        if ((error as { codeName?: string }).codeName !== 'NamespaceExists') throw error;
      }
    }
    return db.collection(name);
  }

  /** Drops every collection: for the contract suite's clean start only. */
  async dropAll() {
    await Promise.all(Object.values(this.models).map((m) => (m as AnyModel).deleteMany()));
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    // mongoose retries the callback on transient transaction errors.
    return this.conn.transaction((session) => work(portErrors(repositories(this.models, session))));
  }

  async ping() {
    await this.conn.db!.admin().ping();
  }

  async close() {
    await this.conn.close();
  }
}
