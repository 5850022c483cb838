/**
 * The incident list's total (issue #12, item 12): `incidentCounts.count(filters)` equals the
 * number of incidents `incidents.list(filters)` pages through, on every adapter available
 * (SQLite always; MongoDB when MONGODB_URI is set), and on SQLite the count is answered from
 * an index (EXPLAIN QUERY PLAN), never by scanning the incidents table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPEN_STATUSES } from '@cert-hub/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCountQuery, IncidentRecord, Store } from '../server/src/store/port.js';
import { openSqliteDatabase, SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';

interface Adapter {
  name: string;
  open: () => Promise<Store>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-contract-counts-'));
const file = path.join(tmp, 'contract.sqlite');
const adapters: Adapter[] = [{ name: 'sqlite', open: async () => SqliteStore.open(file) }];
const mongoUri = process.env.MONGODB_URI;
if (mongoUri) {
  adapters.push({
    name: 'mongodb',
    open: async () => {
      const { MongoStore } = await import('../server/src/store/mongo/mongoStore.js');
      const store = await MongoStore.connect(mongoUri);
      await store.dropAll();
      return store;
    },
  });
} else {
  process.stdout.write('\n[store-contract-incident-counts] MONGODB_URI is not set: the MongoDB leg is SKIPPED.\n\n');
}
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const incident = (n: number, extra: Partial<IncidentRecord> = {}): IncidentRecord => {
  const reportedAt = new Date(Date.UTC(2026, 0, 1 + n, 3)).toISOString();
  return {
    id: `i${n}`,
    code: `SC-2026-${String(n).padStart(6, '0')}`,
    agencyId: n % 3 === 0 ? 'a2' : 'a1',
    reporter: { kind: 'user', id: 'u1', name: 'Người báo cáo' },
    reportedVia: 'agency',
    contact: null,
    systemId: null,
    systemName: 'Cổng thông tin',
    systemLevel: 3,
    nationalCritical: false,
    sector: null,
    title: n % 2 ? 'Trang chủ bị thay đổi giao diện' : 'Máy trạm nhiễm mã độc tống tiền',
    category: n % 2 ? 'defacement' : 'malware',
    description: 'Mô tả',
    detectedAt: reportedAt,
    detectionMethod: null,
    impacts: [],
    indicators: [],
    actionsTaken: null,
    supportRequested: false,
    tlp: 'amber',
    status: n % 4 === 0 ? 'closed' : 'received',
    severity: n % 5 === 0 ? 'high' : 'low',
    serious: n % 7 === 0,
    seriousReasons: [],
    lateReport: false,
    reportedAt,
    seriousness: { meetsCriteria: false, criteria: [], canHandleAlone: null, mayExceedCapacity: false, decision: null },
    routing: { teamId: 't1', ruleId: null, informedTeamIds: [], assigneeIds: [], teamIds: n % 2 ? ['t1'] : ['t1', 't2'], reasons: [] },
    assigneeIds: n % 6 === 0 ? ['u9'] : [],
    tags: [],
    tasks: [],
    drill: n % 8 === 0 ? { drillId: 'd1', injectId: null } : null,
    rejectionReason: null,
    closingReport: null,
    closureConfirmation: null,
    statusChangedAt: reportedAt,
    version: 1,
    createdAt: reportedAt,
    updatedAt: reportedAt,
    ...extra,
  };
};

const QUERIES: [string, IncidentCountQuery][] = [
  ['everything', {}],
  ['one agency', { agencyIds: ['a1'] }],
  ['no agency in scope', { agencyIds: [] }],
  ['one team', { teamIds: ['t2'] }],
  ['open ones', { statuses: OPEN_STATUSES }],
  ['a status', { status: 'closed' }],
  ['category and severity', { category: 'malware', severity: 'high' }],
  ['serious', { serious: true }],
  ['drills excluded', { drill: false }],
  ['an assignee', { assigneeId: 'u9' }],
  ['a date range', { from: '2026-01-05T00:00:00.000Z', to: '2026-01-20T23:59:59.999Z' }],
  ['words in any order', { q: 'doc ma' }],
  ['search in one agency, by date', { q: 'giao dien', agencyIds: ['a1'], from: '2026-01-10T00:00:00.000Z' }],
];

for (const adapter of adapters) {
  describe(`incident counts: ${adapter.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await adapter.open();
      for (let n = 1; n <= 40; n++) await store.incidents.insert(incident(n));
    });
    afterAll(() => store.close());

    async function listed(query: IncidentCountQuery): Promise<number> {
      let total = 0;
      let cursor: string | undefined;
      do {
        const page = await store.incidents.list({ ...query, limit: 7, cursor });
        total += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return total;
    }

    for (const [name, query] of QUERIES) {
      it(`counts what the list holds: ${name}`, async () => {
        const expected = await listed(query);
        expect(await store.incidentCounts.count(query)).toBe(expected);
      });
    }

    it('the counts are not all the same (the filters bite)', async () => {
      const counts = new Set(await Promise.all(QUERIES.map(([, q]) => store.incidentCounts.count(q))));
      expect(counts.size).toBeGreaterThan(6);
      expect(await store.incidentCounts.count({})).toBe(40);
      expect(await store.incidentCounts.count({ agencyIds: [] })).toBe(0);
    });
  });
}

describe('incident counts on SQLite are served by an index (EXPLAIN QUERY PLAN)', () => {
  const cases: [string, IncidentCountQuery, string][] = [
    ['one agency', { agencyIds: ['a1'] }, 'incidents_agency'],
    ['status', { status: 'closed' }, 'incidents_status'],
    ['open', { statuses: OPEN_STATUSES }, 'incidents_open_sort'],
    ['category', { category: 'malware' }, 'incidents_category_sort'],
    ['severity', { severity: 'high' }, 'incidents_severity_sort'],
    ['date range', { from: '2026-01-05T00:00:00.000Z', to: '2026-01-20T00:00:00.000Z' }, 'incidents_sort'],
    ['search', { q: 'thay doi giao dien' }, 'incidents_fts'],
  ];
  for (const [name, query, index] of cases) {
    it(name, async () => {
      const db = openSqliteDatabase(file);
      const prepare = db.prepare.bind(db);
      let sql = '';
      let args: unknown[] = [];
      db.prepare = ((text: string) => {
        const statement = prepare(text);
        const get = statement.get.bind(statement);
        statement.get = (...a: unknown[]) => {
          sql = text;
          args = a;
          return get(...a);
        };
        return statement;
      }) as typeof db.prepare;
      const { SqliteIncidentCounts } = await import('../server/src/store/sqlite/incidentCounts.js');
      await new SqliteIncidentCounts(db).count(query);
      const lines = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');
      db.close();
      expect(lines, lines).not.toMatch(/SCAN incidents( |$)(?!USING (COVERING )?INDEX)/m);
      expect(lines, lines).toContain(index);
    });
  }
});
