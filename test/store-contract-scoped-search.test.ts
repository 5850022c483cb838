/**
 * The store contract for a search within teams or agencies (issue #11; on SQLite through the
 * scoped index, sqlite/scopedSearch.ts), run against every adapter available: words in any
 * order and inside words, only the scope's incidents, following the incident's CURRENT teams,
 * agency and text, in list order across pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentListQuery, IncidentRecord } from '../server/src/store/port.js';
import { incidentRecord, storeAdapters, suiteStore } from './helpers/storeContract.js';

const routing = (...teamIds: string[]): IncidentRecord['routing'] => ({
  teamId: teamIds[0]!,
  ruleId: null,
  informedTeamIds: teamIds.slice(1),
  assigneeIds: [],
  teamIds,
  reasons: [],
});

for (const adapter of storeAdapters('store-contract-scoped-search')) {
  describe(`store contract (search within a scope): ${adapter.name}`, () => {
    const store = suiteStore(adapter);
    beforeAll(async () => {
      const add = (id: string, at: string, title: string, agencyId: string, teams: string[]) =>
        store.incidents.insert(incidentRecord(id, at, { title, agencyId, routing: routing(...teams) }));
      await add('s1', '2026-11-18T01:00:00.000Z', 'Thư lừa đảo giả mạo Sở Tài chính tỉnh Hòa Lâm', 'a1', ['t1']);
      await add('s2', '2026-11-18T02:00:00.000Z', 'Thay đổi giao diện cổng thông tin', 'a2', ['t2']);
      await add('s3', '2026-11-18T03:00:00.000Z', 'Giao diện cổng bị thay đổi lần hai', 'a1', ['t1', 't2']);
      await add('s4', '2026-11-18T04:00:00.000Z', 'Mã độc tống tiền', 'a2', ['t2']);
    });
    const ids = async (query: Omit<IncidentListQuery, 'limit'> & { limit?: number }) =>
      (await store.incidents.list({ limit: 50, ...query })).items.map((i) => i.id);

    it('finds words in any order and inside words, within the teams or agency only, newest first', async () => {
      expect(await ids({ q: 'so tai chinh hoa lam', teamIds: ['t1'] })).toEqual(['s1']);
      expect(await ids({ q: 'so tai chinh hoa lam', teamIds: ['t2'] })).toEqual([]);
      expect(await ids({ q: 'thay doi giao dien', teamIds: ['t2'] })).toEqual(['s3', 's2']);
      expect(await ids({ q: 'thay doi giao dien', teamIds: ['t1'] })).toEqual(['s3']);
      expect(await ids({ q: 'thay doi giao dien', agencyIds: ['a2'] })).toEqual(['s2']);
      expect(await ids({ q: 'iao die', teamIds: ['t1', 't2'] })).toEqual(['s3', 's2']);
      expect(await ids({ q: 'SC-2026-s', agencyIds: ['a1', 'a2'] })).toEqual(['s4', 's3', 's2', 's1']);
      expect(await ids({ q: 'tong tien', teamIds: ['t1'] })).toEqual([]);
    });

    it('checks words with digits too (codes, addresses), alone or beside other words', async () => {
      expect(await ids({ q: '2026', teamIds: ['t2'] })).toEqual(['s4', 's3', 's2']);
      expect(await ids({ q: 'giao 026', teamIds: ['t1'] })).toEqual(['s3']);
      expect(await ids({ q: 'giao 027', teamIds: ['t1'] })).toEqual([]);
      expect(await ids({ q: 'giao 2026-s2', teamIds: ['t1', 't2'] })).toEqual(['s2']);
    });

    it('pages through a scope’s matches in list order', async () => {
      const first = await store.incidents.list({ limit: 1, q: 'giao dien', teamIds: ['t2'] });
      expect(first.items.map((i) => i.id)).toEqual(['s3']);
      const second = await store.incidents.list({ limit: 1, q: 'giao dien', teamIds: ['t2'], cursor: first.nextCursor! });
      expect(second.items.map((i) => i.id)).toEqual(['s2']);
      expect(second.nextCursor).toBeNull();
    });

    it('follows the incident’s current teams, agency and text', async () => {
      const s4 = (await store.incidents.get('s4'))!;
      await store.incidents.update(
        { ...s4, title: 'Mã độc tống tiền mã hoá máy chủ', agencyId: 'a1', routing: routing('t1'), version: s4.version + 1 },
        s4.version,
      );
      expect(await ids({ q: 'tong tien may chu', teamIds: ['t1'] })).toEqual(['s4']);
      expect(await ids({ q: 'tong tien', teamIds: ['t2'] })).toEqual([]);
      expect(await ids({ q: 'tong tien', agencyIds: ['a1'] })).toEqual(['s4']);
      expect(await ids({ q: 'tong tien', agencyIds: ['a2'] })).toEqual([]);
      // reported earlier: its place in the list (and in the index) moves
      const moved = (await store.incidents.get('s4'))!;
      await store.incidents.update({ ...moved, reportedAt: '2026-11-17T00:00:00.000Z', version: moved.version + 1 }, moved.version);
      expect(await ids({ q: 'sc-2026', teamIds: ['t1'] })).toEqual(['s3', 's1', 's4']);
    });
  });
}
