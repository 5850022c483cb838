/**
 * The incidents' search indexes number incidents densely in list order (sqlite/listOrderRowids.ts):
 * a search walks an index in rowid order and stops after a page, so its pages must be exactly
 * the list's order, whatever order the incidents were stored in — newest last (a live hub),
 * oldest last (a bulk import), back-dated reports in between, many in one millisecond (the
 * case that makes room by shifting rows in both indexes), and an incident whose reporting
 * time is corrected. An existing store is renumbered by the migration with the same results.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { MIGRATIONS } from '../server/src/store/sqlite/migrations.js';
import { FIRST_LIST_ORDER_ROWID, LIST_ORDER_GAP } from '../server/src/store/sqlite/listOrderRowids.js';
import { STORAGE_LIST_ORDER_MIGRATION } from '../server/src/store/sqlite/storageListOrderMigration.js';
import type { IncidentListQuery, IncidentRecord } from '../server/src/store/port.js';
import { incidentRecord } from './helpers/storeContract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-list-order-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const routing = (team: string) => ({
  teamId: team,
  ruleId: null,
  informedTeamIds: [],
  assigneeIds: [],
  teamIds: [team],
  reasons: ['standing_team'],
});
const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 10, 1) + minute * 60_000 + ms).toISOString();
/** Incidents of two teams, the words "thu gia mao" in every third one. */
const incident = (id: string, reportedAt: string, n: number) =>
  incidentRecord(id, reportedAt, {
    title: n % 3 === 0 ? `Thư giả mạo lãnh đạo số ${n}` : `Trang chủ bị thay đổi giao diện ${n}`,
    routing: routing(n % 2 ? 't1' : 't2'),
  });

async function allPages(store: SqliteStore, query: Omit<IncidentListQuery, 'limit' | 'cursor'>, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page: { items: IncidentRecord[]; nextCursor: string | null } = await store.incidents.list({ ...query, limit, cursor });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** What every search must return: the list's own order (sort key, id), filtered by words and team. */
function expected(db: Database.Database, words: boolean, team?: string) {
  return (
    db
      .prepare(
        `SELECT id FROM incidents WHERE (? = 0 OR search_text LIKE '%thu gia mao%')
           AND (? IS NULL OR id IN (SELECT incident_id FROM incident_teams WHERE team_id = ?)) ORDER BY sort_key, id`,
      )
      .all(words ? 1 : 0, team ?? null, team ?? null) as { id: string }[]
  ).map((r) => r.id);
}

/** The index rowids in rowid order name the incidents in list order, and both indexes hold every incident once. */
function expectIndexesInListOrder(db: Database.Database) {
  const byRowid = (db.prepare('SELECT id FROM incidents_fts_ids ORDER BY fts_rowid').all() as { id: string }[]).map((r) => r.id);
  const listed = (db.prepare('SELECT id FROM incidents ORDER BY sort_key, id').all() as { id: string }[]).map((r) => r.id);
  expect(byRowid).toEqual(listed);
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}_docsize`).get() as { n: number }).n;
  expect(count('incidents_fts')).toBe(listed.length);
  expect(count('incidents_scoped_fts')).toBe(listed.length);
  const rowids = (table: string) => (db.prepare(`SELECT id FROM ${table}_docsize ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const mapped = (db.prepare('SELECT fts_rowid FROM incidents_fts_ids ORDER BY fts_rowid').all() as { fts_rowid: number }[]).map(
    (r) => r.fts_rowid,
  );
  expect(rowids('incidents_fts')).toEqual(mapped);
  expect(rowids('incidents_scoped_fts')).toEqual(mapped);
  // FTS5's own check of each index's structure after the moves (a write command: its own connection).
  const writable = new Database(db.name);
  try {
    for (const table of ['incidents_fts', 'incidents_scoped_fts'])
      writable.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
  } finally {
    writable.close();
  }
}

async function expectSearchesInListOrder(store: SqliteStore, db: Database.Database) {
  for (const limit of [1, 7, 50]) {
    expect(await allPages(store, { q: 'thu gia mao' }, limit)).toEqual(expected(db, true));
    expect(await allPages(store, { q: 'thu gia mao', teamIds: ['t1'] }, limit)).toEqual(expected(db, true, 't1'));
    expect(await allPages(store, { q: 'thu gia mao', teamIds: ['t1', 't2'] }, limit)).toEqual(expected(db, true));
  }
  // A search word in every incident: the whole store in list order.
  expect(await allPages(store, { q: 'SC-2026' }, 13)).toEqual(expected(db, false));
}

