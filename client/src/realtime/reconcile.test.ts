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
    for (const copy of order) map = reconcileIncidents(map, [copy]);
    expect(kind(map.get('i1'))).toBe('full v3');
    expect(map.get('i1')!.status).toBe('triage');
    // All at once gives the same answer as one by one.
    expect(reconcileIncidents(new Map(), order).get('i1')).toBe(map.get('i1'));
  });

  it('returns the same map when nothing changed (React skips the render) and never mutates the held one', () => {
    const held = reconcileIncidents(new Map(), [card(2)]);
    expect(reconcileIncidents(held, [card(1), card(2)])).toBe(held);
    const next = reconcileIncidents(held, [card(3), card(1, { id: 'i2' })]);
    expect(next).not.toBe(held);
    expect(held.get('i1')!.version).toBe(2);
    expect([...next.keys()].sort()).toEqual(['i1', 'i2']);
  });
});

describe('toCard', () => {
  it('keeps only the card fields of a whole incident', () => {
    const kept = toCard(full(2));
    expect(kept).toEqual(card(2));
    expect(isFullIncident(kept)).toBe(false);
  });
});
