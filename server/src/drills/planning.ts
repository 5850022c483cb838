/**
 * Planning drills (R4, domain §6): a drill with its scenario, objectives, teams and injects,
 * copies of earlier drills, who attends, the annual plan, and drills held elsewhere.
 */
import { DEFAULT_RUBRIC, EVENTS, type CreateDrillInput, type ExternalDrillInput } from '@cert-hub/shared';
import type { z } from 'zod';
import type { copyDrillInput, drillPlanInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, unprocessable } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { DrillParticipant, DrillPlanRecord, DrillRecord } from '../store/port.js';
import { drillPolicy as can } from './policy.js';
import type { DrillRecords } from './records.js';

type ParticipantInput = CreateDrillInput['participants'][number];

export class DrillPlanning {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly records: DrillRecords,
  ) {}

  async create(actor: Actor, input: CreateDrillInput): Promise<DrillRecord> {
    if (!can.manage(actor)) throw forbidden('Only the drill controller (a coordinator) plans drills');
    await this.checkReferences(input);
    return commit(this.deps, actor, async (tx, record, at) => {
      const drill = this.newDrill(actor, input, at);
      await tx.drills.insert(drill);
      await record({
        type: EVENTS.drillCreated,
        entity: 'drill',
        entityId: drill.id,
        version: 1,
        data: { name: drill.name, year: drill.year },
      });
      return drill;
    });
  }

  /** A new drill planned from a previous one: same scenario, objectives, teams and injects; nothing of its run. */
  async copy(actor: Actor, id: string, input: z.infer<typeof copyDrillInput>): Promise<DrillRecord> {
    const source = await this.records.get(actor, id);
    if (!can.manage(actor)) throw forbidden();
    if (source.source !== 'hub') throw unprocessable('Only drills run on the hub can be copied');
    const plan: CreateDrillInput = {
      name: input.name ?? source.name.replace(String(source.year), String(input.year)),
      year: input.year,
      type: source.type,
      scenario: source.scenario,
      objectives: source.objectives.map((o) => ({ title: o.title, description: o.description })),
      rubric: source.rubric,
      scheduledStart: input.scheduledStart ?? null,
      sectorCodes: source.sectorCodes,
      participatingAgencyIds: source.participatingAgencyIds,
      teamIds: source.teamIds,
      evaluatorIds: source.evaluatorIds,
      participants: source.participants.map((p) => ({ ...p, id: undefined, attended: false })),
      injects: source.injects.map((i) => ({
        title: i.title ?? undefined,
        offset: i.offset,
        target: i.target,
        incident: i.incident,
        message: i.message,
      })),
    };
    return commit(this.deps, actor, async (tx, record, at) => {
      const drill = { ...this.newDrill(actor, plan, at), copiedFromId: source.id };
      await tx.drills.insert(drill);
      await record({
        type: EVENTS.drillCreated,
        entity: 'drill',
        entityId: drill.id,
        version: 1,
        data: { name: drill.name, year: drill.year, copiedFromId: source.id },
      });
      return drill;
    });
  }

  /** Named people each agency or team sends, with attendance (R4: leaders and staff). */
  async setParticipants(actor: Actor, id: string, participants: ParticipantInput[], version: number): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
    if (!can.manage(actor)) throw forbidden();
    return this.records.save(
      actor,
      current.id,
      version,
      { participants: this.participantsOf(participants) },
      EVENTS.drillParticipantsChanged,
      {
        count: participants.length,
        attended: participants.filter((p) => p.attended).length,
      },
    );
  }

  async getPlan(actor: Actor, year: number): Promise<DrillPlanRecord> {
    if (!can.read(actor)) throw forbidden();
    return (await this.deps.store.drills.getPlan(year)) ?? { year, items: [], updatedAt: '', updatedBy: '' };
  }

  async setPlan(actor: Actor, year: number, input: z.infer<typeof drillPlanInput>): Promise<DrillPlanRecord> {
    if (!can.manage(actor)) throw forbidden('Only a coordinator sets the annual drill plan');
    return commit(this.deps, actor, async (tx, record, at) => {
      const plan: DrillPlanRecord = {
        year,
        items: input.items.map((i) => ({
          title: i.title,
          month: i.month,
          type: i.type,
          sectorCodes: i.sectorCodes,
          drillId: i.drillId ?? null,
        })),
        updatedAt: at,
        updatedBy: actor.id,
      };
      await tx.drills.upsertPlan(plan);
      await record({ type: EVENTS.drillPlanUpdated, entity: 'drill_plan', entityId: String(year), data: { items: plan.items.length } });
      return plan;
    });
  }

  async recordExternal(actor: Actor, input: ExternalDrillInput): Promise<DrillRecord> {
    if (!can.manage(actor)) throw forbidden('Only a coordinator records drills held elsewhere');
    const agencyIds = [...new Set([...input.participatingAgencyIds, ...input.results.map((r) => r.agencyId)])];
    await this.checkAgencies(agencyIds, 'participatingAgencyIds');
    return commit(this.deps, actor, async (tx, record, at) => {
      const base = this.newDrill(
        actor,
        {
          name: input.name,
          year: input.year,
          type: input.type,
          scenario: '',
          objectives: [],
          sectorCodes: [],
          participatingAgencyIds: agencyIds,
          teamIds: [],
          evaluatorIds: [],
          participants: [],
          injects: [],
        },
        at,
      );
      const drill: DrillRecord = {
        ...base,
        source: 'external',
        status: 'closed',
        organizer: input.organizer,
        heldOn: input.date,
        externalResults: input.results.map((r) => ({
          agencyId: r.agencyId,
          score: r.score,
          rank: r.rank ?? null,
          findings: r.findings ?? null,
        })),
      };
      await tx.drills.insert(drill);
      await record({
        type: EVENTS.drillExternalRecorded,
        entity: 'drill',
        entityId: drill.id,
        version: 1,
        data: { name: drill.name, year: drill.year, agencies: agencyIds.length },
      });
      return drill;
    });
  }

  private newDrill(actor: Actor, input: CreateDrillInput, at: string): DrillRecord {
    return {
      id: this.deps.ids(),
      source: 'hub',
      name: input.name,
      year: input.year,
      type: input.type,
      scenario: input.scenario,
      objectives: input.objectives.map((o) => ({ id: o.id ?? this.deps.ids(), title: o.title, description: o.description ?? null })),
      rubric: input.rubric ?? DEFAULT_RUBRIC,
      scheduledStart: input.scheduledStart ? new Date(input.scheduledStart).toISOString() : null,
      sectorCodes: input.sectorCodes,
      participatingAgencyIds: [...new Set(input.participatingAgencyIds)],
      teamIds: [...new Set(input.teamIds)],
      evaluatorIds: [...new Set(input.evaluatorIds)],
      participants: this.participantsOf(input.participants),
      injects: input.injects.map((i) => ({
        id: i.id ?? this.deps.ids(),
        title: i.title ?? null,
        offset: i.offset,
        target: { teamId: i.target.teamId ?? null, agencyId: i.target.agencyId ?? null },
        incident: i.incident ?? null,
        message: i.message ?? null,
        dueAt: null,
        firedAt: null,
        incidentId: null,
        failure: null,
      })),
      status: 'planned',
      controllerId: null,
      startedAt: null,
      pausedAt: null,
      pausedMs: 0,
      endedAt: null,
      nextDueAt: null,
      scores: [],
      observations: [],
      lessons: [],
      organizer: null,
      heldOn: null,
      externalResults: [],
      copiedFromId: null,
      createdBy: actor.id,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  }

  private participantsOf(participants: ParticipantInput[]): DrillParticipant[] {
    return participants.map((p) => ({
      id: p.id ?? this.deps.ids(),
      agencyId: p.agencyId ?? null,
      teamId: p.teamId ?? null,
      name: p.name,
      position: p.position ?? null,
      role: p.role,
      attended: p.attended,
    }));
  }

  private async checkReferences(input: CreateDrillInput) {
    const agencyIds = [...input.participatingAgencyIds, ...input.injects.flatMap((i) => [i.target.agencyId, i.incident?.agencyId])].filter(
      (x): x is string => !!x,
    );
    await this.checkAgencies([...new Set(agencyIds)], 'participatingAgencyIds');
    const teamIds = [...input.teamIds, ...input.injects.map((i) => i.target.teamId)].filter((x): x is string => !!x);
    for (const teamId of new Set(teamIds))
      if (!(await this.deps.store.teams.get(teamId)))
        throw unprocessable('Unknown team', [{ path: 'teamIds', message: `no team ${teamId}` }]);
    for (const userId of input.evaluatorIds) {
      const user = await this.deps.store.users.get(userId);
      if (!user || user.disabled) throw unprocessable('Unknown evaluator', [{ path: 'evaluatorIds', message: `no active user ${userId}` }]);
    }
  }

  private async checkAgencies(ids: string[], path: string) {
    for (const id of ids) {
      const agency = await this.deps.store.agencies.get(id);
      if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [{ path, message: `no agency ${id}` }]);
    }
  }
}
