/**
 * The store contract for the audit log, notifications and SLA repositories (issue 8), run
 * against every adapter available, like test/store-contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord, DeliveryRecord, NotificationRecord } from '../server/src/store/port.js';
import { incidentRecord as incident, NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';

const entry = (seq: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  seq,
  eventSeq: seq + 100,
  at: `2026-11-20T02:00:0${seq}.000Z`,
  type: seq % 2 ? 'incident.created' : 'user.updated',
  entity: seq % 2 ? 'incident' : 'user',
  entityId: `e${seq}`,
  incidentId: seq % 2 ? `i${seq}` : null,
  actorId: 'u1',
  data: { n: seq, nested: { b: 2, a: 1 } },
  prevHash: 'p'.repeat(64),
  hash: String(seq).repeat(64).slice(0, 64),
  ...extra,
});

const notification = (id: string, userId: string, createdAt: string): NotificationRecord => ({
  id,
  userId,
  kind: 'agency_question',
  incidentId: 'i1',
  drill: false,
  title: 'SC-2026-000001 — Câu hỏi',
  body: 'Đơn vị đã đổi mật khẩu chưa?',
  eventSeq: 1,
  createdAt,
  readAt: null,
});

const delivery = (id: string, nextAttemptAt: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  id,
  channel: 'email',
  target: 'a@test.example',
  payload: { subject: 'S', text: 'T' },
  status: 'pending',
  attempts: 0,
  nextAttemptAt,
  lastError: null,
  createdAt: nextAttemptAt,
  sentAt: null,
  ...extra,
});

for (const adapter of storeAdapters('store-contract-notify')) {
  describe(`notify store contract: ${adapter.name}`, () => {
    const store = suiteStore(adapter);

    it('audit: appends in order, reads the last, lists after a position and searches newest first with a cursor', async () => {
      expect(await store.audit.last()).toBeNull();
      for (let seq = 1; seq <= 5; seq += 1) await store.transaction((tx) => tx.audit.insert(entry(seq)));
      expect((await store.audit.last())?.seq).toBe(5);
      expect((await store.audit.listAfter(2, 2)).map((e) => e.seq)).toEqual([3, 4]);
      expect((await store.audit.listAfter(0, 10))[0]).toEqual(entry(1));
      await expect(store.transaction((tx) => tx.audit.insert(entry(5)))).rejects.toThrow();
      const first = await store.audit.list({ limit: 2, type: 'incident.created' });
      expect(first.items.map((e) => e.seq)).toEqual([5, 3]);
      const second = await store.audit.list({ limit: 2, type: 'incident.created', cursor: first.nextCursor! });
      expect(second.items.map((e) => e.seq)).toEqual([1]);
      expect(second.nextCursor).toBeNull();
      expect((await store.audit.list({ limit: 10, incidentId: 'i3' })).items.map((e) => e.seq)).toEqual([3]);
      expect((await store.audit.list({ limit: 10, from: '2026-11-20T02:00:04.000Z' })).items.map((e) => e.seq)).toEqual([5, 4]);
    });

    it('notifications: per user, newest first, unread count, mark read (some or all)', async () => {
      await store.notifications.insert(notification('n1', 'u1', '2026-11-20T02:00:01.000Z'));
      await store.notifications.insert(notification('n2', 'u1', '2026-11-20T02:00:02.000Z'));
      await store.notifications.insert(notification('n3', 'u1', '2026-11-20T02:00:03.000Z'));
      await store.notifications.insert(notification('n4', 'u2', '2026-11-20T02:00:04.000Z'));
      const page = await store.notifications.listByUser('u1', { limit: 2 });
      expect(page.items.map((n) => n.id)).toEqual(['n3', 'n2']);
      const rest = await store.notifications.listByUser('u1', { limit: 2, cursor: page.nextCursor! });
      expect(rest.items.map((n) => n.id)).toEqual(['n1']);
      expect(await store.notifications.countUnread('u1')).toBe(3);
      // Another user's notification cannot be marked through u1.
      expect(await store.notifications.markRead('u1', ['n2', 'n4'], NOW)).toBe(1);
      expect((await store.notifications.get('n2'))?.readAt).toBe(NOW);
      expect((await store.notifications.get('n4'))?.readAt).toBeNull();
      expect((await store.notifications.listByUser('u1', { limit: 10, unread: true })).items.map((n) => n.id)).toEqual(['n3', 'n1']);
      expect(await store.notifications.markRead('u1', null, NOW)).toBe(2);
      expect(await store.notifications.countUnread('u1')).toBe(0);
      expect(await store.notifications.countUnread('u2')).toBe(1);
    });

    it('preferences and webhooks: upsert, list, remove', async () => {
      expect(await store.notificationPreferences.get('u1')).toBeNull();
      await store.notificationPreferences.upsert({ userId: 'u1', muted: ['mention:email'], updatedAt: NOW });
      await store.notificationPreferences.upsert({ userId: 'u1', muted: [], updatedAt: NOW });
      expect(await store.notificationPreferences.get('u1')).toEqual({ userId: 'u1', muted: [], updatedAt: NOW });
      const hook = {
        id: 'w1',
        name: 'Chat',
        url: 'http://x.test/h',
        secret: 's'.repeat(16),
        eventTypes: ['incident.created'],
        active: true,
        createdBy: 'u1',
        createdAt: NOW,
        updatedAt: NOW,
      };
      await store.webhooks.insert(hook);
      await store.webhooks.update({ ...hook, active: false });
      expect(await store.webhooks.list()).toEqual([{ ...hook, active: false }]);
      expect(await store.webhooks.remove('w1')).toBe(true);
      expect(await store.webhooks.remove('w1')).toBe(false);
    });

    it('deliveries: due ones in order, claimed by one worker only, re-claimable after the lease', async () => {
      await store.deliveries.insert(delivery('d2', '2026-11-20T02:00:02.000Z'));
      await store.deliveries.insert(delivery('d1', '2026-11-20T02:00:01.000Z'));
      await store.deliveries.insert(delivery('d3', '2026-11-20T03:00:00.000Z'));
      const due = await store.deliveries.listDue('2026-11-20T02:30:00.000Z', 10);
      expect(due.map((d) => d.id)).toEqual(['d1', 'd2']);
      const lease = '2026-11-20T02:32:00.000Z';
      const claims = await Promise.all([1, 2, 3].map(() => store.deliveries.claim('d1', 0, '2026-11-20T02:30:00.000Z', lease)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await store.deliveries.get('d1'))?.status).toBe('sending');
      expect((await store.deliveries.listDue('2026-11-20T02:31:00.000Z', 10)).map((d) => d.id)).toEqual(['d2']);
      // The worker died mid-send: after the lease the delivery is due again.
      expect((await store.deliveries.listDue('2026-11-20T02:33:00.000Z', 10)).map((d) => d.id)).toEqual(['d2', 'd1']);
      expect(await store.deliveries.claim('d1', 0, '2026-11-20T02:33:00.000Z', '2026-11-20T02:35:00.000Z')).toBe(true);
      await store.deliveries.finish(delivery('d1', '2026-11-20T02:00:01.000Z', { status: 'failed', attempts: 8, lastError: 'boom' }));
      expect((await store.deliveries.list({ limit: 10, status: 'failed' })).items.map((d) => d.id)).toEqual(['d1']);
      expect(await store.deliveries.claim('d1', 8, '2026-11-20T04:00:00.000Z', '2026-11-20T04:02:00.000Z')).toBe(false);
    });

    it('deliveries: the outbox pages newest first (ties by id, also newest first) with a cursor, by status', async () => {
      const sent = (id: string, createdAt: string) => delivery(id, createdAt, { status: 'sent', sentAt: createdAt });
      await store.deliveries.insert(sent('o1', '2026-11-20T05:00:01.000Z'));
      await store.deliveries.insert(sent('o2', '2026-11-20T05:00:02.000Z'));
      await store.deliveries.insert(sent('o3', '2026-11-20T05:00:02.000Z'));
      const first = await store.deliveries.list({ limit: 2, status: 'sent' });
      expect(first.items.map((d) => d.id)).toEqual(['o3', 'o2']);
      const rest = await store.deliveries.list({ limit: 2, status: 'sent', cursor: first.nextCursor! });
      expect(rest.items.map((d) => d.id)).toEqual(['o1']);
      expect(rest.nextCursor).toBeNull();
    });

    it('SLA: policies by scope; one timer per incident, advanced only from the state that was read', async () => {
      const policy = {
        scope: 'default' as const,
        acknowledge: 'PT5S',
        leaveTriage: null,
        contain: 'PT4H',
        escalationDelay: 'PT1M',
        version: 1,
        updatedAt: NOW,
        updatedBy: 'u1',
      };
      await store.slaPolicies.upsert(policy);
      await store.slaPolicies.upsert({ ...policy, scope: 'high' });
      expect((await store.slaPolicies.list()).map((p) => p.scope)).toEqual(['default', 'high']);
      expect(await store.slaPolicies.get('default')).toEqual(policy);
      expect(await store.slaPolicies.remove('high')).toBe(true);

      const timer = {
        incidentId: 'i1',
        milestone: 'acknowledged' as const,
        deadline: '2026-11-20T02:00:05.000Z',
        dueAt: '2026-11-20T02:00:05.000Z',
        step: 0,
      };
      await store.slaTimers.put(timer);
      await store.slaTimers.put({ ...timer, incidentId: 'i2', dueAt: '2026-11-20T05:00:00.000Z', deadline: '2026-11-20T05:00:00.000Z' });
      expect((await store.slaTimers.listDue('2026-11-20T02:00:06.000Z', 10)).map((t) => t.incidentId)).toEqual(['i1']);
      const next = { ...timer, step: 1, dueAt: '2026-11-20T02:01:06.000Z' };
      const results = await Promise.all([store.slaTimers.advance(timer, next), store.slaTimers.advance(timer, next)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.slaTimers.get('i1')).toEqual(next);
      await store.slaTimers.remove('i1');
      expect(await store.slaTimers.get('i1')).toBeNull();
    });

    it('incidents: the SLA due time is set without a new version and filters overdue incidents', async () => {
      await store.incidents.insert(incident('000001', '2026-11-20T01:00:00.000Z'));
      await store.incidents.insert(incident('000002', '2026-11-20T01:10:00.000Z'));
      await store.incidents.setSlaDueAt('000001', '2026-11-20T01:30:00.000Z');
      await store.incidents.setSlaDueAt('000002', '2026-11-20T09:00:00.000Z');
      const one = await store.incidents.get('000001');
      expect(one).toMatchObject({ slaDueAt: '2026-11-20T01:30:00.000Z', version: 1 });
      expect((await store.incidents.list({ limit: 10, overdueAt: '2026-11-20T02:00:00.000Z' })).items.map((i) => i.id)).toEqual(['000001']);
      // A later edit of the incident keeps the due time it carries.
      await store.incidents.update({ ...one!, title: 'Sửa', version: 2 }, 1);
      expect((await store.incidents.list({ limit: 10, overdueAt: '2026-11-20T02:00:00.000Z' })).items.map((i) => i.id)).toEqual(['000001']);
      await store.incidents.setSlaDueAt('000001', null);
      expect((await store.incidents.list({ limit: 10, overdueAt: '2026-11-20T12:00:00.000Z' })).items.map((i) => i.id)).toEqual(['000002']);
    });
  });
}
