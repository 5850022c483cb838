/**
 * Migration 4 converts an existing store: incidents and agencies written by the previous
 * schema are found by the new full-text search, and a team's board (served from the team
 * rows' copy of the order and open flag) lists them, newest first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OPEN_STATUSES } from '@cert-hub/shared';
import { afterAll, expect, it } from 'vitest';
import { incidentKeys, agencyKeys } from '../server/src/store/searchKeys.js';
import { MIGRATIONS } from '../server/src/store/sqlite/migrations.js';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import type { IncidentRecord } from '../server/src/store/port.js';
import { agencyRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-migration-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const agency = agencyRecord('a1', 'Sở Tài chính tỉnh Hòa Lâm', { type: 'provincial_department' });
const incident = (id: string, reportedAt: string, status: IncidentRecord['status'], title: string) =>
  ({
    id,
    code: `SC-2026-${id}`,
    agencyId: 'a1',
    title,
    description: 'Mô tả',
    systemName: null,
    detectionMethod: null,
    actionsTaken: null,
    indicators: [],
    status,
    category: 'defacement',
    severity: null,
    serious: false,
    drill: null,
    reportedAt,
    routing: { ownerTeamId: 't1', teamIds: ['t1'], reasons: [] },
    version: 1,
  }) as unknown as IncidentRecord;

it('finds and lists records written before migration 4', async () => {
  const file = path.join(tmp, 'old.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  MIGRATIONS.slice(0, 3).forEach((sql, i) => {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  });
  const ak = agencyKeys(agency);
  db.prepare('INSERT INTO agencies (id, sort_key, search_text, type, merged_into_id, version, doc) VALUES (?,?,?,?,?,?,?)').run(
    agency.id,
    ak.sortKey,
    ak.searchText,
    agency.type,
    null,
    1,
    JSON.stringify(agency),
  );
  const rows = [
    incident('old-open', '2026-11-19T01:00:00.000Z', 'triage', 'Trang chủ bị thay đổi giao diện'),
    incident('old-closed', '2026-11-18T01:00:00.000Z', 'closed', 'Thư lừa đảo giả danh ngân hàng'),
    incident('newer-open', '2026-11-20T01:00:00.000Z', 'received', 'Mã độc tống tiền'),
  ];
  for (const i of rows) {
    const k = incidentKeys(i);
    db.prepare(
      `INSERT INTO incidents (id, code, agency_id, status, category, severity, serious, is_drill, reported_at, sort_key, search_text, version, doc)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(i.id, i.code, 'a1', i.status, i.category, null, 0, 0, i.reportedAt, k.sortKey, k.searchText, 1, JSON.stringify(i));
    db.prepare('INSERT INTO incident_teams (incident_id, team_id) VALUES (?, ?)').run(i.id, 't1');
  }
  db.close();

  const store = SqliteStore.open(file); // applies migration 4
  try {
    const ids = async (q: Parameters<SqliteStore['incidents']['list']>[0]) => (await store.incidents.list(q)).items.map((i) => i.id);
    expect((await store.agencies.list({ limit: 10, q: 'so tai chinh hoa lam' })).items.map((a) => a.id)).toEqual(['a1']);
    expect((await store.agencies.list({ limit: 10, q: 'hoa lam tai chinh' })).items.map((a) => a.id)).toEqual(['a1']);
    expect(await ids({ limit: 10, q: 'giao dien thay doi' })).toEqual(['old-open']);
    expect(await ids({ limit: 10, teamIds: ['t1'], statuses: OPEN_STATUSES })).toEqual(['newer-open', 'old-open']);
    expect(await ids({ limit: 10, teamIds: ['t1'] })).toEqual(['newer-open', 'old-open', 'old-closed']);
    expect(await ids({ limit: 10, statuses: OPEN_STATUSES })).toEqual(['newer-open', 'old-open']);
    // Later writes keep the team rows and the search index current.
    const open = (await store.incidents.get('old-open'))!;
    await store.incidents.update({ ...open, status: 'closed', title: 'Đã đóng: giao diện', version: 2 }, 1);
    expect(await ids({ limit: 10, teamIds: ['t1'], statuses: OPEN_STATUSES })).toEqual(['newer-open']);
    expect(await ids({ limit: 10, q: 'thay doi' })).toEqual([]);
    expect(await ids({ limit: 10, q: 'da dong' })).toEqual(['old-open']);
  } finally {
    await store.close();
  }
});
