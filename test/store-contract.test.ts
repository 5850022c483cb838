/**
 * The store port's contract, run against every adapter available: SQLite always, MongoDB
 * when MONGODB_URI points at a replica set. No adapter-specific behaviour may leak upward.
 */
import { describe, expect, it } from 'vitest';
import type { SessionRecord, Store, UserRecord } from '../server/src/store/port.js';
import { agencyRecord as agency, incidentRecord as incident, NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';
import { InvalidCursorError } from '../server/src/store/cursor.js';

const user = (id: string, username: string, extra: Partial<UserRecord> = {}): UserRecord => ({
  id,
  username,
  displayName: username,
  role: 'responder',
  agencyId: null,
  teamIds: [],
  phone: null,
  email: null,
  passwordHash: 'hash',
  disabled: false,
  sessionEpoch: 1,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});
const session = (id: string, familyId: string, userId: string): SessionRecord => ({
  id,
  userId,
  familyId,
  tokenHash: `hash-${id}`,
  sessionEpoch: 1,
  expiresAt: '2026-12-01T00:00:00.000Z',
  createdAt: NOW,
  rotatedAt: null,
  revokedAt: null,
  userAgent: null,
  ip: '127.0.0.1',
});

for (const adapter of storeAdapters('store-contract')) {
  describe(`store contract: ${adapter.name}`, () => {
    const store = suiteStore(adapter);

    it('inserts and reads back exactly what it stored', async () => {
      const a = agency('a1', 'UBND xã Đạ Lây', {
        focalPoints: [{ name: 'K’ Brông', position: null, phone: '0263', email: 'a@b.vn', available247: true, primary: true }],
      });
      await store.agencies.insert(a);
      expect(await store.agencies.get('a1')).toEqual(a);
      expect(await store.agencies.get('missing')).toBeNull();
    });

    it('updates only when the expected version matches', async () => {
      const current = agency('v1', 'UBND xã Đạ Lây');
      await store.agencies.insert(current);
      expect(await store.agencies.update({ ...current, name: 'UBND xã Đạ Lây Mới', version: 2 }, 1)).toBe(true);
      expect(await store.agencies.update({ ...current, name: 'Stale write', version: 2 }, 1)).toBe(false);
      expect((await store.agencies.get('v1'))!.name).toBe('UBND xã Đạ Lây Mới');
      // The search key follows the update.
      expect((await store.agencies.list({ limit: 10, q: 'da lay moi' })).items.map((a) => a.id)).toEqual(['v1']);
    });

    it('pages with a cursor in name order, searches without diacritics, filters', async () => {
      const before = await store.agencies.count();
      const names = ['Sở Y tế', 'Sở Tư pháp', 'Sở Nội vụ', 'Sở Công Thương', 'Sở Xây dựng'];
      for (const [i, name] of names.entries()) await store.agencies.insert(agency(`d${i}`, name, { type: 'provincial_department' }));
      await store.agencies.insert(agency('m1', 'Sở Cũ', { type: 'provincial_department', mergedIntoId: 'd0' }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.agencies.list({ limit: 2, cursor, type: 'provincial_department' });
        seen.push(...page.items.map((a) => a.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['Sở Công Thương', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Y tế']);
      expect((await store.agencies.list({ limit: 10, q: 'so tu phap' })).items.map((a) => a.id)).toEqual(['d1']);
      expect((await store.agencies.list({ limit: 10, q: 'so xay dung' })).items.map((a) => a.id)).toEqual(['d4']);
      expect((await store.agencies.list({ limit: 10, q: '%' })).items).toEqual([]);
      expect((await store.agencies.list({ limit: 10, q: '.*' })).items).toEqual([]);
      expect((await store.agencies.list({ limit: 10, q: 'so cu', includeMerged: true })).items.map((a) => a.id)).toEqual(['m1']);
      expect((await store.agencies.list({ limit: 10, q: 'so cu' })).items).toEqual([]);
      await expect(store.agencies.list({ limit: 10, cursor: 'garbage' })).rejects.toBeInstanceOf(InvalidCursorError);
      expect(await store.agencies.count()).toBe(before + 6);
    });

    it('finds users by username, team and agency', async () => {
      await store.users.insert(user('u1', 'responder', { teamIds: ['t1', 't2'] }));
      await store.users.insert(user('u2', 'focal.a', { role: 'focal_point', agencyId: 'a1' }));
      expect((await store.users.getByUsername('responder'))!.id).toBe('u1');
      expect((await store.users.listByTeam('t2')).map((u) => u.id)).toEqual(['u1']);
      expect((await store.users.listByAgency('a1')).map((u) => u.id)).toEqual(['u2']);
      expect((await store.users.list({ limit: 10, teamId: 't1' })).items.map((u) => u.id)).toEqual(['u1']);
      const u1 = (await store.users.get('u1'))!;
      await store.users.update({ ...u1, teamIds: ['t2'], version: 2 }, 1);
      expect(await store.users.listByTeam('t1')).toEqual([]);
    });

    it('rotates a refresh session once only, and revokes families', async () => {
      await store.sessions.insert(session('s1', 'f1', 'u1'));
      await store.sessions.insert(session('s2', 'f1', 'u1'));
      await store.sessions.insert(session('s3', 'f2', 'u1'));
      expect(await store.sessions.markRotated('s1', NOW)).toBe(true);
      expect(await store.sessions.markRotated('s1', NOW)).toBe(false);
      expect((await store.sessions.getByTokenHash('hash-s1'))!.rotatedAt).toBe(NOW);
      await store.sessions.revokeFamily('f1', NOW);
      expect((await store.sessions.get('s2'))!.revokedAt).toBe(NOW);
      expect((await store.sessions.get('s3'))!.revokedAt).toBeNull();
      expect(await store.sessions.markRotated('s2', NOW)).toBe(false);
      await store.sessions.revokeAllForUser('u1', NOW);
      expect((await store.sessions.get('s3'))!.revokedAt).toBe(NOW);
    });

    it('numbers events monotonically and replays them after a sequence number', async () => {
      const base = { entity: 'agency', entityId: 'a1', incidentId: null, version: 1, at: NOW, actorId: null };
      const e1 = await store.events.append({ ...base, type: 'agency.created', data: { n: 1 } });
      const e2 = await store.events.append({ ...base, type: 'agency.updated', data: { nested: { ok: true } } });
      expect(e2.seq).toBeGreaterThan(e1.seq);
      expect(await store.events.lastSeq()).toBe(e2.seq);
      const after = await store.events.listAfter(e1.seq, 10);
      expect(after).toEqual([e2]);
      expect((await store.events.listForEntity('agency', 'a1', 10)).map((e) => e.type)).toEqual(['agency.created', 'agency.updated']);
    });

    it('commits a transaction whole or not at all', async () => {
      const seq = await store.events.lastSeq();
      await expect(
        store.transaction(async (tx) => {
          await tx.agencies.insert(agency('rolled-back', 'Không được lưu'));
          await tx.events.append({
            type: 'agency.created',
            entity: 'agency',
            entityId: 'rolled-back',
            incidentId: null,
            version: 1,
            at: NOW,
            actorId: null,
            data: {},
          });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.agencies.get('rolled-back')).toBeNull();
      expect(await store.events.lastSeq()).toBe(seq);
      await store.transaction(async (tx) => {
        await tx.agencies.insert(agency('kept', 'Được lưu'));
      });
      expect(await store.agencies.get('kept')).not.toBeNull();
    });

    it('reassigns systems between agencies', async () => {
      const sys = {
        id: 'sys1',
        agencyId: 'a1',
        name: 'Cổng TTĐT',
        level: 3,
        nationalCritical: false,
        sectorCode: null,
        description: null,
        domains: ['x.gov.vn'],
        ipRanges: [],
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      };
      await store.systems.insert(sys);
      expect(await store.systems.reassignAgency('a1', 'd0', NOW)).toBe(1);
      const moved = (await store.systems.get('sys1'))!;
      expect(moved.agencyId).toBe('d0');
      expect(moved.version).toBe(2);
      expect((await store.systems.list({ limit: 10, agencyIds: ['d0'] })).items.map((s) => s.id)).toEqual(['sys1']);
      expect((await store.systems.list({ limit: 10, agencyIds: [] })).items).toEqual([]);
    });

    it('lists incidents newest first, by team, agency, flags, dates and text', async () => {
      await store.incidents.insert(incident('i1', '2026-11-18T01:00:00.000Z'));
      await store.incidents.insert(
        incident('i2', '2026-11-19T01:00:00.000Z', {
          serious: true,
          routing: { teamId: 't1', ruleId: null, informedTeamIds: ['t2'], assigneeIds: [], teamIds: ['t1', 't2'], reasons: [] },
        }),
      );
      await store.incidents.insert(
        incident('i3', '2026-11-20T01:00:00.000Z', { agencyId: 'a2', drill: { drillId: 'd1', injectId: null }, title: 'Mã độc tống tiền' }),
      );
      const ids = async (q: Parameters<Store['incidents']['list']>[0]) => (await store.incidents.list(q)).items.map((i) => i.id);
      expect(await ids({ limit: 10 })).toEqual(['i3', 'i2', 'i1']);
      const first = await store.incidents.list({ limit: 2 });
      expect((await store.incidents.list({ limit: 2, cursor: first.nextCursor! })).items.map((i) => i.id)).toEqual(['i1']);
      expect(await ids({ limit: 10, teamIds: ['t2'] })).toEqual(['i2']);
      expect(await ids({ limit: 10, teamIds: [] })).toEqual([]);
      expect(await ids({ limit: 10, agencyIds: ['a2'] })).toEqual(['i3']);
      expect(await ids({ limit: 10, serious: true })).toEqual(['i2']);
      expect(await ids({ limit: 10, drill: true })).toEqual(['i3']);
      expect(await ids({ limit: 10, drill: false })).toEqual(['i2', 'i1']);
      expect(await ids({ limit: 10, from: '2026-11-19T00:00:00Z', to: '2026-11-19T23:00:00Z' })).toEqual(['i2']);
      expect(await ids({ limit: 10, q: 'ma doc' })).toEqual(['i3']);
      expect(await ids({ limit: 10, q: '203.0.113.7', agencyIds: ['a1'] })).toEqual(['i2', 'i1']);
      const i1 = (await store.incidents.get('i1'))!;
      expect(await store.incidents.update({ ...i1, status: 'triage', routing: { ...i1.routing, teamIds: ['t3'] }, version: 2 }, 1)).toBe(
        true,
      );
      expect(await ids({ limit: 10, teamIds: ['t3'], status: 'triage' })).toEqual(['i1']);
      expect(await store.incidents.update({ ...i1, version: 2 }, 1)).toBe(false);
      expect(await store.incidents.reassignAgency('a2', 'a9', NOW)).toBe(1);
      expect(await ids({ limit: 10, agencyIds: ['a9'] })).toEqual(['i3']);
      expect((await store.incidents.get('i3'))!.version).toBe(2);
    });

    it('counts per name, idempotency keys per scope, comments in order', async () => {
      expect([
        await store.counters.next('incident:2026'),
        await store.counters.next('incident:2026'),
        await store.counters.next('incident:2027'),
      ]).toEqual([1, 2, 1]);
      await store.idempotency.insert({ scope: 's', key: 'k1', requestHash: 'h', resourceId: 'i1', status: 201, createdAt: NOW });
      expect(await store.idempotency.get('s', 'k1')).toEqual({
        scope: 's',
        key: 'k1',
        requestHash: 'h',
        resourceId: 'i1',
        status: 201,
        createdAt: NOW,
      });
      expect(await store.idempotency.get('other', 'k1')).toBeNull();
      await expect(
        store.idempotency.insert({ scope: 's', key: 'k1', requestHash: 'h2', resourceId: 'i9', status: 201, createdAt: NOW }),
      ).rejects.toThrow();
      for (const [position, id] of [
        [1, 'zz'],
        [2, 'aa'],
      ] as const)
        await store.comments.insert({
          id,
          incidentId: 'i1',
          position,
          authorId: 'u1',
          authorName: 'A',
          visibility: 'agency',
          body: id,
          createdAt: NOW,
        });
      expect((await store.comments.listByIncident('i1')).map((c) => c.id)).toEqual(['zz', 'aa']);
    });

    it('upserts sectors by code', async () => {
      await store.sectors.upsert({ code: 'health', nameVi: 'Y tế', nameEn: 'Health', critical: true });
      await store.sectors.upsert({ code: 'health', nameVi: 'Y tế (sửa)', nameEn: 'Health', critical: true });
      expect(await store.sectors.list()).toEqual([{ code: 'health', nameVi: 'Y tế (sửa)', nameEn: 'Health', critical: true }]);
    });
  });
}
