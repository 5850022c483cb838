/**
 * Issue #11: the WAL's fsync runs off the hub's thread (walSync.ts). The guarantees stay:
 * a transaction — in a group commit or a write on its own — is answered only after an fsync
 * that started after its COMMIT finished, and a read waits until what was committed before
 * it is on disk. The fsync is held back here to see who waits for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { agencyRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-wal-sync-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const realFsync = fs.fsync;
afterEach(() => {
  fs.fsync = realFsync;
});

/** fsyncs start as asked but finish only when released; what happened is logged in order. */
function holdFsyncs(log: string[]) {
  const held: (() => void)[] = [];
  fs.fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    log.push('fsync started');
    held.push(() =>
      realFsync(fd, (error) => {
        log.push('fsync finished');
        callback(error);
      }),
    );
  }) as typeof fs.fsync;
  return {
    releaseAll: () => held.splice(0).forEach((release) => release()),
    pending: () => held.length,
  };
}

/** Lets every ready callback and timer of this turn run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

it('a group commit is answered only after its fsync, and reads wait for it too', async () => {
  const store = SqliteStore.open(path.join(tmp, 'group.sqlite'));
  try {
    await store.agencies.insert(agencyRecord('before', 'Cơ quan có trước')); // the WAL exists
    const log: string[] = [];
    const fsyncs = holdFsyncs(log);
    const written = Promise.all(
      ['w1', 'w2', 'w3'].map((id) =>
        store.transaction(async (tx) => tx.agencies.insert(agencyRecord(id, `Cơ quan ${id}`))).then(() => log.push(`answered ${id}`)),
      ),
    );
    await settle();
    expect(fsyncs.pending()).toBeGreaterThan(0);
    expect(log.filter((entry) => entry.startsWith('answered'))).toEqual([]);
    // Committed, not yet on disk: a read waits (it would otherwise show what a power cut could undo).
    let read: unknown = 'not yet';
    const reading = store.agencies.get('w1').then((agency) => (read = agency));
    await settle();
    expect(read).toBe('not yet');
    while (fsyncs.pending() > 0) {
      fsyncs.releaseAll();
      await settle();
    }
    await written;
    await reading;
    expect(read).toMatchObject({ id: 'w1' });
    const firstAnswer = log.findIndex((entry) => entry.startsWith('answered'));
    expect(log.slice(0, firstAnswer)).toContain('fsync finished');
  } finally {
    fs.fsync = realFsync;
    await store.close();
  }
});

it('a write outside a transaction is answered only after its fsync', async () => {
  const store = SqliteStore.open(path.join(tmp, 'single.sqlite'));
  try {
    await store.agencies.insert(agencyRecord('first', 'Cơ quan đầu tiên'));
    const log: string[] = [];
    const fsyncs = holdFsyncs(log);
    let answered = false;
    const writing = store.agencies.insert(agencyRecord('alone', 'Cơ quan một mình')).then(() => (answered = true));
    await settle();
    expect(answered).toBe(false);
    expect(fsyncs.pending()).toBe(1);
    fsyncs.releaseAll();
    await writing;
    expect(log).toEqual(['fsync started', 'fsync finished']);
  } finally {
    fs.fsync = realFsync;
    await store.close();
  }
});

it('a call outside a transaction that changed nothing (a read by its name, like nextDueAt) starts no fsync', async () => {
  const store = SqliteStore.open(path.join(tmp, 'reading.sqlite'));
  try {
    await store.agencies.insert(agencyRecord('only', 'Cơ quan duy nhất'));
    const log: string[] = [];
    holdFsyncs(log);
    expect(await store.slaTimers.nextDueAt()).toBeNull();
    expect(await store.deliveries.nextDueAt()).toBeNull();
    expect(log).toEqual([]);
  } finally {
    fs.fsync = realFsync;
    await store.close();
  }
});

it('an fsync that fails is never an acknowledgement', async () => {
  const store = SqliteStore.open(path.join(tmp, 'failing.sqlite'));
  try {
    await store.agencies.insert(agencyRecord('ok', 'Cơ quan ổn'));
    fs.fsync = ((_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) =>
      void setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })))) as unknown as typeof fs.fsync;
    await expect(store.transaction(async (tx) => tx.agencies.insert(agencyRecord('lost', 'Cơ quan mất')))).rejects.toThrow('EIO');
  } finally {
    fs.fsync = realFsync;
    await store.close();
  }
});
