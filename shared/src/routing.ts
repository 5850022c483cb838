/**
 * Routing rules (issue 8): an ordered list of rules that coordinators edit; the first rule
 * whose conditions all hold decides the owning team, the teams to inform, whether the
 * owning team's on-call person is assigned, tags and a playbook. Which bodies get what is
 * data (domain.md §2), the matching is this pure function, tested by tables.
 */
import { z } from 'zod';
import {
  IMPACTS,
  INCIDENT_CATEGORY_CODES,
  SEVERITIES,
  TLP_LEVELS,
  type Impact,
  type IncidentCategory,
  type Severity,
  type Tlp,
} from './incidents.js';
import { createIncidentInput } from './incidentSchemas.js';
import { idSchema, versionField } from './schemas.js';
import { AGENCY_TYPES, type AgencyType } from './vocabulary.js';

/** Where a report came from: the agency's form, a responder/the CERT, a machine key, e-mail (later). */
export const REPORT_SOURCES = ['agency', 'cert', 'machine', 'email'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** What a rule may look at. Lists mean "any of"; every given condition must hold. */
export const routingConditionsSchema = z.strictObject({
  categories: z.array(z.enum(INCIDENT_CATEGORY_CODES)).max(20).optional(),
  severities: z.array(z.enum(SEVERITIES)).max(4).optional(),
  serious: z.boolean().optional(),
  systemLevels: z.array(z.number().int().min(1).max(5)).max(5).optional(),
  sectors: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
  agencyIds: z.array(idSchema).max(200).optional(),
  agencyTypes: z.array(z.enum(AGENCY_TYPES)).max(10).optional(),
  tlps: z.array(z.enum(TLP_LEVELS)).max(5).optional(),
  /** Any of these impacts observed (e.g. state secrets, R7). */
  impacts: z.array(z.enum(IMPACTS)).max(IMPACTS.length).optional(),
  hasIndicators: z.boolean().optional(),
  sources: z.array(z.enum(REPORT_SOURCES)).max(4).optional(),
});
export type RoutingConditions = z.infer<typeof routingConditionsSchema>;

export const routingActionsSchema = z.strictObject({
  /** Null: the standing team (whichever team is standing at the time). */
  owningTeamId: idSchema.nullable(),
  informTeamIds: z.array(idSchema).max(20).default([]),
  /** Assign the owning team's primary on-call person at intake. */
  assignOnCall: z.boolean().default(true),
  /** Leaders are told of incidents matched by this rule. */
  informLeaders: z.boolean().default(false),
  tags: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  /** A category whose playbook gives the checklist; null: the incident's own category. */
  playbook: z.enum(INCIDENT_CATEGORY_CODES).nullable().default(null),
});
export type RoutingActions = z.infer<typeof routingActionsSchema>;

export const createRoutingRuleInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  enabled: z.boolean().default(true),
  conditions: routingConditionsSchema,
  actions: routingActionsSchema,
  /** 0-based place in the list; appended at the end when absent. */
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateRoutingRuleInput = z.infer<typeof createRoutingRuleInput>;

export const updateRoutingRuleInput = z.strictObject({
  version: versionField,
  name: z.string().trim().min(2).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  enabled: z.boolean().optional(),
  conditions: routingConditionsSchema.optional(),
  actions: routingActionsSchema.optional(),
});
export type UpdateRoutingRuleInput = z.infer<typeof updateRoutingRuleInput>;

/** The complete new order, every rule id once. */
export const reorderRoutingRulesInput = z.strictObject({ ruleIds: z.array(idSchema).max(500) });

/** "Which rule would match, and why": an intake report, plus how it would arrive. */
export const routingPreviewInput = createIncidentInput.extend({
  source: z.enum(REPORT_SOURCES).default('agency'),
  canHandleAlone: z.boolean().nullable().optional(),
  mayExceedCapacity: z.boolean().optional(),
});

/** Coordinator moves an incident: transfer it to another owning team, or add a body to it. */
export const rerouteInput = z.strictObject({
  version: versionField,
  action: z.enum(['transfer', 'add_team', 'remove_team']),
  teamId: idSchema,
  reason: z.string().trim().min(3).max(2000),
});
export type RerouteInput = z.infer<typeof rerouteInput>;

export interface RoutingRuleView {
  id: string;
  position: number;
  name: string;
  description: string | null;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The facts about a report that rules look at. */
export interface RoutingFacts {
  category: IncidentCategory;
  severity: Severity | null;
  serious: boolean;
  systemLevel: number | null;
  sector: string | null;
  agencyId: string;
  agencyType: AgencyType | null;
  tlp: Tlp;
  impacts: readonly Impact[];
  hasIndicators: boolean;
  source: ReportSource;
}

export interface RuleLike {
  id: string;
  name: string;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

export interface ConditionCheck {
  condition: keyof RoutingConditions;
  expected: unknown;
  actual: unknown;
  holds: boolean;
}

export interface RuleTrace {
  ruleId: string;
  name: string;
  enabled: boolean;
  matched: boolean;
  checks: ConditionCheck[];
}

export interface RuleMatch<R extends RuleLike> {
  /** Null when no rule matched: the built-in default (the standing team). */
  rule: R | null;
  /** The conditions that made the rule match, as `condition=value` strings. */
  reasons: string[];
  /** Every rule looked at, in order, up to and including the match. */
  trace: RuleTrace[];
}

/** Each given condition checked against the facts. */
export function checkConditions(conditions: RoutingConditions, facts: RoutingFacts): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  const anyOf = <T>(condition: keyof RoutingConditions, expected: readonly T[] | undefined, actual: T | null) => {
    if (expected === undefined || expected.length === 0) return;
    checks.push({ condition, expected, actual, holds: actual !== null && expected.includes(actual) });
  };
  const flag = (condition: keyof RoutingConditions, expected: boolean | undefined, actual: boolean) => {
    if (expected === undefined) return;
    checks.push({ condition, expected, actual, holds: expected === actual });
  };
  anyOf('categories', conditions.categories, facts.category);
  anyOf('severities', conditions.severities, facts.severity);
  flag('serious', conditions.serious, facts.serious);
  anyOf('systemLevels', conditions.systemLevels, facts.systemLevel);
  anyOf('sectors', conditions.sectors, facts.sector);
  anyOf('agencyIds', conditions.agencyIds, facts.agencyId);
  anyOf('agencyTypes', conditions.agencyTypes, facts.agencyType);
  anyOf('tlps', conditions.tlps, facts.tlp);
  if (conditions.impacts && conditions.impacts.length > 0)
    checks.push({
      condition: 'impacts',
      expected: conditions.impacts,
      actual: [...facts.impacts],
      holds: conditions.impacts.some((i) => facts.impacts.includes(i)),
    });
  flag('hasIndicators', conditions.hasIndicators, facts.hasIndicators);
  anyOf('sources', conditions.sources, facts.source);
  return checks;
}

/** First enabled rule whose every condition holds wins; a rule without conditions matches everything. */
export function matchRoutingRule<R extends RuleLike>(rules: readonly R[], facts: RoutingFacts): RuleMatch<R> {
  const trace: RuleTrace[] = [];
  for (const rule of rules) {
    const checks = checkConditions(rule.conditions, facts);
    const matched = rule.enabled && checks.every((c) => c.holds);
    trace.push({ ruleId: rule.id, name: rule.name, enabled: rule.enabled, matched, checks });
    if (matched) {
      const reasons = checks.length
        ? checks.map((c) => `${c.condition}=${Array.isArray(c.actual) ? c.actual.join(',') : String(c.actual)}`)
        : ['no_conditions'];
      return { rule, reasons, trace };
    }
  }
  return { rule: null, reasons: ['default_standing_team'], trace };
}

/** The decision recorded on an incident: `teamIds` is every team that may work on or see it. */
export interface RoutingDecisionView {
  teamId: string | null;
  ruleId: string | null;
  informedTeamIds: string[];
  assigneeIds: string[];
  teamIds: string[];
  reasons: string[];
}
