/**
 * The catch-up feed's index (eventScopes.ts) on a store written before it: opening the store
 * builds the rows of every existing incident event, so a narrow user's catch-up finds them,
 * and the search index by scope (scopedSearch.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { EVENT_SCOPES_MIGRATION } from './eventScopes.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqliteStore.js';
import { registerStorageFunctions } from './storageMigration.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('indexes existing incident events by their incidents’ current teams and agency', async () => {
  const file = path.join(dir, 'old.sqlite');
  const old = new Database(file);
  registerStorageFunctions(old); // earlier migrations call the functions the store registers
  const before = MIGRATIONS.findIndex((sql) => sql.includes(EVENT_SCOPES_MIGRATION));
  MIGRATIONS.slice(0, before).forEach((sql) => old.exec(sql));
  old.pragma(`user_version = ${before}`);
  const addIncident = (id: string, agencyId: string, teamIds: string[], sortKey: string) => {
    old
      .prepare(
        `INSERT INTO incidents (id, code, agency_id, status, category, severity, serious, is_drill, reported_at, sort_key, search_text, version, doc)
         VALUES (?, ?, ?, 'received', 'phishing', NULL, 0, 0, '2026-11-20T01:00:00.000Z', ?, ?, 1, '{}')`,
      )
      .run(id, `SC-${id}`, agencyId, sortKey, `sc-${id}`);
    for (const teamId of teamIds)
      old
        .prepare('INSERT INTO incident_teams (incident_id, team_id, incident_sort_key, incident_open) VALUES (?, ?, ?, 1)')
        .run(id, teamId, sortKey);
  };
  addIncident('fa', 'a1', ['t1'], '2');
  addIncident('fb', 'a2', ['t1', 't2'], '1');
  const insert = old.prepare(
    'INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)',
  );
  const log: [string, string, string, Record<string, unknown>][] = [
    ['a-created', 'fa', 'incident.created', {}],
    ['b-created', 'fb', 'incident.created', {}],
    ['a-internal', 'fa', 'incident.comment_added', { visibility: 'internal' }],
    ['a-reply', 'fa', 'incident.comment_added', { visibility: 'agency' }],
    ['b-routed', 'fb', 'incident.routed', {}],
  ];
  const names = new Map<number, string>();
  for (const [name, incidentId, type, data] of log)
    names.set(
      Number(
        insert.run(type, 'incident', incidentId, incidentId, 1, '2026-11-20T01:00:00.000Z', null, JSON.stringify(data)).lastInsertRowid,
      ),
      name,
    );
  insert.run('agency.updated', 'agency', 'a1', null, 1, '2026-11-20T01:00:00.000Z', null, '{}');
  old.close();

  const store = SqliteStore.open(file);
  try {
    const page = { limit: 100, scanUpTo: 1_000 };
    const seen = async (scope: Parameters<typeof store.events.listVisibleAfter>[1]) =>
      (await store.events.listVisibleAfter(0, scope, page)).map((e) => names.get(e.seq));
    expect(await seen({ kind: 'agency', agencyId: 'a1', agencyVisibleOnly: true })).toEqual(['a-created', 'a-reply']);
    expect(await seen({ kind: 'agency', agencyId: 'a2', agencyVisibleOnly: true })).toEqual(['b-created']);
    expect(await seen({ kind: 'teams', teamIds: ['t2'] })).toEqual(['b-created', 'b-routed']);
    expect(await seen({ kind: 'teams', teamIds: ['t1', 't2'] })).toEqual(['a-created', 'b-created', 'a-internal', 'a-reply', 'b-routed']);
    // the same migration builds the search index by scope
    const found = async (query: { teamIds?: string[]; agencyIds?: string[] }) =>
      (await store.incidents.list({ limit: 10, q: 'sc-f', ...query })).items.length;
    expect([await found({ teamIds: ['t1'] }), await found({ teamIds: ['t2'] }), await found({ agencyIds: ['a1'] })]).toEqual([2, 1, 1]);
  } finally {
    await store.close();
  }
});
