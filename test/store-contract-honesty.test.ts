/**
 * The store port's contract, second part (issue #13): reads isolated from a running
 * transaction, the port's DuplicateKeyError, group commit, and the repositories the first
 * contract file did not cover (attachments, API keys, playbooks, the standing team).
 * Run against SQLite always and MongoDB when MONGODB_URI points at a replica set.
 */
import { describe, expect, it } from 'vitest';
import { DuplicateKeyError, type ApiKeyRecord, type TeamRecord } from '../server/src/store/port.js';
import { agencyRecord as agency, NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';

const team = (id: string, name: string, isStanding: boolean): TeamRecord => ({
  id,
  name,
  kind: 'provincial_cert',
  isStanding,
  organization: null,
  sectorCode: null,
  description: null,
  phone: null,
  email: null,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
});
const apiKey = (id: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id,
  name: `SOC ${id}`,
  keyHash: `hash-${id}`,
  prefix: `ch_${id}`,
  agencyIds: ['a1'],
  createdBy: 'u1',
  createdAt: NOW,
  revokedAt: null,
  lastUsedAt: null,
  ...extra,
});
const event = (entityId: string) => ({
  type: 'agency.created',
  entity: 'agency',
  entityId,
  incidentId: null,
  version: 1,
  at: NOW,
  actorId: null,
  data: { entityId },
});