describe('list-order rowids of the incidents search indexes', () => {
  const file = path.join(dir, 'store.sqlite');
  const store = SqliteStore.open(file);
  const db = new Database(file, { readonly: true });
  afterAll(async () => {
    db.close();
    await store.close();
  });
  const insert = (i: IncidentRecord) => store.transaction((tx) => tx.incidents.insert(i));

  it('keeps the list order for incidents stored newest last, oldest last, back-dated and in one millisecond', async () => {
    let n = 0;
    // A live hub: each report newer than the last (rowids count down from the first).
    for (let m = 100; m < 140; m++) await insert(incident(`live-${m}`, at(m), n++));
    // A bulk import: each older than every stored one.
    for (let m = 99; m > 60; m--) await insert(incident(`import-${m}`, at(m), n++));
    // Back-dated reports between stored ones, twice into the same gap.
    for (const m of [120.5, 120.25, 120.75, 80.5, 80.5]) await insert(incident(`late-${m}-${n}`, at(m), n++));
    // Forty reports in one millisecond, each sorting between the previous ones: gaps run out
    // and the packed rows after the new one move up in both indexes.
    const ids = Array.from({ length: 40 }, (_, k) => `same-${String(k % 2 ? 40 - k : k).padStart(2, '0')}`);
    for (const id of ids) await insert(incident(id, at(130, 1), n++));
    const rowids = (db.prepare('SELECT fts_rowid AS r FROM incidents_fts_ids').all() as { r: number }[]).map((r) => r.r);
    expect(rowids.some((r) => (r - FIRST_LIST_ORDER_ROWID) % LIST_ORDER_GAP !== 0)).toBe(true);
    expectIndexesInListOrder(db);
    await expectSearchesInListOrder(store, db);
  });

  it('moves an incident whose reporting time is corrected, and follows changed words and teams', async () => {
    const moved = (await store.incidents.get('live-110'))!;
    await store.transaction((tx) => tx.incidents.update({ ...moved, reportedAt: at(130, 1), version: 2 }, 1));
    const renamed = (await store.incidents.get('import-70'))!;
    await store.transaction((tx) =>
      tx.incidents.update(
        {
          ...renamed,
          title: 'Thư giả mạo mới',
          routing: routing('t1'),
          version: 2,
        },
        1,
      ),
    );
    expectIndexesInListOrder(db);
    await expectSearchesInListOrder(store, db);
    expect(await allPages(store, { q: 'thu gia mao moi', teamIds: ['t1'] }, 5)).toEqual(['import-70']);
  });

  it('renumbers an existing store in list order with the same search results', async () => {
    const before = {
      all: await allPages(store, { q: 'thu gia mao' }, 9),
      team: await allPages(store, { q: 'thu gia mao', teamIds: ['t2'] }, 9),
    };
    const copy = path.join(dir, 'migrated.sqlite');
    db.exec(`VACUUM INTO '${copy}'`);
    const old = new Database(copy);
    const position = MIGRATIONS.indexOf(STORAGE_LIST_ORDER_MIGRATION);
    expect(position).toBeGreaterThan(0);
    old.pragma(`user_version = ${position}`);
    // Scrambled rowids, as the earlier layout (sort key × 1024 + serial) left them.
    old.exec(`UPDATE incidents_fts_ids SET fts_rowid = fts_rowid * 1024 + 7`);
    old.close();
    const migrated = SqliteStore.open(copy);
    const migratedDb = new Database(copy, { readonly: true });
    try {
      const rowids = (migratedDb.prepare('SELECT fts_rowid AS r FROM incidents_fts_ids ORDER BY fts_rowid').all() as { r: number }[]).map(
        (r) => r.r,
      );
      expect(rowids).toEqual(rowids.map((_, k) => FIRST_LIST_ORDER_ROWID + k * LIST_ORDER_GAP));
      expectIndexesInListOrder(migratedDb);
      expect(await allPages(migrated, { q: 'thu gia mao' }, 9)).toEqual(before.all);
      expect(await allPages(migrated, { q: 'thu gia mao', teamIds: ['t2'] }, 9)).toEqual(before.team);
      // A new report after the migration takes its place before the first.
      await migrated.transaction((tx) => tx.incidents.insert(incident('after-migration', at(200), 3)));
      expectIndexesInListOrder(migratedDb);
      expect((await allPages(migrated, { q: 'thu gia mao' }, 9))[0]).toBe('after-migration');
    } finally {
      migratedDb.close();
      await migrated.close();
    }
  });
});
