/**
 * Issue #11: the WAL must not grow without bound while the hub writes without a pause (a
 * campaign's ingest, the bench's generator). SQLite can start the WAL over only once a
 * checkpoint has copied every frame into the database file; checkpoints taken on another
 * thread, racing a writer that never pauses, never catch up — the full bench measured 40 KB
 * of file per incident at 1M that way. The writer checkpoints in its own commits instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { agencyRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-wal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('back-to-back transactions writing ~50 MB leave a WAL of about one checkpoint interval, and everything survives a reopen', async () => {
  const file = path.join(tmp, 'busy.sqlite');
  const store = SqliteStore.open(file);
  const filler = 'x'.repeat(4000);
  const ids: string[] = [];
  try {
    for (let t = 0; t < 120; t++)
      await store.transaction(async (tx) => {
        for (let k = 0; k < 100; k++) {
          const id = `b${t}-${k}`;
          ids.push(id);
          await tx.agencies.insert(agencyRecord(id, `Cơ quan ${t} ${k} ${filler}`));
        }
      });
    // SQLite checkpoints at 1,000 pages of WAL (8 MB at 8 KB pages); the file keeps its largest size.
    expect(fs.statSync(`${file}-wal`).size).toBeLessThan(24 * 1024 * 1024);
  } finally {
    await store.close();
  }
  const reopened = SqliteStore.open(file);
  try {
    for (const id of [ids[0]!, ids[ids.length >> 1]!, ids.at(-1)!]) expect(await reopened.agencies.get(id)).not.toBeNull();
  } finally {
    await reopened.close();
  }
});
