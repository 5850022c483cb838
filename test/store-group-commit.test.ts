/**
 * Group commit on the SQLite adapter (issue #11): transactions that arrive together share
 * one COMMIT (one fsync), and none of them is answered before that COMMIT has returned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteDatabase, SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { agencyRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-group-commit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const agency = (id: string) => agencyRecord(id, `Cơ quan ${id}`);

it('commits transactions that arrive together with one COMMIT, and answers each only after it', async () => {
  const file = path.join(tmp, 'group.sqlite');
  const writeDb = openSqliteDatabase(file);
  const log: string[] = [];
  const exec = writeDb.exec.bind(writeDb);
  writeDb.exec = (sql: string) => {
    if (sql === 'COMMIT') log.push('COMMIT');
    return exec(sql);
  };
  const store = new SqliteStore(writeDb, openSqliteDatabase(file));
  try {
    const ids = Array.from({ length: 50 }, (_, i) => `g${i}`);
    const commitsSoFar = () => log.filter((entry) => entry === 'COMMIT').length;
    const answeredEarly: string[] = [];
    await Promise.all(
      ids.map(async (id) => {
        const commitsWhenWritten = await store.transaction(async (tx) => {
          await tx.agencies.insert(agency(id));
          return commitsSoFar();
        });
        // The COMMIT that made this write durable must have happened before the answer.
        if (commitsSoFar() <= commitsWhenWritten) answeredEarly.push(id);
        log.push(`answered ${id}`);
      }),
    );
    expect(answeredEarly).toEqual([]);
    const commits = log.filter((entry) => entry === 'COMMIT').length;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThan(ids.length / 5); // grouped, not one fsync per transaction
    expect(log.indexOf('COMMIT')).toBe(0); // nobody was answered before the first COMMIT
    // Every answer follows the COMMIT of its group, and everything answered is visible.
    for (const id of ids) expect(await store.agencies.get(id)).not.toBeNull();

    // A single transaction on its own still commits and answers promptly.
    const before = log.length;
    await store.transaction(async (tx) => tx.agencies.insert(agency('alone')));
    expect(log.slice(before)).toEqual(['COMMIT']);
  } finally {
    await store.close();
  }
});
