/**
 * Group commit for the one SQLite write connection (issue #11). Transactions queued in the
 * same turn of the event loop run one after another inside ONE SQLite transaction, each in
 * its own savepoint, and are committed with one fsync. Each caller is answered only after
 * that COMMIT returned (and, when the fsync runs off this thread — walSync.ts — after it
 * finished), so "acknowledged" still means "on disk"; a transaction that throws
 * is rolled back to its savepoint alone, so the others' work (and their events, written in
 * the same savepoint as their state change) is unaffected.
 *
 * A batch takes what fits in a few milliseconds of work; the rest waits for the next batch,
 * one turn of the event loop later. Node accepts ONE new connection per turn of its event
 * loop (libuv), so a batch of 64 reports worked through in one turn (~60-100 ms) left a newly
 * connected client waiting one such turn per client ahead of it: the 64th waited seconds —
 * the p99 tail at concurrency 64 (issue #11). (The transaction itself never spans turns: a
 * second connection in this process — an operator's script run in-process, a test — would
 * otherwise block the thread waiting for a lock only this thread can release.) For the same
 * reason a committed batch is answered a few callers per turn (their answers present, log and
 * publish), batches strictly in commit order so events still reach the bus in the order they
 * were committed.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import type { Mutex } from '../mutex.js';

interface Pending<R> {
  work: (repos: R) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A batch takes more transactions only while its work so far is shorter than this. */
const BATCH_WORK_MS = 4;
/** Callers of a committed batch answered per turn of the event loop. */
const ANSWERS_PER_TURN = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class GroupCommitter<R> {
  private queue: Pending<R>[] = [];
  private scheduled = false;
  /** The answering of committed batches, one batch after another. */
  private answering: Promise<void> = Promise.resolve();
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackToSavepoint: Statement;

  constructor(
    private readonly db: Db,
    private readonly mutex: Mutex,
    private readonly repos: R,
    private readonly maxBatch = 256,
    /** When COMMIT does not fsync (walSync.ts): resolves once the commit just made is on disk. */
    private readonly madeDurable: (() => Promise<void>) | null = null,
  ) {
    // Prepared once: two statements per transaction in the batch.
    this.savepoint = db.prepare('SAVEPOINT group_item');
    this.release = db.prepare('RELEASE group_item');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO group_item');
  }

  run<T>(work: (repos: R) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Waits one event-loop turn so requests that arrived together share the batch. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.mutex.run(() => this.runBatch());
    });
  }

  private async runBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    let done: { pending: Pending<R>; result: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    // A budget of elapsed time for scheduling, not a domain time: hence not the clock.
    const started = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const pending = batch[i]!;
      if (i > 0 && performance.now() - started >= BATCH_WORK_MS) {
        // The rest go first in the next batch, in their order.
        this.queue.unshift(...batch.splice(i));
        this.schedule();
        break;
      }
      try {
        if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
        this.savepoint.run();
      } catch (error) {
        pending.reject(error);
        continue;
      }
      try {
        const result = await pending.work(this.repos);
        this.release.run();
        done.push({ pending, result });
      } catch (error) {
        if (this.db.inTransaction) {
          this.rollbackToSavepoint.run();
          this.release.run();
        } else {
          // SQLite rolled the whole transaction back (disk full, I/O error): the work of
          // the earlier members is gone too, so none of them may be acknowledged.
          for (const earlier of done) earlier.pending.reject(error);
          done = [];
        }
        pending.reject(error);
      }
    }
    try {
      if (this.db.inTransaction) this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const { pending } of done) pending.reject(error);
      return;
    }
    const committed = done;
    // The next batch is worked on while this one's fsync runs; its callers wait for the fsync.
    const onDisk = this.madeDurable?.();
    onDisk?.catch(() => undefined); // handled below, in turn; not an unhandled rejection meanwhile
    this.answering = this.answering.then(async () => {
      try {
        await onDisk;
      } catch (error) {
        for (const { pending } of committed) pending.reject(error);
        return;
      }
      await this.answer(committed);
    });
  }

  /** Answers the callers of a committed batch, a few per turn of the event loop. */
  private async answer(committed: { pending: Pending<R>; result: unknown }[]): Promise<void> {
    for (let i = 0; i < committed.length; i++) {
      if (i > 0 && i % ANSWERS_PER_TURN === 0) await nextTurn();
      committed[i]!.pending.resolve(committed[i]!.result);
    }
  }
}
