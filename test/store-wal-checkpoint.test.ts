/**
 * Issue #11: WAL checkpoints run on a worker thread, not inside the hub's commits. Committed
 * pages still reach the database file (the WAL does not grow without bound), and a store
 * closed and opened again has everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { agencyRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-checkpoint-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const until = async (condition: () => boolean, what: string) => {
  const deadline = performance.now() + 10_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

it('commits are checkpointed into the database file by the worker, and survive a reopen', async () => {
  const file = path.join(tmp, 'store.sqlite');
  const store = SqliteStore.open(file);
  const sizeOnDisk = () => fs.statSync(file).size;
  const before = sizeOnDisk();
  const ids = Array.from({ length: 400 }, (_, i) => `cp${i}`);
  for (let i = 0; i < ids.length; i += 40)
    await store.transaction(async (tx) => {
      for (const id of ids.slice(i, i + 40)) await tx.agencies.insert(agencyRecord(id, `Cơ quan kiểm tra ${id} ${'x'.repeat(300)}`));
    });
  // Only a checkpoint writes the database file itself; the commits went to the WAL (far below
  // the 1,000 pages at which a connection would checkpoint on its own).
  await until(() => sizeOnDisk() > before, 'a checkpoint');
  await store.close();

  const reopened = SqliteStore.open(file);
  try {
    for (const id of ids) expect(await reopened.agencies.get(id)).not.toBeNull();
  } finally {
    await reopened.close();
  }
});
