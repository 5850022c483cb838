/**
 * A live hub stores incidents oldest first, each newer than the last. The sort key counts
 * reporting time down, so in an ascending index every new incident lands before all others and
 * splits the index's first pages, leaving them about half full. The list-order indexes are
 * declared descending (storageListOrderMigration.ts) so that new incidents append at their end
 * and the pages fill: this test stores incidents the way a live hub does and measures how full
 * those indexes' pages are (SQLite's dbstat).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { incidentRecord } from './helpers/storeContract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-list-order-pages-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIST_ORDER_INDEXES = [
  'incidents_sort',
  'incidents_agency_sort',
  'incidents_status_sort',
  'incidents_category_sort',
  'incidents_severity_sort',
  'incident_teams_team_sort',
];

it('fills the list-order indexes of a store filled as a live hub fills it (oldest first, random ids)', async () => {
  const file = path.join(dir, 'store.sqlite');
  const store = SqliteStore.open(file);
  const start = Date.UTC(2026, 0, 1);
  for (let batch = 0; batch < 10; batch++)
    await store.transaction(async (tx) => {
      for (let k = 0; k < 300; k++) {
        const n = batch * 300 + k;
        const team = `t${n % 4}`;
        await tx.incidents.insert(
          incidentRecord(crypto.randomUUID(), new Date(start + n * 95_000).toISOString(), {
            code: `SC-2026-${String(n + 1).padStart(6, '0')}`,
            agencyId: `a${n % 3}`,
            routing: { teamId: team, ruleId: null, informedTeamIds: [], assigneeIds: [], teamIds: [team], reasons: [] },
          }),
        );
      }
    });
  await store.close();

  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT name, SUM(payload) AS payload, SUM(pgsize) AS bytes, COUNT(*) AS pages FROM dbstat
         WHERE name IN (${LIST_ORDER_INDEXES.map(() => '?').join(', ')}) GROUP BY name`,
      )
      .all(...LIST_ORDER_INDEXES) as { name: string; payload: number; bytes: number; pages: number }[];
    expect(rows.map((r) => r.name).sort()).toEqual([...LIST_ORDER_INDEXES].sort());
    for (const r of rows) {
      // Several pages each, so that how they split shows; an index filled at its front stays near 50 %.
      expect(r.pages, r.name).toBeGreaterThan(3);
      expect(r.payload / r.bytes, `${r.name}: ${r.payload} B of entries in ${r.bytes} B of pages`).toBeGreaterThan(0.7);
    }
  } finally {
    db.close();
  }
});
