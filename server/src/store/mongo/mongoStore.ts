/**
 * The scale-out adapter: MongoDB through mongoose, selected by MONGODB_URI. Needs a replica
 * set (transactions). Same behaviour as the SQLite adapter, held to it by the contract suite
 * (test/store-contract*.test.ts, run when MONGODB_URI is set) and, without a MongoDB, by
 * test/mongo-schemas.test.ts (every record field is in its mongoose schema).
 * Search uses a text index (whole words, any order) narrowed by a per-word substring check,
 * so a word found only inside a longer word matches in SQLite (trigram) but not here.
 *
 * This file keeps only the connection, transactions and the registration of the repositories;
 * each repository lives in its own file beside it over collection.ts (document ↔ record,
 * keyset paging, DocCollection). Adding a repository: its mongoose model in models.ts (or its
 * own models, like notify.ts), a `mongo<Name>(models, session)` factory in a new file, and one
 * line in `repositories` below — see the steps in sqlite/sqliteStore.ts.
 */
import mongoose, { type ClientSession, type Connection } from 'mongoose';
import { convertSnapshotEvents } from './eventFeed.js';
import { DuplicateKeyError, translateErrors } from '../errors.js';
import { StoreBase } from '../storeBase.js';
import type { Repositories, Store } from '../port.js';
import type { AnyModel } from './collection.js';
import { bindModels, type Models } from './models.js';
import { mongoAgencies } from './agencies.js';
import { mongoApiKeys } from './apiKeys.js';
import { mongoAttachments } from './attachments.js';
import { mongoComments } from './comments.js';
import { mongoCounters } from './counters.js';
import { mongoDrills } from './drills.js';
import { mongoEvents } from './events.js';
import { mongoIdempotency } from './idempotency.js';
import { mongoIncidents } from './incidents.js';
import { mongoIncidentCounts } from './incidentCounts.js';
import { mongoPlaybooks } from './playbooks.js';
import { routingRepositories } from './routing.js';
import { mongoReportsRepositories } from './reports.js';
import { mongoReportTypes } from './reportTypes.js';
import { notifyRepositories } from './notify.js';
import { mongoSectors } from './sectors.js';
import { mongoSessions } from './sessions.js';
import { mongoSystems } from './systems.js';
import { mongoTeams } from './teams.js';
import { mongoUsers } from './users.js';

/**
 * Every repository on one session (undefined: outside a transaction). Exported for
 * test/mongo-schemas.test.ts, which checks what these repositories write without a MongoDB.
 */
export function repositories(models: Models, session: ClientSession | undefined): Repositories {
  return {
    playbooks: mongoPlaybooks(models, session),
    incidents: mongoIncidents(models, session),
    incidentCounts: mongoIncidentCounts(models, session),
    drills: mongoDrills(models, session),
    counters: mongoCounters(models, session),
    idempotency: mongoIdempotency(models, session),
    attachments: mongoAttachments(models, session),
    apiKeys: mongoApiKeys(models, session),
    comments: mongoComments(models, session),
    agencies: mongoAgencies(models, session),
    sectors: mongoSectors(models, session),
    systems: mongoSystems(models, session),
    teams: mongoTeams(models, session),
    users: mongoUsers(models, session),
    sessions: mongoSessions(models, session),
    events: mongoEvents(models, session),
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
