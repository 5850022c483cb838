/**
 * The store contract for the catch-up feed's query (`events.listVisibleAfter`), run against
 * every adapter available like test/store-contract.test.ts: the scope filter runs in the
 * store, follows the incident's CURRENT teams and agency, hides internal kinds from the
 * agency side, and never looks past `scanUpTo`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../server/src/store/port.js';
import { incidentRecord as incident, storeAdapters, suiteStore } from './helpers/storeContract.js';

const event = (incidentId: string, type: string, data: Record<string, unknown> = {}): NewEvent => ({
  type,
  entity: 'incident',
  entityId: incidentId,
  incidentId,
  version: 1,
  at: '2026-11-20T02:00:00.000Z',
  actorId: null,
  data,
});

for (const adapter of storeAdapters('store-contract-events')) {
  describe(`store contract (event feed): ${adapter.name}`, () => {
    const store = suiteStore(adapter);
    const seqs: Record<string, number> = {};
    beforeAll(async () => {
      await store.incidents.insert(incident('fa', '2026-11-18T01:00:00.000Z', { agencyId: 'agency-a' }));
      await store.incidents.insert(
        incident('fb', '2026-11-18T02:00:00.000Z', {
          agencyId: 'agency-b',
          routing: {
            teamId: 't1',
            ruleId: null,
            informedTeamIds: ['police'],
            assigneeIds: [],
            teamIds: ['t1', 'police'],
            reasons: ['standing_team'],
          },
        }),
      );
      const log: [string, NewEvent][] = [
        ['a-created', event('fa', 'incident.created')],
        ['b-created', event('fb', 'incident.created')],
        ['a-internal', event('fa', 'incident.comment_added', { visibility: 'internal' })],
        ['a-reply', event('fa', 'incident.comment_added', { visibility: 'agency' })],
        ['a-tags', event('fa', 'incident.updated', { changes: { tags: [[], ['apt']] } })],
        ['b-moved', event('fb', 'incident.status_changed', { from: 'received', to: 'triage' })],
      ];
      for (const [name, e] of log) seqs[name] = (await store.events.append(e)).seq;
      // Not an incident event: never in the feed.
      await store.events.append({ ...event('x', 'agency.updated'), entity: 'agency', incidentId: null });
    });

    const names = (events: { seq: number }[]) => events.map((e) => Object.entries(seqs).find(([, s]) => s === e.seq)?.[0]);
    const all = { limit: 100, scanUpTo: 1_000 };

    it('gives the agency side its own incidents’ agency-visible events only', async () => {
      const got = await store.events.listVisibleAfter(0, { kind: 'agency', agencyId: 'agency-a', agencyVisibleOnly: true }, all);
      expect(names(got)).toEqual(['a-created', 'a-reply']);
    });

    it('gives a team everything of the incidents routed to it, and nothing else', async () => {
      expect(names(await store.events.listVisibleAfter(0, { kind: 'teams', teamIds: ['police'] }, all))).toEqual(['b-created', 'b-moved']);
      expect(names(await store.events.listVisibleAfter(0, { kind: 'teams', teamIds: ['t1'] }, all))).toEqual([
        'a-created',
        'b-created',
        'a-internal',
        'a-reply',
        'a-tags',
        'b-moved',
      ]);
      expect(await store.events.listVisibleAfter(0, { kind: 'teams', teamIds: [] }, all)).toEqual([]);
      expect(await store.events.listVisibleAfter(0, { kind: 'none' }, all)).toEqual([]);
    });

    it('gives everything of incidents to leaders, in order, from after a seq', async () => {
      expect(names(await store.events.listVisibleAfter(seqs['a-internal']!, { kind: 'all' }, all))).toEqual([
        'a-reply',
        'a-tags',
        'b-moved',
      ]);
    });

    it('never looks past scanUpTo, and stops at limit', async () => {
      const scope = { kind: 'agency', agencyId: 'agency-b', agencyVisibleOnly: true } as const;
      expect(names(await store.events.listVisibleAfter(0, scope, { limit: 100, scanUpTo: seqs['a-tags']! }))).toEqual(['b-created']);
      expect(names(await store.events.listVisibleAfter(0, { kind: 'all' }, { limit: 2, scanUpTo: 1_000 }))).toEqual([
        'a-created',
        'b-created',
      ]);
    });

    it('follows the incident’s current routing and agency', async () => {
      const b = (await store.incidents.get('fb'))!;
      await store.incidents.update({ ...b, agencyId: 'agency-a', routing: { ...b.routing, teamIds: ['t1'] }, version: 2 }, 1);
      expect(await store.events.listVisibleAfter(0, { kind: 'teams', teamIds: ['police'] }, all)).toEqual([]);
      const a = await store.events.listVisibleAfter(0, { kind: 'agency', agencyId: 'agency-a', agencyVisibleOnly: true }, all);
      expect(names(a)).toEqual(['a-created', 'b-created', 'a-reply', 'b-moved']);
    });

    it('reads a page’s incidents at once: each existing one whole and once, unknown ids left out', async () => {
      const many = await store.incidents.getMany(['fb', 'nope', 'fa', 'fb']);
      expect(many.map((i) => i.id).sort()).toEqual(['fa', 'fb']);
      for (const i of many) expect(i).toEqual(await store.incidents.get(i.id));
      expect(await store.incidents.getMany([])).toEqual([]);
    });
  });
}
