/**
 * Group commit for the one SQLite write connection (issue #11). Transactions queued in the
 * same turn of the event loop run one after another inside ONE SQLite transaction, each in
 * its own savepoint, and are committed with one fsync. Each caller is answered only after
 * that COMMIT returned, so "acknowledged" still means "on disk"; a transaction that throws
 * is rolled back to its savepoint alone, so the others' work (and their events, written in
 * the same savepoint as their state change) is unaffected.
 *
 * A batch's work yields to the event loop every few milliseconds (the transaction stays
 * open; reads use the other connection, writes wait for the mutex). Node accepts ONE new
 * connection per turn of its event loop (libuv), so a batch of 64 reports worked through
 * in one turn (~60-100 ms) left a newly connected client waiting one such turn per client
 * ahead of it: the 64th waited seconds — the p99 tail at concurrency 64 (issue #11).
 */
import type { Database as Db } from 'better-sqlite3';
import type { Mutex } from '../mutex.js';

interface Pending<R> {
  work: (repos: R) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Longest stretch of a batch's work between two turns of the event loop. */
const SLICE_MS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class GroupCommitter<R> {
  private queue: Pending<R>[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly mutex: Mutex,
    private readonly repos: R,
    private readonly maxBatch = 256,
  ) {}

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
    let sliceStart = performance.now();
    for (const pending of batch) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
      try {
        if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('SAVEPOINT group_item');
      } catch (error) {
        pending.reject(error);
        continue;
      }
      try {
        const result = await pending.work(this.repos);
        this.db.exec('RELEASE group_item');
        done.push({ pending, result });
      } catch (error) {
        if (this.db.inTransaction) {
          this.db.exec('ROLLBACK TO group_item');
          this.db.exec('RELEASE group_item');
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
    for (const { pending, result } of done) pending.resolve(result);
  }
}
