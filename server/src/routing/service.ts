/**
 * Routing: the coordinators' ordered rules (first match wins), the decision recorded on
 * each incident at intake, the "which rule would match, and why" preview, and a
 * coordinator's reroute (transfer, add or remove a body) with a reason.
 */
import {
  EVENTS,
  matchRoutingRule,
  type CreateRoutingRuleInput,
  type IncidentCategory,
  type RerouteInput,
  type RoutingFacts,
  type RuleTrace,
  type UpdateRoutingRuleInput,
} from '@cert-hub/shared';
import type { z } from 'zod';
import type { routingPreviewInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { referenceRead } from '../platform/referenceCache.js';
import { incidentPolicy } from '../incidents/policy.js';
import type { OnCallService } from '../oncall/service.js';
import { byId, changedFields, commit, updateVersioned, writeVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentRecord, IncidentRouting, Repositories, RoutingRuleRecord, TeamRecord } from '../store/port.js';
import { routingPolicy as can } from './policy.js';
import { assessSerious, isSerious } from '@cert-hub/shared';

/** What intake takes from a routing decision besides the routing itself. */
export interface IntakeRouting {
  routing: IncidentRouting;
  ruleName: string | null;
  tags: string[];
  playbook: IncidentCategory | null;
  informLeaders: boolean;
  trace: RuleTrace[];
}

const TRACKED: (keyof RoutingRuleRecord)[] = ['name', 'description', 'enabled', 'conditions', 'actions'];

export class RoutingService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly oncall: OnCallService,
  ) {}

  async list(actor: Actor): Promise<RoutingRuleRecord[]> {
    if (!can.read(actor)) throw forbidden();
    return this.deps.store.routingRules.list();
  }

  async create(actor: Actor, input: CreateRoutingRuleInput): Promise<RoutingRuleRecord> {
    if (!can.edit(actor)) throw forbidden('Only coordinators edit routing rules');
    await this.checkTeams(input.actions.owningTeamId, input.actions.informTeamIds);
    return commit(this.deps, actor, async (tx, record, at) => {
      const rules = await tx.routingRules.list();
      const position = Math.min(input.position ?? rules.length, rules.length);
      const rule: RoutingRuleRecord = {
        id: this.deps.ids(),
        position,
        name: input.name,
        description: input.description ?? null,
        enabled: input.enabled,
        conditions: input.conditions,
        actions: { ...input.actions, informTeamIds: [...new Set(input.actions.informTeamIds)] },
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      // Make room: the rules at and after the new position move down one.
      const order = [...rules.map((r) => r.id)];
      order.splice(position, 0, rule.id);
      await tx.routingRules.insert(rule);
      await this.renumber(tx, order, at, rule.id);
      await record({
        type: EVENTS.routingRuleCreated,
        entity: 'routing_rule',
        entityId: rule.id,
        version: 1,
        data: { rule: structuredClone(rule) }, // the rule as created (the record holds no internal fields)
      });
      return rule;
    });
  }

  async update(actor: Actor, id: string, input: UpdateRoutingRuleInput): Promise<RoutingRuleRecord> {
    if (!can.edit(actor)) throw forbidden('Only coordinators edit routing rules');
    const current = await this.deps.store.routingRules.get(id);
    if (!current) throw notFound('Routing rule');
    if (input.actions) await this.checkTeams(input.actions.owningTeamId, input.actions.informTeamIds);
    return updateVersioned(this.deps, actor, {
      entity: 'routing_rule',
      what: 'Routing rule',
      slot: (tx) => byId(tx.routingRules, id),
      expected: input.version,
      change: (stored) => ({
        ...stored,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.conditions !== undefined ? { conditions: input.conditions } : {}),
        ...(input.actions !== undefined ? { actions: { ...input.actions, informTeamIds: [...new Set(input.actions.informTeamIds)] } } : {}),
      }),
      after: async (next, stored, record) => {
        await record({
          type: EVENTS.routingRuleUpdated,
          entity: 'routing_rule',
          entityId: id,
          version: next.version,
          data: { changes: changedFields(stored, next, TRACKED) },
        });
      },
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!can.edit(actor)) throw forbidden('Only coordinators edit routing rules');
    await commit(this.deps, actor, async (tx, record, at) => {
      const rule = await tx.routingRules.get(id);
      if (!rule || !(await tx.routingRules.delete(id))) throw notFound('Routing rule');
      await this.renumber(
        tx,
        (await tx.routingRules.list()).map((r) => r.id),
        at,
      );
      await record({ type: EVENTS.routingRuleDeleted, entity: 'routing_rule', entityId: id, data: { name: rule.name } });
    });
  }

  /** The complete new order: every rule exactly once. */
  async reorder(actor: Actor, ruleIds: string[]): Promise<RoutingRuleRecord[]> {
    if (!can.edit(actor)) throw forbidden('Only coordinators edit routing rules');
    return commit(this.deps, actor, async (tx, record, at) => {
      const rules = await tx.routingRules.list();
      const known = new Set(rules.map((r) => r.id));
      if (ruleIds.length !== known.size || new Set(ruleIds).size !== ruleIds.length || !ruleIds.every((id) => known.has(id)))
        throw unprocessable('Send every rule id exactly once, in the new order', [
          { path: 'ruleIds', message: 'must list every rule once' },
        ]);
      await this.renumber(tx, ruleIds, at);
      await record({ type: EVENTS.routingRulesReordered, entity: 'routing_rule', entityId: 'order', data: { ruleIds } });
      return tx.routingRules.list();
    });
  }

  /** The routing decision for a report's facts at a given time (intake). */
  async decide(
    facts: RoutingFacts,
    at: Date,
    repos: Pick<Repositories, 'routingRules' | 'teams'> = this.deps.store,
  ): Promise<IntakeRouting> {
    // Intake's own reads (the store, not a transaction) come from the reference cache.
    const cached = repos === this.deps.store;
    const rules = cached
      ? await referenceRead(this.deps, 'routing:rules', () => repos.routingRules.list())
      : await repos.routingRules.list();
    const teamList = cached
      ? await referenceRead(this.deps, 'routing:teams', async () => (await repos.teams.list({ limit: 500 })).items)
      : (await repos.teams.list({ limit: 500 })).items;
    const teams = new Map(teamList.map((t) => [t.id, t]));
    const standing = [...teams.values()].find((t) => t.isStanding) ?? null;
    const match = matchRoutingRule(rules, facts);
    const reasons = match.rule ? [`rule:${match.rule.name}`, ...match.reasons] : [...match.reasons];
    const actions = match.rule?.actions;
    let owner: TeamRecord | null = standing;
    if (actions?.owningTeamId) {
      owner = teams.get(actions.owningTeamId) ?? standing;
      if (!teams.has(actions.owningTeamId)) reasons.push('owning_team_missing_standing_team_used');
    }
    const informedTeamIds = [...new Set(actions?.informTeamIds ?? [])].filter((id) => teams.has(id) && id !== owner?.id);
    const informLeaders = actions?.informLeaders ?? false;
    if (informLeaders) reasons.push('inform_leaders');
    const assigneeIds: string[] = [];
    if (owner && (actions?.assignOnCall ?? true)) {
      const onCall = await this.oncall.current(owner.id, at);
      if (onCall.primaryUserId) assigneeIds.push(onCall.primaryUserId);
      else reasons.push('nobody_on_call');
    }
    return {
      routing: {
        teamId: owner?.id ?? null,
        ruleId: match.rule?.id ?? null,
        informedTeamIds,
        assigneeIds,
        teamIds: [...new Set([...(owner ? [owner.id] : []), ...informedTeamIds])],
        reasons,
      },
      ruleName: match.rule?.name ?? null,
      tags: actions?.tags ?? [],
      playbook: actions?.playbook ?? null,
      informLeaders,
      trace: match.trace,
    };
  }

  /** "Which rule would match, and why" for a report that is not filed. */
  async preview(actor: Actor, input: z.infer<typeof routingPreviewInput>) {
    if (!can.read(actor)) throw forbidden();
    const agency = await this.deps.store.agencies.get(input.agencyId);
    if (!agency) throw unprocessable('Unknown agency', [{ path: 'agencyId', message: 'no such agency' }]);
    let system = {
      level: input.systemLevel ?? null,
      nationalCritical: input.nationalCritical ?? false,
      sector: input.sector ?? null,
    };
    if (input.systemId) {
      const s = await this.deps.store.systems.get(input.systemId);
      if (!s || s.agencyId !== agency.id)
        throw unprocessable('That information system is not one of this agency’s', [
          { path: 'systemId', message: 'not a system of this agency' },
        ]);
      system = { level: s.level, nationalCritical: s.nationalCritical, sector: s.sectorCode };
    }
    const seriousness = assessSerious({
      systemLevel: system.level,
      nationalCritical: system.nationalCritical,
      impacts: input.impacts,
      canHandleAlone: input.canHandleAlone ?? null,
      mayExceedCapacity: input.mayExceedCapacity ?? false,
    });
    const facts: RoutingFacts = {
      category: input.category,
      severity: null,
      serious: isSerious(seriousness),
      systemLevel: system.level,
      sector: system.sector,
      agencyId: agency.id,
      agencyType: agency.type,
      tlp: input.tlp,
      impacts: input.impacts,
      hasIndicators: input.indicators.length > 0,
      source: input.source,
    };
    const decision = await this.decide(facts, this.deps.clock.now());
    return { facts, seriousness, ...decision };
  }

  /** A coordinator moves an incident: transfer to another owning team, add or remove a body. */
  async reroute(actor: Actor, incidentId: string, input: RerouteInput): Promise<IncidentRecord> {
    const current = await this.deps.store.incidents.get(incidentId);
    if (!current || !incidentPolicy.read(actor, current)) throw notFound('Incident');
    if (!can.coordinate(actor)) throw forbidden('Only coordinators reroute incidents');
    const team = await this.deps.store.teams.get(input.teamId);
    if (!team) throw unprocessable('Unknown team', [{ path: 'teamId', message: 'no such team' }]);
    const before = current.routing;
    let owner = before.teamId;
    let informed = [...(before.informedTeamIds ?? [])];
    if (input.action === 'transfer') {
      if (team.id === owner)
        throw unprocessable('The incident is already with this team', [{ path: 'teamId', message: 'already the owning team' }]);
      // The previous owner keeps sight of it as an informed body until a coordinator removes it.
      informed = [...informed.filter((t) => t !== team.id), ...(owner ? [owner] : [])];
      owner = team.id;
    } else if (input.action === 'add_team') {
      if (team.id === owner || informed.includes(team.id))
        throw unprocessable('This team already works on the incident', [{ path: 'teamId', message: 'already on it' }]);
      informed.push(team.id);
    } else {
      if (team.id === owner)
        throw unprocessable('Transfer the incident before removing its owning team', [{ path: 'teamId', message: 'owning team' }]);
      if (!informed.includes(team.id)) throw unprocessable('This team is not on the incident', [{ path: 'teamId', message: 'not on it' }]);
      informed = informed.filter((t) => t !== team.id);
    }
    const teamIds = [...new Set([...(owner ? [owner] : []), ...informed])];
    // Assignees must stay members of a team still working on it.
    const assigneeIds: string[] = [];
    for (const userId of current.assigneeIds) {
      const user = await this.deps.store.users.get(userId);
      if (user && user.teamIds.some((t) => teamIds.includes(t))) assigneeIds.push(userId);
    }
    const routing: IncidentRouting = {
      teamId: owner,
      ruleId: before.ruleId ?? null,
      informedTeamIds: informed,
      assigneeIds: (before.assigneeIds ?? []).filter((id) => assigneeIds.includes(id)),
      teamIds,
      reasons: [...before.reasons, `${input.action}:${team.id}`],
    };
    // Computed from the incident as read; the version check guarantees it is still that one.
    return updateVersioned(this.deps, actor, {
      entity: 'incident',
      what: 'Incident',
      slot: (tx) => byId(tx.incidents, incidentId),
      expected: input.version,
      change: (stored) => ({ ...stored, routing, assigneeIds }),
      after: async (next, _stored, record) => {
        await record({
          type: EVENTS.incidentRoutingChanged,
          entity: 'incident',
          entityId: incidentId,
          incidentId,
          version: next.version,
          data: {
            action: input.action,
            teamId: team.id,
            teamName: team.name,
            reason: input.reason,
            from: { teamId: before.teamId, teamIds: before.teamIds },
            to: { teamId: routing.teamId, teamIds: routing.teamIds, informedTeamIds: routing.informedTeamIds },
          },
        });
      },
    });
  }

  private async checkTeams(owningTeamId: string | null, informTeamIds: string[]) {
    const details: { path: string; message: string }[] = [];
    if (owningTeamId && !(await this.deps.store.teams.get(owningTeamId)))
      details.push({ path: 'actions.owningTeamId', message: 'no such team' });
    for (const [i, id] of informTeamIds.entries())
      if (!(await this.deps.store.teams.get(id))) details.push({ path: `actions.informTeamIds.${i}`, message: 'no such team' });
    if (details.length) throw unprocessable('Unknown team', details);
  }

  /** Writes positions 0..n-1 in the given order (rules already at their place are left alone). */
  private async renumber(tx: Repositories, order: string[], at: string, skipVersionOf?: string) {
    for (const [position, id] of order.entries()) {
      const rule = await tx.routingRules.get(id);
      if (!rule || rule.position === position) continue;
      const bump = id === skipVersionOf ? 0 : 1;
      // A lost race is a conflict (the coordinator reloads the list), never a silently skipped rule.
      await writeVersioned('routing_rule', byId(tx.routingRules, id), rule, {
        ...rule,
        position,
        version: rule.version + bump,
        updatedAt: at,
      });
    }
  }
}
