/**
 * Storage per incident (issue #11): incidents keep only what their columns do not and share
 * their checklist's text, audit entries keep their event's seq and hash instead of a copy,
 * intake events leave out empty fields — and every record reads back exactly as written;
 * the audit chain still names any edited or deleted event or entry; and the migration
 * converts a store written before, records, entries and hashes unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, hashOf, verifyChain, GENESIS_HASH } from '../server/src/audit/chain.js';
import { checklistTaskId } from '../server/src/store/incidentTasks.js';
import type { AuditRecord, EventRecord, IncidentRecord, Store } from '../server/src/store/port.js';
import { incidentKeys } from '../server/src/store/searchKeys.js';
import { MIGRATIONS } from '../server/src/store/sqlite/migrations.js';
import { COMPACT_STORAGE_MIGRATION } from '../server/src/store/sqlite/storageMigration.js';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';
import { incidentRecord } from './helpers/storeContract.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-compact-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let files = 0;
const newFile = () => path.join(tmp, `store-${++files}.sqlite`);

const TITLES = ['Liên hệ đầu mối cơ quan', 'Thu thập nhật ký, bằng chứng ban đầu', 'Chặn tên miền, địa chỉ gửi'];

/** An incident as intake writes it (field order included), its checklist's ids derived. */
function filed(id: string, reportedAt: string, extra: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id,
    code: `SC-2026-${id}`,
    agencyId: 'a1',
    reporter: { kind: 'user', id: 'u1', name: 'Nguyễn Thị Hồng (Sở Tài chính)' },
    reportedVia: 'agency',
    contact: { name: 'Nguyễn Thị Hồng', phone: '0263 3821 001', email: null },
    systemId: null,
    systemName: null,
    systemLevel: null,
    nationalCritical: false,
    sector: null,
    title: 'Thư lừa đảo giả mạo Sở Tài chính',
    category: 'phishing',
    description: 'Nhiều cán bộ nhận thư giả mạo.',
    detectedAt: reportedAt,
    detectionMethod: null,
    impacts: [],
    indicators: [{ type: 'domain', value: 'hoalam-gov.example' }],
    actionsTaken: null,
    supportRequested: true,
    tlp: 'amber',
    status: 'received',
    severity: null,
    serious: false,
    seriousReasons: [],
    seriousness: { meetsCriteria: false, criteria: [], canHandleAlone: null, mayExceedCapacity: false, decision: null },
    lateReport: false,
    reportedAt,
    routing: { teamId: 't1', ruleId: null, informedTeamIds: ['t2'], assigneeIds: ['u7'], teamIds: ['t1', 't2'], reasons: [] },
    assigneeIds: ['u7'],
    tags: [],
    tasks: TITLES.map((title, k) => ({ id: checklistTaskId(id, k), title, done: false, doneBy: null, doneAt: null })),
    drill: null,
    rejectionReason: null,
    closingReport: null,
    closureConfirmation: null,
    statusChangedAt: reportedAt,
    version: 1,
    createdAt: reportedAt,
    updatedAt: reportedAt,
    ...extra,
  };
}

const AT = '2026-11-20T01:00:00.000Z';

