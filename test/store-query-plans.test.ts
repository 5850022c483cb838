/**
 * Every list query the console and API make is served by an index (issue #11): each case
 * runs a real list call on the SQLite adapter, captures the SQL it ran, and asks SQLite for
 * its plan. A plan that scans a table (or walks a whole table's sort index to filter it)
 * fails, so a filter added without its index, or a rewrite the planner cannot use, shows here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { OPEN_STATUSES, type EventScope } from '@cert-hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentListQuery, Store } from '../server/src/store/port.js';
import { incidentRecord } from './helpers/storeContract.js';
import { openSqliteDatabase, SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-plans-'));
const file = path.join(tmp, 'plans.sqlite');
let store: Store;
let readDb: Db;
const captured: { sql: string; args: unknown[] }[] = [];

/** Records the SQL and arguments of every query the read connection runs. */
function recordQueries(db: Db) {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement);
    statement.all = (...args: unknown[]) => {
      captured.push({ sql, args });
      return all(...args);
    };
    const iterate = statement.iterate.bind(statement);
    statement.iterate = (...args: unknown[]) => {
      captured.push({ sql, args });
      return iterate(...args);
    };
    return statement;
  }) as Db['prepare'];
}

const plan = (sql: string, args: unknown[]) =>
  (readDb.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);

const TABLES = ['incidents', 'incident_teams', 'agencies', 'systems', 'teams', 'users', 'user_teams'];

/** Runs one list call and returns the plan of the query it made. */
async function planOf(run: (s: Store) => Promise<unknown>): Promise<string[]> {
  captured.length = 0;
  await run(store);
  const last = captured[captured.length - 1];
  if (!last) throw new Error('the list call ran no query');
  return plan(last.sql, last.args);
}

function expectIndexed(lines: string[], index: string) {
  const text = lines.join('\n');
  for (const table of TABLES) {
    // A bare SCAN reads every row; a SCAN of the sort index reads every row in order.
    expect(text, `plan scans ${table}:\n${text}`).not.toMatch(new RegExp(`SCAN ${table}( |$)(?!USING (COVERING )?INDEX ${index})`, 'm'));
  }
  expect(text, `plan does not use ${index}:\n${text}`).toContain(index);
}

