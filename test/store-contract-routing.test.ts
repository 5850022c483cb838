/**
 * The store contract for routing rules, upward notifications and on-call rosters, run
 * against every adapter available (SQLite always; MongoDB when MONGODB_URI is set).
 */
import { describe, expect, it } from 'vitest';
import type { OnCallRosterRecord, RoutingRuleRecord, UpwardNotificationRecord } from '../server/src/store/port.js';
import { NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';

const rule = (id: string, position: number, extra: Partial<RoutingRuleRecord> = {}): RoutingRuleRecord => ({
  id,
  position,
  name: `Quy tắc ${id}`,
  description: null,
  enabled: true,
  conditions: { impacts: ['state_secret_disclosure'], sectors: ['health'] },
  actions: { owningTeamId: 't-police', informTeamIds: ['t-cert'], assignOnCall: true, informLeaders: false, tags: ['R7'], playbook: null },
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});
const upward = (id: string, incidentId: string, createdAt: string): UpwardNotificationRecord => ({
  id,
  incidentId,
  recipientKind: 'national_body',
  recipientTeamId: 't-vncert',
  recipientName: 'VNCERT/CC',
  status: 'prepared',
  channel: null,
  sentAt: null,
  sentBy: null,
  documentNumber: null,
  content: 'SC-2026-000001',
  tlp: 'amber',
  acknowledgedAt: null,
  acknowledgement: null,
  followUps: [],
  version: 1,
  createdAt,
  updatedAt: createdAt,
});
const roster = (teamId: string, version: number): OnCallRosterRecord => ({
  teamId,
  rotationStart: NOW,
  weeks: [{ primaryUserId: 'u1', backupUserId: null }],
  overrides: [{ from: NOW, to: '2026-11-21T02:00:00.000Z', primaryUserId: 'u2', backupUserId: 'u1', reason: 'Nghỉ lễ' }],
  version,
  updatedAt: NOW,
  updatedBy: 'u0',
});

for (const adapter of storeAdapters('store-contract-routing')) {
  describe(`routing store contract: ${adapter.name}`, () => {
    const store = suiteStore(adapter);

    it('routing rules: ordered by position, version-checked updates, delete', async () => {
      await store.routingRules.insert(rule('r2', 1));
      await store.routingRules.insert(rule('r1', 0));
      await store.routingRules.insert(rule('r3', 2, { conditions: {} }));
      expect((await store.routingRules.list()).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
      expect(await store.routingRules.get('r1')).toEqual(rule('r1', 0));
      expect(await store.routingRules.update({ ...rule('r1', 3), version: 2 }, 1)).toBe(true);
      expect(await store.routingRules.update({ ...rule('r1', 0), version: 3 }, 1)).toBe(false);
      expect((await store.routingRules.list()).map((r) => r.id)).toEqual(['r2', 'r3', 'r1']);
      expect((await store.routingRules.get('r3'))?.conditions).toEqual({});
      expect(await store.routingRules.delete('r2')).toBe(true);
      expect(await store.routingRules.delete('r2')).toBe(false);
      expect(await store.routingRules.get('r2')).toBeNull();
    });

    it('routing rules: a rolled-back transaction leaves nothing', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.routingRules.insert(rule('r9', 9));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.routingRules.get('r9')).toBeNull();
    });

    it('upward notifications: per incident, oldest first, version-checked', async () => {
      await store.upwardNotifications.insert(upward('n2', 'i1', '2026-11-20T02:00:02.000Z'));
      await store.upwardNotifications.insert(upward('n1', 'i1', '2026-11-20T02:00:01.000Z'));
      await store.upwardNotifications.insert(upward('n3', 'i2', NOW));
      expect((await store.upwardNotifications.listByIncident('i1')).map((n) => n.id)).toEqual(['n1', 'n2']);
      const sent = {
        ...upward('n1', 'i1', '2026-11-20T02:00:01.000Z'),
        status: 'sent' as const,
        channel: 'email' as const,
        followUps: [{ at: NOW, by: 'u1', note: 'gọi lại' }],
        version: 2,
      };
      expect(await store.upwardNotifications.update(sent, 1)).toBe(true);
      expect(await store.upwardNotifications.update({ ...sent, version: 3 }, 1)).toBe(false);
      expect(await store.upwardNotifications.get('n1')).toEqual(sent);
      expect(await store.upwardNotifications.get('nope')).toBeNull();
    });

    it('on-call rosters: create once, replace with the version, list', async () => {
      expect(await store.onCall.get('t1')).toBeNull();
      expect(await store.onCall.save(roster('t1', 1), null)).toBe(true);
      expect(await store.onCall.save(roster('t1', 1), null)).toBe(false);
      expect(await store.onCall.get('t1')).toEqual(roster('t1', 1));
      expect(await store.onCall.save(roster('t1', 2), 1)).toBe(true);
      expect(await store.onCall.save(roster('t1', 3), 1)).toBe(false);
      expect((await store.onCall.get('t1'))?.version).toBe(2);
      await store.onCall.save(roster('t0', 1), null);
      expect((await store.onCall.list()).map((r) => r.teamId)).toEqual(['t0', 't1']);
    });
  });
}
