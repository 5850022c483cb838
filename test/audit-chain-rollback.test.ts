/**
 * Issue #11: the SQLite audit log remembers its last entry instead of reading it back for
 * every appended one. An entry rolled back with its transaction — alone (its savepoint in a
 * group commit) or with the whole batch — must not be remembered as the chain's end: the
 * next entry links to the entry before it, and the chain still verifies with no gap.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EVENTS } from '@cert-hub/shared';
import { verifyChain } from '../server/src/audit/chain.js';
import { commit } from '../server/src/platform/unitOfWork.js';
import { createTestHub, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
beforeAll(() => {
  hub = createTestHub();
});
afterAll(async () => {
  await hub.close();
});

const recordOne = (entityId: string, fail = false) =>
  commit(hub.deps, null, async (_tx, record) => {
    await record({ type: EVENTS.agencyUpdated, entity: 'agency', entityId, data: { note: entityId } });
    if (fail) throw new Error(`${entityId} refused`);
    return entityId;
  });

it('an entry rolled back with its savepoint, between two that commit in the same batch, leaves no gap', async () => {
  const before = (await hub.store.audit.last())?.seq ?? 0;
  // Started in one turn: one group commit, the middle one rolled back to its savepoint.
  const results = await Promise.allSettled([recordOne('first'), recordOne('refused', true), recordOne('second')]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  await recordOne('later');
  const entries = await hub.store.audit.listAfter(before, 10);
  expect(entries.map((e) => [e.seq, e.entityId])).toEqual([
    [before + 1, 'first'],
    [before + 2, 'second'],
    [before + 3, 'later'],
  ]);
  expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
  expect(await verifyChain(hub.store.audit)).toEqual({ ok: true, checked: before + 3 });
});

it('an entry rolled back alone (its own transaction) is not the chain’s end either', async () => {
  const before = (await hub.store.audit.last())!;
  await expect(recordOne('refused again', true)).rejects.toThrow('refused again');
  expect((await hub.store.audit.last())?.seq).toBe(before.seq);
  await recordOne('after the refusal');
  const [entry] = await hub.store.audit.listAfter(before.seq, 10);
  expect(entry).toMatchObject({ seq: before.seq + 1, prevHash: before.hash, entityId: 'after the refusal' });
  expect((await verifyChain(hub.store.audit)).ok).toBe(true);
});
