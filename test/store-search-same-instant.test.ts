/**
 * Search keeps incidents in list order through their index rowids (sqlite/listOrderRowids.ts;
 * they used to be a slot of rowids per reporting millisecond). Many incidents in one
 * millisecond — a frozen clock, a bulk import — must still all be stored and found: with
 * slots, the 1,025th hit the next slot's rowid and the report was refused as a duplicate (409).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import type { IncidentRecord } from '../server/src/store/port.js';
import { incidentRecord, NOW } from './helpers/storeContract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-same-instant-'));
const store = SqliteStore.open(path.join(dir, 'store.sqlite'));
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('stores and finds 1,100 incidents reported in the same millisecond', async () => {
  const total = 1_100;
  for (let n = 0; n < total; n++) {
    const id = `same-${String(n).padStart(5, '0')}`;
    await store.transaction((tx) => tx.incidents.insert(incidentRecord(id, NOW, { title: `Thư giả mạo số ${n}` })));
  }
  expect(await store.incidents.count()).toBe(total);
  const found = new Set<string>();
  let cursor: string | undefined;
  do {
    const page: { items: IncidentRecord[]; nextCursor: string | null } = await store.incidents.list({
      q: 'thu gia mao',
      limit: 200,
      cursor,
    });
    for (const i of page.items) found.add(i.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(found.size).toBe(total);
});
