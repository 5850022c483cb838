/**
 * The store contract of report types (configuration of the reporting cycle), run against
 * SQLite always and MongoDB when MONGODB_URI is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateKeyError } from '../server/src/store/errors.js';
import type { ReportTypeRecord, Store } from '../server/src/store/port.js';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';

interface Adapter {
  name: string;
  open: () => Promise<Store>;
  /** A fresh store holds the demo province's types (SQLite seeds them by migration). */
  seeded: boolean;
  cleanup: () => Promise<void>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-contract-report-types-'));
const adapters: Adapter[] = [
  {
    name: 'sqlite',
    open: async () => SqliteStore.open(path.join(tmp, 'contract.sqlite')),
    seeded: true,
    cleanup: async () => fs.rmSync(tmp, { recursive: true, force: true }),
  },
];
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
    seeded: false,
    cleanup: async () => undefined,
  });
} else {
  process.stdout.write('\n[store-contract-report-types] MONGODB_URI is not set: the MongoDB leg is SKIPPED.\n\n');
}

const NOW = '2026-11-20T02:00:00.000Z';
const type = (code: string, extra: Partial<ReportTypeRecord> = {}): ReportTypeRecord => ({
  code,
  nameVi: `Báo cáo ${code}`,
  nameEn: `Report ${code}`,
  period: 'six_monthly',
  deadlines: ['06-15', '12-15'],
  submittedBy: 'Cơ quan, đơn vị',
  sentTo: 'Công an tỉnh',
  sections: ['results', 'recommendations'],
  retired: false,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  updatedBy: 'u1',
  ...extra,
});

for (const adapter of adapters) {
  describe(`store contract (report types): ${adapter.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await adapter.open();
    });
    afterAll(async () => {
      await store.close();
      await adapter.cleanup();
    });

    it('a fresh store holds the seeded types (SQLite) or none (MongoDB seeds at boot)', async () => {
      const codes = (await store.reportTypes.list()).map((t) => t.code);
      if (adapter.seeded) expect(codes).toEqual(expect.arrayContaining(['agency_annual', 'ad_hoc', 'assessment_level_5']));
      else expect(codes).toEqual([]);
      if (adapter.seeded)
        expect((await store.reportTypes.get('agency_annual'))!).toMatchObject({ version: 1, retired: false, deadlines: ['12-05'] });
    });

    it('inserts by unique code, reads back every field, lists by code', async () => {
      await store.reportTypes.insert(type('zz_second'));
      await store.reportTypes.insert(type('zz_first', { retired: true }));
      await expect(store.reportTypes.insert(type('zz_first'))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.reportTypes.get('zz_second')).toEqual(type('zz_second'));
      expect(await store.reportTypes.get('zz_missing')).toBeNull();
      const codes = (await store.reportTypes.list()).map((t) => t.code);
      expect(codes.filter((c) => c.startsWith('zz_'))).toEqual(['zz_first', 'zz_second']);
      expect(codes).toEqual([...codes].sort());
    });

    it('updates only from the expected version', async () => {
      const next = type('zz_second', { sections: ['results'], version: 2, updatedAt: '2026-11-21T00:00:00.000Z' });
      expect(await store.reportTypes.update(next, 1)).toBe(true);
      expect(await store.reportTypes.update({ ...next, version: 3 }, 1)).toBe(false);
      expect(await store.reportTypes.get('zz_second')).toEqual(next);
    });
  });
}
