/**
 * SLA and escalation (issue 8). Policies say how long each step may take; each open incident
 * has one durable timer (its next deadline, then each escalation step) kept in step with the
 * incident by following committed events. The scheduler fires what is due by the clock —
 * including what fell due while the hub was down — and a step is claimed atomically in the
 * transaction that records it, so it never fires twice.
 *
 * Escalation chain, one step per delay, repeating until someone acts (the milestone is
 * reached): the assignees, the owning team's on-call, the coordinators, the leaders.
 */
import type { z } from 'zod';
import { durationMs, EVENTS, type slaPolicyInput, type StatusChange } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { GroupedDrain } from '../platform/drain.js';
import { commit, saveVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { EventRecord, IncidentRecord, Repositories, SlaPolicyRecord, SlaScope, SlaTimerRecord } from '../store/port.js';
import { nextDeadline, policyFor } from './deadlines.js';
import type { OnCallDirectory } from './oncall.js';

export const ESCALATION_TARGETS = ['assignees', 'oncall', 'coordinators', 'leaders'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** Events after which an incident's deadline may have moved. */
const RELEVANT = new Set<string>([
  EVENTS.incidentCreated,
  EVENTS.incidentStatusChanged,
  EVENTS.incidentUpdated,
  EVENTS.incidentSeriousChanged,
]);

const canRead = (a: Actor) => a.role !== 'focal_point' && a.role !== 'machine';
const canEdit = (a: Actor) => a.role === 'admin' || a.role === 'coordinator';

export class SlaService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly oncall: OnCallDirectory,
  ) {}

  // ---- policies ----

  async listPolicies(actor: Actor): Promise<SlaPolicyRecord[]> {
    if (!canRead(actor)) throw forbidden();
    return this.deps.store.slaPolicies.list();
  }

  async putPolicy(actor: Actor, input: z.infer<typeof slaPolicyInput>): Promise<SlaPolicyRecord> {
    if (!canEdit(actor)) throw forbidden('Only coordinators and administrators set SLA policies');
    const { version, ...fields } = input;
    if (version !== undefined && !(await this.deps.store.slaPolicies.get(input.scope))) throw notFound('SLA policy');
    const policy = await saveVersioned<'sla_policy', SlaPolicyRecord>(this.deps, actor, {
      entity: 'sla_policy',
      slot: (tx) => ({
        load: () => tx.slaPolicies.get(input.scope),
        // The port has no conditional upsert: the version check above ran in this same transaction.
        write: async (next) => {
          await tx.slaPolicies.upsert(next);
          return true;
        },
      }),
      expected: version ?? null,
      change: () => ({ ...fields, updatedBy: actor.id }),
      after: async (next, _current, record) => {
        await record({
          type: EVENTS.slaPolicyUpdated,
          entity: 'sla_policy',
          entityId: input.scope,
          version: next.version,
          data: { policy: fields },
        });
      },
    });
    await this.rearmAll();
    return policy;
  }

  async deletePolicy(actor: Actor, scope: SlaScope): Promise<void> {
    if (!canEdit(actor)) throw forbidden('Only coordinators and administrators set SLA policies');
    await commit(this.deps, actor, async (tx, record) => {
      if (!(await tx.slaPolicies.remove(scope))) throw notFound('SLA policy');
      await record({ type: EVENTS.slaPolicyDeleted, entity: 'sla_policy', entityId: scope });
    });
    await this.rearmAll();
  }

  // ---- timers ----

  /**
   * Follows the bus so each incident's timer matches its state: the incidents whose events
   * arrived while the previous group was re-armed are re-armed together, in one transaction.
   */
  attach(bus: EventBus, logger: Logger): () => void {
    const drain = new GroupedDrain<EventRecord>(
      (events) => this.rearmMany([...new Set(events.map((e) => e.incidentId!))]),
      (error, event) => logger.error({ err: error, seq: event.seq }, 'could not arm SLA timer'),
    );
    return bus.subscribe((event: EventRecord) => {
      if (!RELEVANT.has(event.type) || !event.incidentId) return;
      drain.push(event);
    });
  }

  /**
   * Sets (or clears) the incident's timer and SLA due time from its current state; a changed
   * due time is recorded (so the board's countdown follows live and the audit log has it).
   */
  async rearm(incidentId: string): Promise<void> {
    await this.rearmMany([incidentId]);
  }

  /** `rearm` for several incidents in one transaction. */
  private async rearmMany(incidentIds: string[]): Promise<void> {
    await commit(this.deps, null, async (tx, record) => {
      const policies = new Map((await tx.slaPolicies.list()).map((p) => [p.scope, p] as const));
      for (const incidentId of incidentIds) {
        const incident = await tx.incidents.get(incidentId);
        if (!incident) {
          await tx.slaTimers.remove(incidentId);
          continue;
        }
        // Without a policy there is no deadline: the incident's history need not be read.
        const policy = policyFor(incident, policies);
        const next = policy ? nextDeadline(incident, await this.statusChanges(tx, incidentId), policy) : null;
        const current = await tx.slaTimers.get(incidentId);
        if (!next) {
          if (current) await tx.slaTimers.remove(incidentId);
        } else if (!current || current.milestone !== next.milestone || current.deadline !== next.deadline) {
          // The same deadline keeps its escalation progress; a new one starts the chain over.
          await tx.slaTimers.put({ incidentId, milestone: next.milestone, deadline: next.deadline, dueAt: next.deadline, step: 0 });
        }
        const dueAt = next?.deadline ?? null;
        if ((incident.slaDueAt ?? null) === dueAt) continue;
        await tx.incidents.setSlaDueAt(incidentId, dueAt);
        await record({
          type: EVENTS.incidentSlaDueChanged,
          entity: 'incident',
          entityId: incidentId,
          incidentId,
          version: incident.version,
          data: { milestone: next?.milestone ?? null, dueAt },
        });
      }
    });
  }

  /**
   * Re-arms every open incident from its stored state: after a policy change, and at boot so
   * an incident whose event was committed just before a crash still gets its timer.
   */
  async rearmAll(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.incidents.list({
        statuses: ['received', 'triage', 'initial_response', 'containment', 'recovery'],
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const incident of page.items) await this.rearm(incident.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private async statusChanges(tx: Repositories, incidentId: string): Promise<StatusChange[]> {
    const events = await tx.events.listForEntity('incident', incidentId, 10_000);
    return events
      .filter((e) => e.type === EVENTS.incidentStatusChanged)
      .map((e) => ({ ...(e.data as Pick<StatusChange, 'from' | 'to'>), at: e.at }));
  }

  /** Fires every timer due by the clock; returns how many steps fired. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await this.deps.store.slaTimers.listDue(this.deps.clock.now().toISOString(), 50);
      let progressed = false;
      for (const timer of due) {
        if (!(await this.fire(timer))) continue;
        fired += 1;
        progressed = true;
      }
      if (!progressed) return fired;
    }
  }

  private async fire(timer: SlaTimerRecord): Promise<boolean> {
    return commit(this.deps, null, async (tx, record, at) => {
      const incident = await tx.incidents.get(timer.incidentId);
      const policies = new Map((await tx.slaPolicies.list()).map((p) => [p.scope, p] as const));
      const policy = incident ? policyFor(incident, policies) : null;
      if (!incident || !policy) {
        await tx.slaTimers.remove(timer.incidentId);
        return false;
      }
      // Skip targets nobody fills (no assignee yet, no on-call) so each step reaches someone.
      let step = timer.step;
      let userIds: string[] = [];
      for (let tries = 0; tries < ESCALATION_TARGETS.length && userIds.length === 0; tries += 1) {
        userIds = await this.recipients(tx, incident, ESCALATION_TARGETS[step % ESCALATION_TARGETS.length]!, new Date(at));
        if (userIds.length === 0) step += 1;
      }
      const target = ESCALATION_TARGETS[step % ESCALATION_TARGETS.length]!;
      const next: SlaTimerRecord = {
        ...timer,
        step: step + 1,
        dueAt: new Date(Date.parse(at) + durationMs(policy.escalationDelay)).toISOString(),
      };
      // The claim: only the transaction that moves the timer from this exact state fires it.
      if (!(await tx.slaTimers.advance(timer, next))) return false;
      const base = { entity: 'incident', entityId: incident.id, incidentId: incident.id, version: incident.version };
      if (timer.step === 0)
        await record({ ...base, type: EVENTS.incidentSlaBreached, data: { milestone: timer.milestone, deadline: timer.deadline } });
      await record({
        ...base,
        type: EVENTS.incidentEscalated,
        data: { milestone: timer.milestone, deadline: timer.deadline, step, target, userIds, nextAt: next.dueAt },
      });
      return true;
    });
  }

  private async recipients(tx: Repositories, incident: IncidentRecord, target: EscalationTarget, at: Date): Promise<string[]> {
    const active = async (ids: (string | null)[]) => {
      const found: string[] = [];
      for (const id of new Set(ids)) {
        const user = id ? await tx.users.get(id) : null;
        if (user && !user.disabled) found.push(user.id);
      }
      return found;
    };
    switch (target) {
      case 'assignees':
        return active(incident.assigneeIds);
      case 'oncall': {
        const teamId = incident.routing.teamId ?? incident.routing.teamIds[0];
        if (!teamId) return [];
        const now = await this.oncall.current(teamId, at);
        return active([now.primaryUserId, now.backupUserId]);
      }
      case 'coordinators':
      case 'leaders': {
        const role = target === 'coordinators' ? 'coordinator' : 'leader';
        const page = await tx.users.list({ role, limit: 200 });
        return active(page.items.map((u) => u.id));
      }
    }
  }
}
