/**
 * Migration 4: a store written before events recorded "what changed" holds incident.created
 * events with a full incident snapshot (internal fields included). Opening it converts them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqliteStore.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('converts incident.created snapshots to what changed, and leaves other events alone', async () => {
  const file = path.join(dir, 'old.sqlite');
  const old = new Database(file);
  MIGRATIONS.slice(0, 3).forEach((sql) => old.exec(sql));
  old.pragma('user_version = 3');
  const snapshot = {
    incident: {
      id: 'i1',
      code: 'SC-2026-000001',
      title: 'Trang chủ bị thay đổi',
      category: 'defacement',
      agencyId: 'a1',
      reportedVia: 'agency',
      serious: true,
      lateReport: false,
      tags: ['nội-bộ'],
      assigneeIds: ['u9'],
    },
  };
  const insert = old.prepare(
    'INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)',
  );
  insert.run('incident.created', 'incident', 'i1', 'i1', 1, '2026-11-20T01:00:00.000Z', 'u1', JSON.stringify(snapshot));
  insert.run(
    'incident.comment_added',
    'incident',
    'i1',
    'i1',
    1,
    '2026-11-20T01:01:00.000Z',
    'u1',
    JSON.stringify({ commentId: 'c1', visibility: 'agency' }),
  );
  old.close();

  const store = SqliteStore.open(file);
  try {
    const [created, comment] = await store.events.listAfter(0, 10);
    expect(created!.data).toEqual({
      code: 'SC-2026-000001',
      title: 'Trang chủ bị thay đổi',
      category: 'defacement',
      agencyId: 'a1',
      reportedVia: 'agency',
      serious: true,
      lateReport: false,
    });
    expect(comment!.data).toEqual({ commentId: 'c1', visibility: 'agency' });
  } finally {
    await store.close();
  }
});
