/**
 * The embedded default adapter: one SQLite file in WAL mode whose commits are fsynced before
 * anyone is answered or can read them (walSync.ts), so an acknowledged write survives a power cut. This file keeps only the connection (pragmas,
 * migrations), transactions (group commit), read isolation and the registration of the
 * repositories; each repository lives in its own file beside it over the shared table helper
 * (table.ts: row ↔ record, keyset paging, search), and statements are cached per SQL text
 * (statementCache.ts).
 *
 * Adding a repository (the same steps in README, Architecture → "Adding a repository"):
 *   1. records + interface in `server/src/store/<feature>.ts`, re-exported from `store/port.ts`
 *      and added to `Repositories` there (and a getter in `storeBase.ts`);
 *   2. its table(s) as a NEW entry at the end of MIGRATIONS (migrations.ts);
 *   3. `sqlite/<feature>.ts`: a class per repository over table.ts (see sqlite/agencies.ts);
 *   4. one line in `repositoriesOn` below; the same in mongo/ (mongoStore.ts `repositories`);
 *   5. contract cases in `test/store-contract-<feature>.test.ts` (test/helpers/storeContract.ts)
 *      and, per new mongoose model, a stored-document fixture and a write case in
 *      test/mongo-schemas.test.ts (it does not compile or pass until both are there).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { Mutex, readsAfter, readsFrom, serialiseReads, serialiseWrites } from '../mutex.js';
import { DuplicateKeyError, isDiskFull, StorageFullError, StoreBusyError, translateErrors } from '../errors.js';
import { StoreBase } from '../storeBase.js';
import type { Repositories, Store } from '../port.js';
import { GroupCommitter } from './groupCommit.js';
import { WalSync } from './walSync.js';
import { MIGRATIONS } from './migrations.js';
import { registerStorageFunctions } from './storageMigration.js';
import { registerScopedSearchFunction } from './scopedSearch.js';
import { cacheStatements } from './statementCache.js';
import { SqliteAgencies } from './agencies.js';
import { SqliteApiKeys } from './apiKeys.js';
import { SqliteAttachments } from './attachments.js';
import { SqliteReportTypes } from './reportTypes.js';
import { SqliteAudit } from './audit.js';
import { SqliteComments } from './comments.js';
import { SqliteCounters } from './counters.js';
import { SqliteDrills } from './drills.js';
import { SqliteEvents } from './events.js';
import { SqliteIdempotency } from './idempotency.js';
import { SqliteIncidents } from './incidents.js';
import { SqliteIncidentCounts } from './incidentCounts.js';
import { SqliteDeliveries, SqliteNotificationPreferences, SqliteNotifications, SqliteWebhooks } from './notifications.js';
import { SqliteOnCall } from './oncall.js';
import { SqlitePlaybooks } from './playbooks.js';
import { sqliteReportsRepositories } from './reports.js';
import { SqliteRoutingRules, SqliteUpwardNotifications } from './routing.js';
import { SqliteSectors } from './sectors.js';
import { SqliteSessions } from './sessions.js';
import { SqliteSlaPolicies, SqliteSlaTimers } from './sla.js';
import { SqliteSystems } from './systems.js';
import { SqliteTeams } from './teams.js';
import { SqliteUsers } from './users.js';

export function openSqliteDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // A new store gets 8 KB pages: an incident's row (about 1 KB since issue #11's compact
  // documents) packs well, and each of the ~60 tables and indexes starts with one page
  // (16 KB pages cost ~100 B per incident at 10k). (An existing store keeps its page size.)
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  registerStorageFunctions(db);
  registerScopedSearchFunction(db);
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

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};
const toPortError = (error: unknown) => {
  if (isUniqueViolation(error)) return new DuplicateKeyError((error as Error).message, { cause: error });
  if (isDiskFull(error)) return new StorageFullError((error as Error).message, { cause: error });
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')))
    return new StoreBusyError((error as Error).message, { cause: error });
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
      incidentCounts: new SqliteIncidentCounts(db),
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
      reportTypes: new SqliteReportTypes(db),
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

/**
 * After a repository call outside a transaction: its commit made durable when it changed
 * rows, else only what was committed before it (a method that reads, like `nextDueAt`,
 * needs no fsync of its own). SQLite's total_changes() counts this connection's changed rows.
 */
function madeDurableBy(db: Db, walSync: WalSync): () => Promise<void> {
  const totalChanges = db.prepare('SELECT total_changes() AS n');
  let seen = -1;
  return () => {
    const { n } = totalChanges.get() as { n: number };
    if (n === seen) return walSync.durable();
    seen = n;
    return walSync.committed();
  };
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
    /** The WAL's fsync off this thread (walSync.ts); without it, COMMIT fsyncs (synchronous=FULL). */
    private readonly walSync: WalSync | null = null,
  ) {
    super();
    cacheStatements(db);
    const txRepos = repositoriesOn(db);
    if (walSync) db.pragma('synchronous = NORMAL');
    this.committer = new GroupCommitter(db, this.mutex, txRepos, undefined, walSync && (() => walSync.committed()));
    const writes = serialiseWrites(txRepos, this.mutex, walSync ? madeDurableBy(db, walSync) : undefined);
    let reads = readDb ? repositoriesOn(cacheStatements(readDb)) : null;
    if (reads && walSync) reads = readsAfter(reads, () => walSync.durable());
    this.repositories = reads ? readsFrom(reads, writes) : serialiseReads(writes, this.mutex);
  }

  static open(file: string): SqliteStore {
    const db = openSqliteDatabase(file);
    const onFile = file !== ':memory:';
    const store = new SqliteStore(db, onFile ? openSqliteDatabase(file) : null, onFile ? new WalSync(`${file}-wal`) : null);
    return store;
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
    await this.walSync?.close();
    await this.mutex.run(async () => {
      this.db.close();
      this.readDb?.close();
    });
  }
}
