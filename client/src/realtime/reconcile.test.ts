import { describe, expect, it } from 'vitest';
import type { IncidentCardView, IncidentView } from '@cert-hub/shared';
import { isFullIncident, newerIncident, reconcileIncidents, toCard, type IncidentEntry } from './reconcile.js';

const card = (version: number, over: Partial<IncidentCardView> = {}): IncidentCardView => ({
  id: 'i1',
  code: 'SC-2026-000001',
  agencyId: 'a1',
  title: `v${version}`,
  category: 'phishing',
  status: 'received',
  severity: null,
  serious: false,
  lateReport: false,
  drill: null,
  reportedAt: '2026-11-20T01:00:00.000Z',
  statusChangedAt: '2026-11-20T01:00:00.000Z',
  assigneeIds: [],
  routing: { teamId: 't1', teamIds: ['t1'] },
  slaDueAt: null,
  version,
  abilities: ['transition'],
  ...over,
});
/** A whole incident: the card fields plus what only the incident page shows. */
const full = (version: number, over: Partial<IncidentCardView> = {}) =>
  ({ ...card(version, over), description: 'Nhiều thư giả mạo', indicators: [] }) as unknown as IncidentView;

const kind = (e: IncidentEntry | undefined) => (e === undefined ? 'none' : `${isFullIncident(e) ? 'full' : 'card'} v${e.version}`);

describe('newerIncident: which of two copies of an incident the console keeps', () => {
  it.each<[string, IncidentEntry | undefined, IncidentEntry, string, 'held' | 'incoming']>([
    ['nothing held: the incoming copy', undefined, card(1), 'card v1', 'incoming'],
    ['a newer card replaces an older card', card(2), card(3), 'card v3', 'incoming'],
    ['an older card never replaces a newer one', card(3), card(2), 'card v3', 'held'],
    ['same version, both cards: the held copy stays', card(2, { title: 'first' }), card(2, { title: 'second' }), 'card v2', 'held'],
    ['same version: the whole incident replaces its card', card(2), full(2), 'full v2', 'incoming'],
    ['same version: a card never replaces the whole incident', full(2), card(2), 'full v2', 'held'],
    ['same version, both whole: the held copy stays', full(2, { title: 'first' }), full(2, { title: 'second' }), 'full v2', 'held'],
    ['a newer card replaces an older whole incident (the version says more than the detail)', full(2), card(3), 'card v3', 'incoming'],
    ['an older whole incident never replaces a newer card', card(3), full(2), 'card v3', 'held'],
    ['a newer whole incident replaces an older whole one', full(4), full(5), 'full v5', 'incoming'],
  ])('%s', (_name, held, incoming, expected, winner) => {
    const kept = newerIncident(held, incoming);
    expect(kind(kept)).toBe(expected);
    expect(kept).toBe(winner === 'held' ? held : incoming);
  });
});

describe('reconcileIncidents: copies arriving in any order converge on the newest', () => {
  const arrivals = [card(1), full(3, { status: 'triage' }), card(2), card(3), full(2)];
  // Every order of the same five copies ends with the whole incident at version 3.
  const orders = [arrivals, [...arrivals].reverse(), [arrivals[2]!, arrivals[4]!, arrivals[0]!, arrivals[3]!, arrivals[1]!]];
  it.each(orders.map((order, n) => [n, order] as const))('order %i', (_n, order) => {
    let map: ReadonlyMap<string, IncidentEntry> = new Map();
    for (const copy of order) map = reconcileIncidents(map, [copy]).incidents;
    expect(kind(map.get('i1'))).toBe('full v3');
    expect(map.get('i1')!.status).toBe('triage');
    // All at once gives the same answer as one by one.
    expect(reconcileIncidents(new Map(), order).incidents.get('i1')).toBe(map.get('i1'));
  });

  it('returns the same map when nothing changed (React skips the render) and never mutates the held one', () => {
    const held = reconcileIncidents(new Map(), [card(2)]).incidents;
    expect(reconcileIncidents(held, [card(1), card(2)]).incidents).toBe(held);
    const next = reconcileIncidents(held, [card(3), card(1, { id: 'i2' })]).incidents;
    expect(next).not.toBe(held);
    expect(held.get('i1')!.version).toBe(2);
    expect([...next.keys()].sort()).toEqual(['i1', 'i2']);
  });
});

describe('reconcileIncidents: an incident a page shows whole (watched)', () => {
  const watched = (id: string) => id === 'i1';
  it.each<[string, IncidentEntry | undefined, IncidentEntry, string, number | null]>([
    ['a newer card keeps the whole copy on the page and asks for the incident whole', full(2), card(3), 'full v2', 3],
    ['a card at the same version keeps the whole copy, nothing to read', full(3), card(3), 'full v3', null],
    ['an older card keeps the whole copy, nothing to read', full(3), card(2), 'full v3', null],
    ['a newer whole incident replaces the whole copy, nothing to read', full(2), full(3), 'full v3', null],
    ['nothing held yet: the card is kept and the incident read whole', undefined, card(2), 'card v2', 2],
    ['only a card held: a newer card replaces it and the incident is read whole', card(2), card(3), 'card v3', 3],
    ['only a card held: the same card again asks for nothing', card(3), card(3), 'card v3', null],
    ['only a card held: the whole incident replaces it', card(3), full(3), 'full v3', null],
  ])('%s', (_name, held, incoming, expected, reread) => {
    const current = new Map<string, IncidentEntry>(held ? [['i1', held]] : []);
    const result = reconcileIncidents(current, [incoming], watched);
    expect(kind(result.incidents.get('i1'))).toBe(expected);
    expect(result.reread.get('i1') ?? null).toBe(reread);
  });

  it('asks for the newest version cards announced, and never for an incident no page watches', () => {
    const current = new Map<string, IncidentEntry>([
      ['i1', full(2)],
      ['i2', full(2, { id: 'i2' })],
    ]);
    const result = reconcileIncidents(current, [card(4), card(3), card(5, { id: 'i2' })], watched);
    expect([...result.reread]).toEqual([['i1', 4]]);
    expect(kind(result.incidents.get('i1'))).toBe('full v2');
    // Not watched: the newer card replaces the whole copy (no page shows it).
    expect(kind(result.incidents.get('i2'))).toBe('card v5');
  });

  it('the same copies in any order converge once the whole incident read again arrives', () => {
    const arrivals = [full(2), card(4), card(3), full(4, { status: 'triage' })];
    for (const order of [arrivals, [...arrivals].reverse(), [arrivals[1]!, arrivals[0]!, arrivals[3]!, arrivals[2]!]]) {
      let map: ReadonlyMap<string, IncidentEntry> = new Map();
      for (const copy of order) map = reconcileIncidents(map, [copy], watched).incidents;
      expect(kind(map.get('i1'))).toBe('full v4');
      expect(map.get('i1')!.status).toBe('triage');
    }
  });
});

describe('toCard', () => {
  it('keeps only the card fields of a whole incident', () => {
    const kept = toCard(full(2));
    expect(kept).toEqual(card(2));
    expect(isFullIncident(kept)).toBe(false);
  });
});