/** A promise with its resolve function outside, to hold a transaction open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

for (const adapter of storeAdapters('store-contract-honesty')) {
  describe(`store contract (honesty): ${adapter.name}`, () => {
    const store = suiteStore(adapter);

    it('never shows a read the rows of a transaction that is still open and later rolls back', async () => {
      const inserted = gate();
      const release = gate();
      const running = store.transaction(async (tx) => {
        await tx.agencies.insert(agency('iso-rolled-back', 'Cơ quan chưa cam kết'));
        inserted.open();
        await release.opened; // real I/O inside a transaction would wait like this
        throw new Error('abort after the read');
      });
      const rejected = expect(running).rejects.toThrow('abort after the read');
      await inserted.opened;
      const reads = Promise.all([
        store.agencies.get('iso-rolled-back'),
        store.agencies.list({ limit: 10, q: 'chua cam ket' }),
        store.agencies.count(),
      ]);
      // Give the reads a chance to run while the transaction is still open, then end it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      release.open();
      const [got, listed, counted] = await reads;
      await rejected;
      expect(got).toBeNull();
      expect(listed.items).toEqual([]);
      expect(counted).toBe(0);
      expect(await store.agencies.get('iso-rolled-back')).toBeNull();
    });

    it('shows a transaction’s rows to reads only once it has committed', async () => {
      const inserted = gate();
      const release = gate();
      const running = store.transaction(async (tx) => {
        await tx.agencies.insert(agency('iso-committed', 'Cơ quan đã cam kết'));
        inserted.open();
        await release.opened;
        return 'committed';
      });
      await inserted.opened;
      const during = store.agencies.get('iso-committed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      release.open();
      expect(await during).toBeNull();
      expect(await running).toBe('committed');
      expect((await store.agencies.get('iso-committed'))!.name).toBe('Cơ quan đã cam kết');
    });

    it('reports a unique-key violation as the port’s DuplicateKeyError, inside and outside a transaction', async () => {
      await store.agencies.insert(agency('dup-1', 'Trùng'));
      await expect(store.agencies.insert(agency('dup-1', 'Trùng lần hai'))).rejects.toBeInstanceOf(DuplicateKeyError);
      const record = { scope: 'incident:u1', key: 'k-dup', requestHash: 'h', resourceId: 'i1', status: 201, createdAt: NOW };
      await store.idempotency.insert(record);
      await expect(
        store.transaction(async (tx) => {
          await tx.idempotency.insert({ ...record, resourceId: 'i2' });
        }),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await store.idempotency.get('incident:u1', 'k-dup'))!.resourceId).toBe('i1');
      await store.apiKeys.insert(apiKey('dup-key'));
      await expect(store.apiKeys.insert(apiKey('other-id', { keyHash: 'hash-dup-key' }))).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('commits concurrent transactions independently: one failing leaves the others and their events whole', async () => {
      const before = await store.events.lastSeq();
      const ids = Array.from({ length: 20 }, (_, i) => `batch-${i}`);
      const results = await Promise.allSettled(
        ids.map((id, i) =>
          store.transaction(async (tx) => {
            await tx.agencies.insert(agency(id, `Cơ quan ${id}`));
            await tx.events.append(event(id));
            if (i === 7) throw new Error('this one fails');
            return id;
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual(ids.filter((_, i) => i !== 7));
      for (const [i, id] of ids.entries()) expect((await store.agencies.get(id)) === null).toBe(i === 7);
      const events = await store.events.listAfter(before, 100);
      expect(events.map((e) => e.entityId)).toEqual(ids.filter((_, i) => i !== 7));
    });

    it('stores attachments and lists them per incident in upload order', async () => {
      const attachment = (id: string, incidentId: string, createdAt: string) => ({
        id,
        incidentId,
        fileName: `${id}.png`,
        storageKey: `key-${id}`,
        mediaType: 'image/png',
        size: 1234,
        sha256: 'ab'.repeat(32),
        uploadedBy: 'u1',
        createdAt,
      });
      await store.attachments.insert(attachment('att-b', 'inc-a', '2026-11-20T02:00:01.000Z'));
      await store.attachments.insert(attachment('att-a', 'inc-a', '2026-11-20T02:00:01.000Z'));
      await store.attachments.insert(attachment('att-c', 'inc-a', '2026-11-20T02:00:00.000Z'));
      await store.attachments.insert(attachment('att-other', 'inc-b', NOW));
      expect(await store.attachments.get('att-b')).toEqual(attachment('att-b', 'inc-a', '2026-11-20T02:00:01.000Z'));
      expect(await store.attachments.get('missing')).toBeNull();
      expect((await store.attachments.listByIncident('inc-a')).map((a) => a.id)).toEqual(['att-c', 'att-a', 'att-b']);
      expect(await store.attachments.listByIncident('inc-none')).toEqual([]);
      await expect(store.attachments.insert(attachment('att-a', 'inc-b', NOW))).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('finds API keys by hash, updates and lists them', async () => {
      await store.apiKeys.insert(apiKey('key-b'));
      await store.apiKeys.insert(apiKey('key-a', { agencyIds: ['a1', 'a2'] }));
      expect(await store.apiKeys.getByHash('hash-key-a')).toEqual(apiKey('key-a', { agencyIds: ['a1', 'a2'] }));
      expect(await store.apiKeys.getByHash('nope')).toBeNull();
      await store.apiKeys.update(apiKey('key-b', { revokedAt: NOW, lastUsedAt: NOW }));
      expect((await store.apiKeys.get('key-b'))!.revokedAt).toBe(NOW);
      expect((await store.apiKeys.list()).map((k) => k.id)).toEqual(['dup-key', 'key-a', 'key-b']);
    });

    it('upserts playbooks per category and lists them by category', async () => {
      const playbook = (category: string, tasks: string[]) => ({ category, tasks, updatedAt: NOW, updatedBy: 'u1' });
      await store.playbooks.upsert(playbook('ransomware', ['Cô lập máy']));
      await store.playbooks.upsert(playbook('defacement', ['Chụp màn hình']));
      await store.playbooks.upsert(playbook('ransomware', ['Cô lập máy', 'Báo cáo']));
      expect(await store.playbooks.get('ransomware')).toEqual(playbook('ransomware', ['Cô lập máy', 'Báo cáo']));
      expect(await store.playbooks.get('phishing')).toBeNull();
      expect((await store.playbooks.list()).map((p) => p.category)).toEqual(['defacement', 'ransomware']);
    });

    it('lists the standing team only while it is standing', async () => {
      await store.teams.insert(team('team-standing', 'Đội ứng cứu thường trực', true));
      await store.teams.insert(team('team-sector', 'Đội ngành y tế', false));
      expect((await store.teams.listStanding()).map((t) => t.id)).toEqual(['team-standing']);
      const standing = (await store.teams.get('team-standing'))!;
      expect(await store.teams.update({ ...standing, isStanding: false, version: 2 }, 1)).toBe(true);
      expect(await store.teams.listStanding()).toEqual([]);
    });
  });
}
