/**
 * The store contract for what the hub scheduler reads (platform/scheduler.ts): each job's next
 * due time, straight from the store. Run against every adapter available, like
 * test/store-contract.test.ts; each case opens its own empty store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord, SlaTimerRecord, Store } from '../server/src/store/port.js';
import { SqliteStore } from '../server/src/store/sqlite/sqliteStore.js';

interface Adapter {
  name: string;
  open: () => Promise<Store>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-contract-scheduler-'));
let opened = 0;
const adapters: Adapter[] = [{ name: 'sqlite', open: async () => SqliteStore.open(path.join(tmp, `contract-${++opened}.sqlite`)) }];
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
  process.stdout.write('\n[store-contract] MONGODB_URI is not set: the MongoDB leg of the store contract is SKIPPED.\n\n');
}
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const delivery = (id: string, nextAttemptAt: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  id,
  channel: 'webhook',
  target: 'w1',
  payload: { seq: 1 },
  status: 'pending',
  attempts: 0,
  nextAttemptAt,
  lastError: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  sentAt: null,
  ...extra,
});

const timer = (incidentId: string, dueAt: string): SlaTimerRecord => ({
  incidentId,
  milestone: 'acknowledged',
  deadline: dueAt,
  dueAt,
  step: 0,
});

for (const adapter of adapters) {
  describe(`scheduler store contract: ${adapter.name}`, () => {
    let store: Store | null = null;
    afterEach(async () => {
      await store?.close();
      store = null;
    });

    it('deliveries: the next due time is the earliest pending or leased attempt; sent and failed ones are done', async () => {
      store = await adapter.open();
      expect(await store.deliveries.nextDueAt()).toBeNull();
      await store.deliveries.insert(delivery('sent', '2026-11-20T01:00:00.000Z', { status: 'sent' }));
      await store.deliveries.insert(delivery('failed', '2026-11-20T01:30:00.000Z', { status: 'failed', attempts: 8 }));
      expect(await store.deliveries.nextDueAt()).toBeNull();
      await store.deliveries.insert(delivery('later', '2026-11-20T03:00:00.000Z'));
      await store.deliveries.insert(delivery('sooner', '2026-11-20T02:10:00.000Z'));
      expect(await store.deliveries.nextDueAt()).toBe('2026-11-20T02:10:00.000Z');
      // Claimed: due again when its lease runs out (the worker may have died mid-send).
      expect(await store.deliveries.claim('sooner', 0, '2026-11-20T02:10:00.000Z', '2026-11-20T02:12:00.000Z')).toBe(true);
      expect(await store.deliveries.nextDueAt()).toBe('2026-11-20T02:12:00.000Z');
      await store.deliveries.finish(delivery('sooner', '2026-11-20T02:10:00.000Z', { status: 'sent', attempts: 1 }));
      expect(await store.deliveries.nextDueAt()).toBe('2026-11-20T03:00:00.000Z');
    });

    it('SLA timers: the next due time is the earliest timer, following advances and removals', async () => {
      store = await adapter.open();
      expect(await store.slaTimers.nextDueAt()).toBeNull();
      const first = timer('i1', '2026-11-20T02:00:05.000Z');
      await store.slaTimers.put(first);
      await store.slaTimers.put(timer('i2', '2026-11-20T02:30:00.000Z'));
      expect(await store.slaTimers.nextDueAt()).toBe('2026-11-20T02:00:05.000Z');
      expect(await store.slaTimers.advance(first, { ...first, step: 1, dueAt: '2026-11-20T03:00:00.000Z' })).toBe(true);
      expect(await store.slaTimers.nextDueAt()).toBe('2026-11-20T02:30:00.000Z');
      await store.slaTimers.remove('i2');
      expect(await store.slaTimers.nextDueAt()).toBe('2026-11-20T03:00:00.000Z');
      await store.slaTimers.remove('i1');
      expect(await store.slaTimers.nextDueAt()).toBeNull();
    });
  });
}
