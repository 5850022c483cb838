/**
 * WAL checkpoints on a worker thread (issue #11). By default SQLite checkpoints inside the
 * COMMIT that grows the WAL past 1,000 pages: the writing thread — the hub's only thread —
 * then copies pages into the database file and fsyncs it (~30% of the commit time at
 * ingest). Here the write connection never checkpoints; a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block a writer or a reader) a few times a
 * second (one with nothing to copy costs microseconds). Durability is unchanged: a commit is on disk once its WAL frames are
 * (synchronous=FULL); a checkpoint only moves them into the database file.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database as Db } from 'better-sqlite3';

/** How often the worker checkpoints (one at a time). */
const INTERVAL_MS = 250;

// Plain CommonJS so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('wal_autocheckpoint = 0');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage('done');
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private inFlight = false;
  private closed = false;

  /** Takes over checkpointing for `db` (the write connection of `file`). */
  constructor(
    private readonly db: Db,
    file: string,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    });
    this.worker.unref();
    this.worker.on('message', () => {
      this.inFlight = false;
    });
    // Without the worker, the write connection checkpoints again itself.
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
    db.pragma('wal_autocheckpoint = 0');
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  private tick() {
    if (this.inFlight || this.closed) return;
    this.inFlight = true;
    this.worker.postMessage('checkpoint');
  }

  private fallBack() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await exited;
  }
}
