import { describe, expect, it } from 'vitest';
import type { IncidentCardView } from '@cert-hub/shared';
import { columnQuery, matchesFilters, type BoardFilters } from './cards.js';

const card = (over: Partial<IncidentCardView> = {}): IncidentCardView => ({
  id: 'i1',
  code: 'SC-2026-000001',
  agencyId: 'a1',
  title: 'Thư lừa đảo',
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
  version: 1,
  abilities: ['transition'],
  ...over,
});

const noFilters: BoardFilters = { mine: false, serious: false, overdue: false, kind: 'all' };
const NOW = Date.parse('2026-11-20T02:00:00.000Z');

describe('board filters', () => {
  it('turn into the list query of one column, in the card view', () => {
    expect(columnQuery('triage', { ...noFilters, team: 't1', mine: true, kind: 'drill' }, 'u1')).toEqual({
      view: 'card',
      status: 'triage',
      teamId: 't1',
      agencyId: undefined,
      severity: undefined,
      category: undefined,
      assigneeId: 'u1',
      serious: undefined,
      overdue: undefined,
      drill: 'true',
    });
    expect(columnQuery('received', { ...noFilters, kind: 'real' }, 'u1').drill).toBe('false');
  });

  it('apply the same rules to cards arriving live', () => {
    expect(matchesFilters(card(), noFilters, 'u1', NOW)).toBe(true);
    expect(matchesFilters(card({ status: 'rejected' }), noFilters, 'u1', NOW)).toBe(false);
    expect(matchesFilters(card(), { ...noFilters, team: 't2' }, 'u1', NOW)).toBe(false);
    expect(matchesFilters(card({ assigneeIds: ['u1'] }), { ...noFilters, mine: true }, 'u1', NOW)).toBe(true);
    expect(matchesFilters(card(), { ...noFilters, mine: true }, 'u1', NOW)).toBe(false);
    expect(matchesFilters(card({ drill: { drillId: 'd', injectId: null } }), { ...noFilters, kind: 'real' }, 'u1', NOW)).toBe(false);
    expect(matchesFilters(card({ serious: true }), { ...noFilters, serious: true }, 'u1', NOW)).toBe(true);
    expect(matchesFilters(card({ slaDueAt: '2026-11-20T01:59:00.000Z' }), { ...noFilters, overdue: true }, 'u1', NOW)).toBe(true);
    expect(matchesFilters(card({ slaDueAt: '2026-11-20T02:30:00.000Z' }), { ...noFilters, overdue: true }, 'u1', NOW)).toBe(false);
    expect(matchesFilters(card(), { ...noFilters, overdue: true }, 'u1', NOW)).toBe(false);
  });
});
