/**
 * The store contract for `incidents.getManyCards` (issue #11: the catch-up feed's cards), run
 * against every adapter available like test/store-contract.test.ts: for every kind of stored
 * incident — usual values left out of the SQLite document or not — the cards are exactly the
 * card fields of the whole records `getMany` answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentCardRecordOf } from '../server/src/store/incidentCards.js';
import type { IncidentRecord } from '../server/src/store/port.js';
import { incidentRecord as incident, storeAdapters, suiteStore } from './helpers/storeContract.js';

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

for (const adapter of storeAdapters('store-contract-incident-cards')) {
  describe(`store contract (incident cards): ${adapter.name}`, () => {
    const store = suiteStore(adapter);
    const stored: IncidentRecord[] = [
      // Every card field at its usual value (left out of the SQLite document).
      incident('c-usual', '2026-11-18T01:00:00.000Z'),
      // Every card field away from it.
      incident('c-worked', '2026-11-18T02:00:00.000Z', {
        agencyId: 'agency-b',
        title: 'Mã độc tống tiền mã hóa máy chủ tệp',
        category: 'ransomware',
        status: 'containment',
        severity: 'high',
        serious: true,
        lateReport: true,
        statusChangedAt: '2026-11-19T03:00:00.000Z',
        assigneeIds: ['u7', 'u8'],
        routing: {
          teamId: 't2',
          ruleId: 'rule-1',
          informedTeamIds: ['police'],
          assigneeIds: ['u7'],
          teamIds: ['t2', 'police'],
          reasons: ['rule'],
        },
        version: 7,
        slaDueAt: '2026-11-19T05:00:00.000Z',
      }),
      // Teams that are not only the owner and the informed ones (stored, not derived); no owner.
      incident('c-teams', '2026-11-18T04:00:00.000Z', {
        routing: { teamId: 't1', ruleId: null, informedTeamIds: ['t4'], assigneeIds: [], teamIds: ['t5', 't1', 't4'], reasons: [] },
      }),
      incident('c-unrouted', '2026-11-18T05:00:00.000Z', {
        routing: { teamId: null, ruleId: null, informedTeamIds: [], assigneeIds: [], teamIds: [], reasons: [] },
      }),
      // A drill's inject, closed, its SLA due time cleared.
      incident('c-drill', '2026-11-18T03:00:00.000Z', {
        status: 'closed',
        drill: { drillId: 'd1', injectId: 'inj-1' },
        slaDueAt: null,
      }),
    ];
    beforeAll(async () => {
      for (const i of stored) await store.incidents.insert(i);
    });

    it('answers the card fields of the whole records, for every kind of incident', async () => {
      const ids = stored.map((i) => i.id);
      const cards = await store.incidents.getManyCards([...ids, 'c-missing', ids[0]!]);
      const whole = await store.incidents.getMany(ids);
      expect(byId(cards)).toEqual(byId(whole).map(incidentCardRecordOf));
      // And they are what was stored, not only what the adapter reads back whole.
      expect(byId(cards)).toEqual(byId(stored).map(incidentCardRecordOf));
    });

    it('follows an update and answers nothing for no ids', async () => {
      const before = (await store.incidents.get('c-usual'))!;
      const moved = { ...before, status: 'triage' as const, statusChangedAt: '2026-11-20T01:00:00.000Z', assigneeIds: ['u9'], version: 2 };
      expect(await store.incidents.update(moved, 1)).toBe(true);
      expect(await store.incidents.getManyCards(['c-usual'])).toEqual([incidentCardRecordOf(moved)]);
      expect(await store.incidents.getManyCards([])).toEqual([]);
    });
  });
}