async function withStore<T>(file: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = SqliteStore.open(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Records one event with its audit entry, as commit() does. */
async function record(store: Store, event: Omit<EventRecord, 'seq'>) {
  return store.transaction(async (tx) => {
    const stored = await tx.events.append(event);
    return { event: stored, entry: await appendAudit(tx, stored) };
  });
}
const incidentEvent = (incidentId: string, type: string, data: Record<string, unknown>): Omit<EventRecord, 'seq'> => ({
  type,
  entity: 'incident',
  entityId: incidentId,
  incidentId,
  version: 1,
  at: AT,
  actorId: 'u1',
  data,
});

describe('incidents read back exactly as written', () => {
  it('as filed, with done and added tasks, a cleared or set SLA time, odd field orders, and after an update', async () => {
    await withStore(newFile(), async (store) => {
      const plain = filed('i1', AT);
      const worked = filed('i2', '2026-11-20T02:00:00.000Z', {
        status: 'containment',
        severity: 'high',
        serious: true,
        tlp: 'red',
        reportedVia: 'cert',
        statusChangedAt: '2026-11-20T03:00:00.000Z',
        updatedAt: '2026-11-20T03:00:00.000Z',
        routing: { teamId: 't1', ruleId: 'r1', informedTeamIds: [], assigneeIds: [], teamIds: ['t1', 't3'], reasons: ['rule:R'] },
        tasks: [
          { id: checklistTaskId('i2', 0), title: TITLES[0]!, done: true, doneBy: 'u7', doneAt: '2026-11-20T02:30:00.000Z' },
          { id: checklistTaskId('i2', 1), title: TITLES[1]!, done: false, doneBy: null, doneAt: null },
          { id: 'added-task-1', title: 'Việc thêm', done: false, doneBy: null, doneAt: null },
        ],
        slaDueAt: null,
      });
      const fixture = incidentRecord('i3', AT, {
        tasks: [{ id: 'random-id', title: TITLES[2]!, done: false, doneBy: null, doneAt: null }],
      });
      for (const i of [plain, worked, fixture]) await store.transaction((tx) => tx.incidents.insert(i));
      expect(await store.incidents.get('i1')).toStrictEqual(plain);
      expect(await store.incidents.get('i2')).toStrictEqual(worked);
      expect(await store.incidents.get('i3')).toStrictEqual(fixture);
      expect(JSON.stringify(await store.incidents.get('i1'))).toBe(JSON.stringify(plain));
      expect(JSON.stringify(await store.incidents.get('i2'))).toBe(JSON.stringify(worked));
      const listed = (await store.incidents.list({ limit: 10 })).items;
      expect(new Map(listed.map((i) => [i.id, i]))).toStrictEqual(new Map([plain, worked, fixture].map((i) => [i.id, i])));

      await store.incidents.setSlaDueAt('i1', '2026-11-21T00:00:00.000Z');
      expect(await store.incidents.get('i1')).toStrictEqual({ ...plain, slaDueAt: '2026-11-21T00:00:00.000Z' });
      await store.incidents.setSlaDueAt('i1', null);
      expect(await store.incidents.get('i1')).toStrictEqual({ ...plain, slaDueAt: null });
      const edited = { ...plain, title: 'Sửa', version: 2, updatedAt: '2026-11-20T05:00:00.000Z', slaDueAt: null };
      expect(await store.transaction((tx) => tx.incidents.update(edited, 1))).toBe(true);
      expect(await store.incidents.get('i1')).toStrictEqual(edited);
      expect((await store.incidents.list({ limit: 10, q: 'sua' })).items).toStrictEqual([edited]);
    });
  });

  it('stores neither the columns nor the checklist text in the document, and one checklist for every incident filed with it', async () => {
    const file = newFile();
    await withStore(file, async (store) => {
      for (let n = 1; n <= 3; n++) await store.transaction((tx) => tx.incidents.insert(filed(`i${n}`, AT)));
    });
    const db = new Database(file, { readonly: true });
    try {
      const doc = (db.prepare(`SELECT doc FROM incidents WHERE id = 'i1'`).get() as { doc: string }).doc;
      for (const copied of ['SC-2026-i1', '"status"', '"category"', '"agencyId"', '"version"', AT, TITLES[0]!, checklistTaskId('i1', 0)])
        expect(doc).not.toContain(copied);
      expect((db.prepare('SELECT count(*) AS n FROM checklists').get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('the audit chain over entries that keep no copy of their events', () => {
  async function chainOf(file: string) {
    return withStore(file, async (store) => {
      await store.transaction((tx) => tx.incidents.insert(filed('i1', AT)));
      const created = await record(
        store,
        incidentEvent('i1', 'incident.created', {
          code: 'SC-2026-i1',
          title: 'T',
          category: 'phishing',
          agencyId: 'a1',
          reportedVia: 'agency',
          serious: false,
          lateReport: true,
        }),
      );
      const routed = await record(
        store,
        incidentEvent('i1', 'incident.routed', {
          teamId: 't1',
          ruleId: null,
          informedTeamIds: [],
          assigneeIds: [],
          teamIds: ['t1'],
          reasons: [],
          ruleName: null,
          informLeaders: false,
        }),
      );
      const commented = await record(store, incidentEvent('i1', 'incident.comment_added', { commentId: 'c1', visibility: 'agency' }));
      return { created, routed, commented };
    });
  }
  it('reads every entry as written: the event’s data, the previous hash, the hash', async () => {
    const file = newFile();
    const { created, routed, commented } = await chainOf(file);
    await withStore(file, async (store) => {
      expect(await store.audit.listAfter(0, 10)).toStrictEqual([created.entry, routed.entry, commented.entry]);
      expect(routed.entry.prevHash).toBe(created.entry.hash);
      expect(created.entry.prevHash).toBe(GENESIS_HASH);
      expect((await store.events.listAfter(0, 10)).map((e) => e.data)).toStrictEqual([
        created.event.data,
        routed.event.data,
        commented.event.data,
      ]);
      const byIncident = await store.audit.list({ limit: 2, incidentId: 'i1' });
      expect(byIncident.items).toStrictEqual([commented.entry, routed.entry]);
      expect((await store.audit.list({ limit: 2, incidentId: 'i1', cursor: byIncident.nextCursor! })).items).toStrictEqual([created.entry]);
      expect((await store.audit.list({ limit: 10, entity: 'incident', entityId: 'i1', type: 'incident.routed' })).items).toStrictEqual([
        routed.entry,
      ]);
      expect((await store.audit.list({ limit: 10, actorId: 'u1', from: AT, to: AT })).items).toHaveLength(3);
    });
    expect(await verify(file)).toEqual({ ok: true, checked: 3 });
    const db = new Database(file, { readonly: true });
    try {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('audit_log')`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['seq', 'event_seq', 'hash', 'entry']);
      expect((db.prepare('SELECT count(*) AS n FROM audit_log WHERE entry IS NOT NULL').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  it.each([
    ['an event’s data is edited', `UPDATE events SET data = json_set(data, '$.title', 'đã sửa') WHERE seq = ?`, 'created'],
    ['an event’s actor is changed', `UPDATE events SET actor_id = 'u2' WHERE seq = ?`, 'routed'],
    ['an event’s time is changed', `UPDATE events SET at = '2026-11-19T00:00:00.000Z' WHERE seq = ?`, 'commented'],
    ['an event is deleted', `DELETE FROM events WHERE seq = ?`, 'routed'],
  ] as const)('names the entry when %s', async (_name, sql, which) => {
    const file = newFile();
    const chain = await chainOf(file);
    edit(file, sql, chain[which].event.seq);
    expect(await verify(file)).toMatchObject({ ok: false, firstBrokenSeq: chain[which].entry.seq });
  });

  it('names the entry when an entry’s hash is edited or an entry is deleted', async () => {
    const hashEdited = newFile();
    const a = await chainOf(hashEdited);
    edit(hashEdited, `UPDATE audit_log SET hash = zeroblob(32) WHERE seq = ?`, a.routed.entry.seq);
    expect(await verify(hashEdited)).toMatchObject({ ok: false, firstBrokenSeq: a.routed.entry.seq });

    const deleted = newFile();
    const b = await chainOf(deleted);
    edit(deleted, `DELETE FROM audit_log WHERE seq = ?`, b.routed.entry.seq);
    expect(await verify(deleted)).toMatchObject({ ok: false, firstBrokenSeq: b.routed.entry.seq });

    const pointed = newFile();
    const c = await chainOf(pointed);
    edit(pointed, `UPDATE audit_log SET event_seq = ? WHERE seq = ?`, c.created.event.seq, c.routed.entry.seq);
    expect(await verify(pointed)).toMatchObject({ ok: false, firstBrokenSeq: c.routed.entry.seq });
  });
});

describe('the migration converts a store written before', () => {
  it('reads the same incidents, events, audit entries and hashes; the chain still verifies and still names an edit', async () => {
    const file = newFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const before = MIGRATIONS.indexOf(COMPACT_STORAGE_MIGRATION);
    expect(before).toBeGreaterThan(0);
    MIGRATIONS.slice(0, before).forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    });
    // Incidents as the previous adapter stored them: the whole record as the document, random task ids.
    const legacy = [
      filed('i1', AT, {
        tasks: TITLES.map((title, k) => ({
          id: `uuid-${k}`,
          title,
          done: k === 0,
          doneBy: k === 0 ? 'u7' : null,
          doneAt: k === 0 ? AT : null,
        })),
      }),
      {
        ...filed('i2', '2026-11-20T02:00:00.000Z', {
          tasks: TITLES.map((title, k) => ({ id: `other-${k}`, title, done: false, doneBy: null, doneAt: null })),
        }),
        slaDueAt: '2026-11-21T00:00:00.000Z',
      },
      incidentRecord('i3', AT),
    ];
    for (const i of legacy) {
      const k = incidentKeys(i);
      db.prepare(
        `INSERT INTO incidents (id, code, agency_id, status, category, severity, serious, is_drill, reported_at, sort_key, search_text, version, doc, sla_due_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        i.id,
        i.code,
        i.agencyId,
        i.status,
        i.category,
        i.severity,
        i.serious ? 1 : 0,
        0,
        i.reportedAt,
        k.sortKey,
        k.searchText,
        i.version,
        JSON.stringify(i),
        i.slaDueAt ?? null,
      );
      for (const t of i.routing.teamIds)
        db.prepare('INSERT INTO incident_teams (incident_id, team_id, incident_sort_key, incident_open) VALUES (?,?,?,?)').run(
          i.id,
          t,
          k.sortKey,
          1,
        );
    }
    // Events and their audit entries with copies; the first entry copied a snapshot its event no longer holds.
    const events: Omit<EventRecord, 'seq'>[] = [
      incidentEvent('i1', 'incident.created', {
        code: 'SC-2026-i1',
        title: 'T',
        category: 'phishing',
        agencyId: 'a1',
        reportedVia: 'agency',
        serious: false,
        lateReport: false,
      }),
      incidentEvent('i1', 'incident.routed', {
        teamId: 't1',
        ruleId: null,
        informedTeamIds: [],
        assigneeIds: [],
        teamIds: ['t1'],
        reasons: [],
        ruleName: null,
        informLeaders: false,
      }),
      { ...incidentEvent('i1', 'agency.updated', { name: 'Sở' }), entity: 'agency', entityId: 'a1', incidentId: null },
    ];
    const entries: AuditRecord[] = [];
    events.forEach((e, n) => {
      const seq = Number(
        db
          .prepare('INSERT INTO events (type, entity, entity_id, incident_id, version, at, actor_id, data) VALUES (?,?,?,?,?,?,?,?)')
          .run(e.type, e.entity, e.entityId, e.incidentId, e.version, e.at, e.actorId, JSON.stringify(e.data)).lastInsertRowid,
      );
      const data = n === 0 ? { incident: { ...e.data, tags: ['nội-bộ'] } } : e.data;
      const entry = {
        seq: n + 1,
        eventSeq: seq,
        at: e.at,
        type: e.type,
        entity: e.entity,
        entityId: e.entityId,
        incidentId: e.incidentId,
        actorId: e.actorId,
        data,
        prevHash: entries[n - 1]?.hash ?? GENESIS_HASH,
      };
      const full = { ...entry, hash: hashOf(entry) };
      entries.push(full);
      db.prepare(
        `INSERT INTO audit_log (seq, event_seq, at, type, entity, entity_id, incident_id, actor_id, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        full.seq,
        full.eventSeq,
        full.at,
        full.type,
        full.entity,
        full.entityId,
        full.incidentId,
        full.actorId,
        JSON.stringify(full.data),
        full.prevHash,
        full.hash,
      );
    });
    db.close();

    await withStore(file, async (store) => {
      for (const i of legacy) expect(await store.incidents.get(i.id)).toStrictEqual(i);
      expect(await store.audit.listAfter(0, 10)).toStrictEqual(entries);
      expect((await store.events.listAfter(0, 10)).map(({ seq: _seq, ...e }) => e)).toStrictEqual(events);
      expect((await store.events.listForEntity('incident', 'i1', 10)).map((e) => e.type)).toEqual(['incident.created', 'incident.routed']);
      expect((await store.events.listForEntity('agency', 'a1', 10)).map((e) => e.type)).toEqual(['agency.updated']);
      expect(await verifyChain(store.audit)).toEqual({ ok: true, checked: 3 });
      expect((await store.audit.list({ limit: 10, incidentId: 'i1' })).items).toStrictEqual([entries[1], entries[0]]);
      // New entries chain on from the converted ones.
      const next = await record(store, incidentEvent('i1', 'incident.comment_added', { commentId: 'c1', visibility: 'agency' }));
      expect(next.entry.prevHash).toBe(entries[2]!.hash);
      expect(await verifyChain(store.audit)).toEqual({ ok: true, checked: 4 });
    });
    const check = new Database(file, { readonly: true });
    try {
      expect((check.prepare('SELECT count(*) AS n FROM checklists').get() as { n: number }).n).toBe(1);
      // Only the entry whose event was rewritten keeps a copy.
      expect((check.prepare('SELECT seq FROM audit_log WHERE entry IS NOT NULL').all() as { seq: number }[]).map((r) => r.seq)).toEqual([
        1,
      ]);
    } finally {
      check.close();
    }
    edit(file, `UPDATE events SET data = json_set(data, '$.teamId', 't9') WHERE seq = ?`, entries[1]!.eventSeq);
    expect(await verify(file)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});

const edit = (file: string, sql: string, ...params: unknown[]) => {
  const db = new Database(file);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
};
const verify = (file: string) => withStore(file, (store) => verifyChain(store.audit));
