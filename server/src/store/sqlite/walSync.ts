/**
 * The fsync that makes a commit durable, off the hub's thread (issue #11). With
 * synchronous=FULL SQLite fsyncs the WAL inside COMMIT: the hub's only thread waited for the
 * disk (1-4 ms per group commit here) and did nothing else meanwhile — the largest share of an
 * acknowledged report's time. The write connection now commits with synchronous=NORMAL (the
 * WAL is written, not fsynced; SQLite's crash consistency is the same) and this fsyncs the
 * WAL file on libuv's thread pool while the next group is worked on.
 *
 * The guarantees stay: a transaction is answered only once an fsync that started after its
 * COMMIT has finished (acknowledged = on disk), and a read outside a transaction waits until
 * everything committed before it is on disk, so nothing not yet durable is ever shown.
 */
import fs from 'node:fs';
import path from 'node:path';

function syncDirectory(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface Waiter {
  generation: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WalSync {
  private fd: number | null = null;
  /** Commits so far, and how many of them an fsync has made durable. */
  private committedGeneration = 0;
  private syncedGeneration = 0;
  private syncing = false;
  private waiters: Waiter[] = [];

  constructor(private readonly walFile: string) {}

  /** After a COMMIT: resolves once it is on disk. */
  committed(): Promise<void> {
    const generation = ++this.committedGeneration;
    const done = this.waitFor(generation);
    this.startSync();
    return done;
  }

  /** Resolves once everything committed so far is on disk. */
  durable(): Promise<void> {
    if (this.syncedGeneration >= this.committedGeneration) return Promise.resolve();
    const done = this.waitFor(this.committedGeneration);
    this.startSync(); // after a failed fsync, nothing else would retry it
    return done;
  }

  private waitFor(generation: number): Promise<void> {
    return new Promise<void>((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
  }

  private startSync() {
    if (this.syncing) return; // the running fsync's end starts the next one
    this.syncing = true;
    const target = this.committedGeneration;
    const finished = (error: unknown) => {
      this.syncing = false;
      const covered = this.waiters.filter((w) => w.generation <= target);
      this.waiters = this.waiters.filter((w) => w.generation > target);
      if (error) for (const w of covered) w.reject(error);
      else {
        this.syncedGeneration = target;
        for (const w of covered) w.resolve();
      }
      if (this.committedGeneration > target) this.startSync();
    };
    try {
      // The WAL exists once the write connection committed; SQLite keeps it (same inode) while connections are open.
      if (this.fd === null) {
        const fd = fs.openSync(this.walFile, 'r+');
        try {
          // SQLite (synchronous=FULL) makes a new WAL's directory entry durable too; with the
          // fsync taken over here, so is that: once, when the file is first opened.
          syncDirectory(path.dirname(this.walFile));
        } catch (error) {
          fs.closeSync(fd);
          throw error;
        }
        this.fd = fd;
      }
    } catch (error) {
      finished(error);
      return;
    }
    fs.fsync(this.fd, (error) => finished(error));
  }

  /** After the last commit was made durable. */
  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
