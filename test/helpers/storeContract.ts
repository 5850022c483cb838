/**
 * The store-contract harness: every test/store-contract*.test.ts runs its cases once per
 * adapter available here — SQLite always (a fresh temp file per suite), MongoDB when
 * MONGODB_URI points at a replica set (collections dropped first) — through this one setup,
 * and builds its records from the shared fixtures below.
 *
 *   for (const adapter of storeAdapters('store-contract-foo')) {
 *     describe(`foo store contract: ${adapter.name}`, () => {
 *       const store = suiteStore(adapter);
 *       it('…', async () => { await store.foos.insert(…); });
 *     });
 *   }
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AgencyRecord, IncidentRecord, Store } from '../../server/src/store/port.js';
import { SqliteStore } from '../../server/src/store/sqlite/sqliteStore.js';

export interface StoreAdapter {
  name: 'sqlite' | 'mongodb';
  /** A store with nothing in it, and what to do once the suite has closed it. */
  open(): Promise<{ store: Store; cleanup: () => void }>;
}

const sqlite: StoreAdapter = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-contract-'));
    return { store: SqliteStore.open(path.join(dir, 'contract.sqlite')), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  },
};

const mongodb = (uri: string): StoreAdapter => ({
  name: 'mongodb',
  async open() {
    const { MongoStore } = await import('../../server/src/store/mongo/mongoStore.js');
    const store = await MongoStore.connect(uri);
    await store.dropAll();
    return { store, cleanup: () => undefined };
  },
});

/**
 * The adapters this run can hold to the contract. Without MONGODB_URI the MongoDB leg cannot
 * run here; that is said plainly in the output (`suite` names the file) rather than passed over.
 */
export function storeAdapters(suite: string): StoreAdapter[] {
  const uri = process.env.MONGODB_URI;
  if (uri) return [sqlite, mongodb(uri)];
  process.stdout.write(`\n[${suite}] MONGODB_URI is not set: the MongoDB leg of the store contract is SKIPPED.\n\n`);
  return [sqlite];
}

/**
 * Opens the adapter's store before the suite's tests and closes it after them. Returns a
 * stand-in that forwards every property to the open store, so test bodies read
 * `store.agencies.get(…)` without a getter call (it throws if used outside a test).
 */
export function suiteStore(adapter: StoreAdapter): Store {
  let opened: { store: Store; cleanup: () => void } | null = null;
  beforeAll(async () => {
    opened = await adapter.open();
  });
  afterAll(async () => {
    if (!opened) return;
    await opened.store.close();
    opened.cleanup();
    opened = null;
  });
  return new Proxy({} as Store, {
    get(_target, prop) {
      if (!opened) throw new Error(`the ${adapter.name} contract store is open only while the suite's tests run`);
      const value: unknown = Reflect.get(opened.store, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(opened.store) : value;
    },
  });
}

/** The fixed instant the fixtures are stamped with. */
export const NOW = '2026-11-20T02:00:00.000Z';

export const agencyRecord = (id: string, name: string, extra: Partial<AgencyRecord> = {}): AgencyRecord => ({
  id,
  name,
  shortName: null,
  type: 'commune_committee',
  province: 'Tỉnh Hòa Lâm',
  parentId: null,
  address: null,
  phone: null,
  email: null,
  website: null,
  focalPoints: [],
  mergedIntoId: null,
  formerNames: [],
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

/** A received defacement report of agency a1, routed to team t1, reported (and detected) at `reportedAt`. */
export const incidentRecord = (id: string, reportedAt: string, extra: Partial<IncidentRecord> = {}): IncidentRecord => ({
  id,
  code: `SC-2026-${id}`,
  agencyId: 'a1',
  reporter: { kind: 'user', id: 'u1', name: 'Người báo cáo' },
  reportedVia: 'agency',
  contact: null,
  systemId: null,
  systemName: 'Cổng thông tin',
  systemLevel: 3,
  nationalCritical: false,
  sector: null,
  title: 'Trang chủ bị thay đổi giao diện',
  category: 'defacement',
  description: 'Mô tả',
  detectedAt: reportedAt,
  detectionMethod: null,
  impacts: [],
  indicators: [{ type: 'ip', value: '203.0.113.7' }],
  actionsTaken: null,
  supportRequested: false,
  tlp: 'amber',
  status: 'received',
  severity: null,
  serious: false,
  seriousReasons: [],
  lateReport: false,
  reportedAt,
  seriousness: { meetsCriteria: false, criteria: [], canHandleAlone: null, mayExceedCapacity: false, decision: null },
  routing: { teamId: 't1', ruleId: null, informedTeamIds: [], assigneeIds: [], teamIds: ['t1'], reasons: ['standing_team'] },
  assigneeIds: [],
  tags: [],
  tasks: [],
  drill: null,
  rejectionReason: null,
  closingReport: null,
  closureConfirmation: null,
  statusChangedAt: reportedAt,
  version: 1,
  createdAt: reportedAt,
  updatedAt: reportedAt,
  ...extra,
});
