import { describe, expect, it } from 'vitest';
import { matchRoutingRule, type RoutingActions, type RoutingConditions, type RoutingFacts, type RuleLike } from './routing.js';

const actions: RoutingActions = {
  owningTeamId: null,
  informTeamIds: [],
  assignOnCall: true,
  informLeaders: false,
  tags: [],
  playbook: null,
};
const rule = (id: string, conditions: RoutingConditions, enabled = true): RuleLike => ({ id, name: id, enabled, conditions, actions });
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  category: 'phishing',
  severity: null,
  serious: false,
  systemLevel: 2,
  sector: null,
  agencyId: 'commune-1',
  agencyType: 'commune_committee',
  tlp: 'amber',
  impacts: [],
  hasIndicators: false,
  source: 'agency',
  ...over,
});

const RULES = [
  rule('secrets', { impacts: ['state_secret_disclosure'] }),
  rule('security-sector', { sectors: ['security_public_order', 'defence'] }),
  rule('serious', { serious: true }),
  rule('health', { sectors: ['health'] }),
  rule('machine-ddos', { sources: ['machine'], categories: ['ddos'], hasIndicators: true }),
  rule('red-dept', { tlps: ['red'], agencyTypes: ['provincial_department'] }),
  rule('high-l4', { severities: ['high', 'critical'], systemLevels: [4, 5] }),
  rule('one-agency', { agencyIds: ['agency-x'] }),
  rule('disabled-catch-all', {}, false),
];

describe('matchRoutingRule: first enabled rule whose every condition holds', () => {
  it.each([
    ['a phishing report from a commune matches nothing specific', facts(), null],
    [
      'state secrets go first, whatever else holds',
      facts({ impacts: ['service_interruption', 'state_secret_disclosure'], serious: true }),
      'secrets',
    ],
    ['a defence-sector system', facts({ sector: 'defence' }), 'security-sector'],
    ['serious before health', facts({ sector: 'health', serious: true }), 'serious'],
    ['a health-sector system', facts({ sector: 'health' }), 'health'],
    ['a machine DDoS with indicators', facts({ source: 'machine', category: 'ddos', hasIndicators: true }), 'machine-ddos'],
    ['a machine DDoS without indicators does not match that rule', facts({ source: 'machine', category: 'ddos' }), null],
    ['an agency-form DDoS does not match a machine rule', facts({ category: 'ddos', hasIndicators: true }), null],
    ['TLP:RED from a provincial department', facts({ tlp: 'red', agencyType: 'provincial_department' }), 'red-dept'],
    ['TLP:RED from a commune', facts({ tlp: 'red' }), null],
    ['high severity on a level-4 system', facts({ severity: 'high', systemLevel: 4 }), 'high-l4'],
    ['no severity yet never matches a severity condition', facts({ systemLevel: 4 }), null],
    ['an unknown system level never matches a level condition', facts({ severity: 'critical', systemLevel: null }), null],
    ['a named agency', facts({ agencyId: 'agency-x' }), 'one-agency'],
  ])('%s', (_label, input, expected) => {
    expect(matchRoutingRule(RULES, input).rule?.id ?? null).toBe(expected);
  });

  it('explains the match with the conditions that held, and traces the rules looked at', () => {
    const match = matchRoutingRule(RULES, facts({ sector: 'health' }));
    expect(match.reasons).toEqual(['sectors=health']);
    expect(match.trace.map((t) => [t.ruleId, t.matched])).toEqual([
      ['secrets', false],
      ['security-sector', false],
      ['serious', false],
      ['health', true],
    ]);
    expect(match.trace[2]!.checks).toEqual([{ condition: 'serious', expected: true, actual: false, holds: false }]);
  });

  it('falls back to the built-in default, and a rule without conditions matches everything', () => {
    expect(matchRoutingRule([], facts())).toMatchObject({ rule: null, reasons: ['default_standing_team'] });
    const catchAll = matchRoutingRule([...RULES.slice(0, 2), rule('all', {})], facts());
    expect(catchAll.rule?.id).toBe('all');
    expect(catchAll.reasons).toEqual(['no_conditions']);
  });

  it('ignores disabled rules and empty lists', () => {
    expect(matchRoutingRule([rule('off', { categories: ['phishing'] }, false)], facts()).rule).toBeNull();
    expect(matchRoutingRule([rule('empty', { categories: [], sectors: [] })], facts()).rule?.id).toBe('empty');
  });
});
