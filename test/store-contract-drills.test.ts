/**
 * The drill repository's contract, against every adapter available (SQLite always, MongoDB
 * when MONGODB_URI points at a replica set), as in store-contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../server/src/store/port.js';
import { NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';

const drill = (id: string, year: number, extra: Partial<DrillRecord> = {}): DrillRecord => ({
  id,
  source: 'hub',
  name: `Diễn tập ${id}`,
  year,
  type: 'tabletop',
  scenario: '',
  objectives: [{ id: 'o1', title: 'Báo cáo trong 15 phút', description: null }],
  rubric: [
    { score: 1, label: 'Chưa đạt' },
    { score: 2, label: 'Đạt' },
  ],
  scheduledStart: null,
  sectorCodes: [],
  participatingAgencyIds: ['a1'],
  teamIds: ['t1'],
  evaluatorIds: [],
  participants: [],
  injects: [],
  status: 'planned',
  controllerId: null,
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
  endedAt: null,
  nextDueAt: null,
  scores: [],
  observations: [],
  lessons: [],
  organizer: null,
  heldOn: null,
  externalResults: [],
  copiedFromId: null,
  createdBy: 'u1',
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

for (const adapter of storeAdapters('store-contract-drills')) {
  describe(`drill store contract: ${adapter.name}`, () => {
    const store = suiteStore(adapter);

    it('reads back what it stored and updates only at the expected version', async () => {
      const d = drill('d1', 2026, {
        injects: [
          {
            id: 'i1',
            title: null,
            offset: 'PT10M',
            target: { teamId: 't1', agencyId: 'a1' },
            incident: null,
            message: 'Báo chí gọi',
            dueAt: null,
            firedAt: null,
            incidentId: null,
          },
        ],
      });
      await store.drills.insert(d);
      expect(await store.drills.get('d1')).toEqual(d);
      expect(await store.drills.get('missing')).toBeNull();
      expect(await store.drills.update({ ...d, name: 'Đổi tên', version: 2 }, 1)).toBe(true);
      expect(await store.drills.update({ ...d, name: 'Cũ', version: 2 }, 1)).toBe(false);
      expect((await store.drills.get('d1'))!.name).toBe('Đổi tên');
    });

    it('lists by year in date order with a cursor', async () => {
      await store.drills.insert(drill('d2', 2026, { scheduledStart: '2026-03-01T01:00:00.000Z' }));
      await store.drills.insert(drill('d3', 2026, { scheduledStart: '2026-09-01T01:00:00.000Z' }));
      await store.drills.insert(drill('d4', 2025, { scheduledStart: '2025-05-01T01:00:00.000Z' }));
      const first = await store.drills.list({ limit: 2, year: 2026 });
      expect(first.items.map((d) => d.id)).toEqual(['d2', 'd3']);
      const second = await store.drills.list({ limit: 2, year: 2026, cursor: first.nextCursor! });
      expect(second.items.map((d) => d.id)).toEqual(['d1']);
      expect(second.nextCursor).toBeNull();
      expect((await store.drills.listByYear(2025)).map((d) => d.id)).toEqual(['d4']);
      expect((await store.drills.list({ limit: 10 })).items.map((d) => d.id)).toEqual(['d4', 'd2', 'd3', 'd1']);
    });

    it('finds running drills with an inject due, soonest first, and the next due time', async () => {
      await store.drills.insert(drill('r1', 2026, { status: 'running', nextDueAt: '2026-11-20T02:10:00.000Z' }));
      await store.drills.insert(drill('r2', 2026, { status: 'running', nextDueAt: '2026-11-20T02:05:00.000Z' }));
      await store.drills.insert(drill('p1', 2026, { status: 'paused', nextDueAt: '2026-11-20T02:01:00.000Z' }));
      expect(await store.drills.getNextDueAt()).toBe('2026-11-20T02:05:00.000Z');
      expect((await store.drills.listDue('2026-11-20T02:04:59.999Z')).map((d) => d.id)).toEqual([]);
      expect((await store.drills.listDue('2026-11-20T02:10:00.000Z')).map((d) => d.id)).toEqual(['r2', 'r1']);
    });

    it('keeps one plan per year', async () => {
      expect(await store.drills.getPlan(2026)).toBeNull();
      const plan = {
        year: 2026,
        items: [{ title: 'Diễn tập ngành y tế', month: 6, type: 'live_fire' as const, sectorCodes: ['health'], drillId: null }],
        updatedAt: NOW,
        updatedBy: 'u1',
      };
      await store.drills.upsertPlan(plan);
      await store.drills.upsertPlan({ ...plan, items: [] });
      expect(await store.drills.getPlan(2026)).toEqual({ ...plan, items: [] });
    });

    it('rolls a drill write back with its transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.drills.insert(drill('tx1', 2026));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.drills.get('tx1')).toBeNull();
    });
  });
}