beforeAll(async () => {
  const writeDb = openSqliteDatabase(file);
  readDb = openSqliteDatabase(file);
  recordQueries(readDb);
  store = new SqliteStore(writeDb, readDb);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const page = { limit: 50 };
const cursor = Buffer.from(JSON.stringify(['000', 'x'])).toString('base64url');
const cases: [string, (s: Store) => Promise<unknown>, string][] = [
  ['all incidents (CERT board, first page)', (s) => s.incidents.list(page), 'incidents_sort'],
  ['all incidents, a deep page', (s) => s.incidents.list({ ...page, cursor }), 'incidents_sort'],
  ['open incidents (the board)', (s) => s.incidents.list({ ...page, statuses: OPEN_STATUSES }), 'incidents_open_sort'],
  [
    'one team, open (a responder’s board)',
    (s) => s.incidents.list({ ...page, teamIds: ['t1'], statuses: OPEN_STATUSES }),
    'incident_teams_team_open_sort',
  ],
  ['one team, all', (s) => s.incidents.list({ ...page, teamIds: ['t1'] }), 'incident_teams_team_sort'],
  ['one team, a deep page', (s) => s.incidents.list({ ...page, teamIds: ['t1'], cursor }), 'incident_teams_team_sort'],
  ['several teams', (s) => s.incidents.list({ ...page, teamIds: ['t1', 't2'] }), 'incident_teams_team'],
  ['one agency (a focal point)', (s) => s.incidents.list({ ...page, agencyIds: ['a1'] }), 'incidents_agency_sort'],
  ['several agencies', (s) => s.incidents.list({ ...page, agencyIds: ['a1', 'a2'] }), 'incidents_agency_sort'],
  ['status', (s) => s.incidents.list({ ...page, status: 'triage' }), 'incidents_status_sort'],
  ['category', (s) => s.incidents.list({ ...page, category: 'phishing' }), 'incidents_category_sort'],
  ['severity', (s) => s.incidents.list({ ...page, severity: 'high' }), 'incidents_severity_sort'],
  ['serious', (s) => s.incidents.list({ ...page, serious: true }), 'incidents_serious_sort'],
  ['drill', (s) => s.incidents.list({ ...page, drill: true }), 'incidents_drill_sort'],
  ['date range', (s) => s.incidents.list({ ...page, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }), 'incidents_sort'],
  ['search', (s) => s.incidents.list({ ...page, q: 'thay doi giao dien' }), 'incidents_fts'],
  ['search in one agency', (s) => s.incidents.list({ ...page, q: 'ma doc', agencyIds: ['a1'] }), 'incidents_scoped_fts'],
  ['search in teams', (s) => s.incidents.list({ ...page, q: 'ma doc', teamIds: ['t1', 't2'] }), 'incidents_scoped_fts'],
  ['agencies', (s) => s.agencies.list(page), 'agencies_sort'],
  ['agencies by type', (s) => s.agencies.list({ ...page, type: 'provincial_department' }), 'agencies_type_sort'],
  ['agencies search', (s) => s.agencies.list({ ...page, q: 'so tai chinh hoa lam' }), 'agencies_fts'],
  ['systems of agencies', (s) => s.systems.list({ ...page, agencyIds: ['a1'] }), 'systems_agency'],
  ['systems by level', (s) => s.systems.list({ ...page, level: 4 }), 'systems_level_sort'],
  ['systems search', (s) => s.systems.list({ ...page, q: 'cong thong tin' }), 'systems_fts'],
  ['teams', (s) => s.teams.list(page), 'teams_sort'],
  ['teams by kind', (s) => s.teams.list({ ...page, kind: 'provincial_cert' }), 'teams_kind_sort'],
  ['teams search', (s) => s.teams.list({ ...page, q: 'ung cuu' }), 'teams_fts'],
  ['users', (s) => s.users.list(page), 'users_sort'],
  ['users by role', (s) => s.users.list({ ...page, role: 'responder' }), 'users_role_sort'],
  ['users of an agency', (s) => s.users.list({ ...page, agencyId: 'a1' }), 'users_agency_sort'],
  ['users of a team', (s) => s.users.list({ ...page, teamId: 't1' }), 'user_teams_team'],
  ['users search', (s) => s.users.list({ ...page, q: 'nguyen van' }), 'users_fts'],
];

describe('every list query is served by an index (EXPLAIN QUERY PLAN)', () => {
  for (const [name, run, index] of cases) {
    it(name, async () => {
      const lines = await planOf(run);
      if (process.env.SHOW_PLANS) process.stdout.write(`${name}\n  ${lines.join('\n  ')}\n`);
      expectIndexed(lines, index);
    });
  }
});

describe('searches and the catch-up feed read no more than a page (EXPLAIN QUERY PLAN)', () => {
  it('a search walks the text index in list order: no sort of everything that matched', async () => {
    const searches: [Omit<IncidentListQuery, 'limit'>, string][] = [
      [{ q: 'thay doi giao dien' }, 'incidents_fts'],
      // within a scope: the scoped index (its doclists are empty where the scope has no match)
      [{ q: 'ma doc', agencyIds: ['a1'] }, 'incidents_scoped_fts'],
      [{ q: 'ma doc', teamIds: ['t1'], cursor }, 'incidents_scoped_fts'],
    ];
    for (const [q, index] of searches) {
      const text = (await planOf((s) => s.incidents.list({ ...page, ...q }))).join('\n');
      expect(text, text).toMatch(new RegExp(`^SCAN ${index} VIRTUAL TABLE`));
      expect(text, text).not.toMatch(/TEMP B-TREE|LIST SUBQUERY|SCAN incident_teams/);
    }
  });

  it('the dashboard’s serious real incidents of a year walk the serious index in list order, not every real incident', async () => {
    // A real (non-drill) filter must not pick the (is_drill, reported_at) index: nearly every
    // incident is real, so that reads the whole year and sorts it (≈0.5 s at 1M incidents).
    const year = { from: '2025-11-29T00:00:00Z', to: '2026-11-29T00:00:00Z' };
    for (const q of [
      { serious: true, drill: false, ...year },
      { serious: true, drill: false },
    ]) {
      const text = (await planOf((s) => s.incidents.list({ ...page, ...q }))).join('\n');
      expect(text, text).toContain('incidents_serious_sort');
      expect(text, text).not.toMatch(/TEMP B-TREE|incidents_reported/);
    }
  });

  it('a search’s next page starts from the next incident in list order, found by the list-order index', async () => {
    for (const q of [{ q: 'thay doi giao dien' }, { q: 'ma doc', agencyIds: ['a1'] }]) {
      const text = (await planOf((s) => s.incidents.list({ ...page, ...q, cursor }))).join('\n');
      expect(text, text).toMatch(/SEARCH i USING COVERING INDEX incidents_sort \(\(sort_key,id\)>\(\?,\?\)\)/);
      expect(text, text).not.toMatch(/TEMP B-TREE|SCAN (i|m|incidents|incidents_fts_ids)\b/);
    }
  });

  it('the statistics’ rows of a partial day are read along the list-order index, each by its key', async () => {
    const text = (await planOf((s) => s.stats.listStatsRows!({ from: '2026-11-18T00:00:00.000Z', to: '2026-11-18T17:00:00.000Z' }))).join(
      '\n',
    );
    expect(text, text).toMatch(/SEARCH i USING COVERING INDEX incidents_sort \(sort_key>\? AND sort_key<\?\)/);
    expect(text, text).toMatch(/SEARCH s USING PRIMARY KEY \(incident_id=\?\)/);
    expect(text, text).not.toMatch(/SCAN/);
  });

  it('the figures recomputed from incidents read a range along the list-order index', async () => {
    const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
    const counts = captured.length;
    await store.stats.counts(range);
    for await (const history of store.stats.listStatusHistories(range)) void history;
    const plans = captured.slice(counts).filter((q) => /FROM incidents/.test(q.sql));
    expect(plans.length).toBe(2); // the counts' pass and the histories' first batch
    for (const q of plans) {
      const text = plan(q.sql, q.args).join('\n');
      if (process.env.SHOW_PLANS) process.stdout.write(`${text}\n`);
      expect(text, text).toMatch(/SEARCH incidents USING INDEX incidents_sort \(sort_key>\? AND sort_key<\?\)/);
      expect(text, text).not.toMatch(/SCAN|USE TEMP B-TREE FOR ORDER BY/);
    }
  });

  it("a narrow user's catch-up is an index range over their own rows of the feed index, cut at the page", async () => {
    // The scopes exist once an incident is routed to them.
    const routed = { teamId: 't1', ruleId: null, informedTeamIds: ['t2'], assigneeIds: [], teamIds: ['t1', 't2'], reasons: [] };
    await store.incidents.insert({ ...incidentRecord('plan-feed', '2026-11-18T01:00:00.000Z', { agencyId: 'a1' }), routing: routed });
    const scopes: EventScope[] = [
      { kind: 'agency', agencyId: 'a1', agencyVisibleOnly: true },
      { kind: 'teams', teamIds: ['t1'] },
      { kind: 'teams', teamIds: ['t1', 't2'] },
    ];
    for (const scope of scopes) {
      const text = (await planOf((s) => s.events.listVisibleAfter(0, scope, { limit: 50, scanUpTo: 1000 }))).join('\n');
      expect(text, text).toMatch(/SEARCH event_scopes USING PRIMARY KEY \(scope_id=\? AND seq>\? AND seq<\?\)/);
      expect(text, text).toMatch(/SEARCH e USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(text, text).not.toMatch(/SCAN (e|events|incidents|incident_teams)\b/);
    }
  });
});
