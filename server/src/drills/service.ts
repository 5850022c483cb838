/**
 * Drill use cases (R4, domain §6): plan a drill with its injects, run it on the live board
 * (start, pause, resume, end; injects fire as real intake with `drill` set), measure it from
 * the event log, evaluate it, record drills held elsewhere, and the leaders' year view.
 * Every change goes through commit() with a `drill.*` event.
 */
import {
  DEFAULT_RUBRIC,
  drillMove,
  drillWasHeld,
  durationMs,
  EVENTS,
  MILESTONES,
  type CreateDrillInput,
  type CreateIncidentInput,
  type DrillAction,
  type DrillMetricsView,
  type DrillYearView,
  type ExternalDrillInput,
} from '@cert-hub/shared';
import type { z } from 'zod';
import type { copyDrillInput, drillPlanInput, lessonInput, observationInput, scoreInput, updateLessonInput } from '@cert-hub/shared';
import { actorOf, systemActor, type Actor } from '../auth/actor.js';
import { DomainError, forbidden, notFound, unprocessable, versionConflict } from '../platform/errors.js';
import type { IncidentService } from '../incidents/service.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type {
  DrillInject,
  DrillParticipant,
  DrillPlanRecord,
  DrillRecord,
  EventRecord,
  IncidentRecord,
  PageResult,
} from '../store/port.js';
import { drillMetrics, objectiveScores, type DrillMetrics, type MilestoneSeconds } from './metrics.js';
import { drillPolicy as can } from './policy.js';
import { presentDrill } from './presenter.js';
import { renderDrillReport } from './report.js';

type ParticipantInput = CreateDrillInput['participants'][number];

/** The earliest due time among injects not yet fired, while the drill runs. */
export function nextDueOf(injects: readonly DrillInject[], status: DrillRecord['status']): string | null {
  if (status !== 'running') return null;
  const due = injects.filter((i) => !i.firedAt && i.dueAt).map((i) => i.dueAt!);
  return due.length ? due.sort()[0]! : null;
}

export interface YearSummary {
  year: number;
  drillsHeld: number;
  participatingAgencies: number;
  nonParticipatingAgencies: number;
  attendees: number;
  averageSeconds: MilestoneSeconds;
  lessonsOpen: number;
  lessonsDone: number;
}

export class DrillService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly incidents: IncidentService,
  ) {}

  // ---- planning ----

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

  async list(
    actor: Actor,
    query: { limit: number; cursor?: string | undefined; year?: number | undefined },
  ): Promise<PageResult<DrillRecord>> {
    if (!can.read(actor)) throw forbidden();
    return this.deps.store.drills.list(query);
  }

  async get(actor: Actor, id: string): Promise<DrillRecord> {
    if (!can.read(actor)) throw notFound('Drill');
    const drill = await this.deps.store.drills.get(id);
    if (!drill) throw notFound('Drill');
    return drill;
  }

  /** A new drill planned from a previous one: same scenario, objectives, teams and injects; nothing of its run. */
  async copy(actor: Actor, id: string, input: z.infer<typeof copyDrillInput>): Promise<DrillRecord> {
    const source = await this.get(actor, id);
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
    const current = await this.get(actor, id);
    if (!can.manage(actor)) throw forbidden();
    return this.save(actor, current, version, { participants: this.participantsOf(participants) }, EVENTS.drillParticipantsChanged, {
      count: participants.length,
      attended: participants.filter((p) => p.attended).length,
    });
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

  // ---- running ----

  /** start / pause / resume / end / close; a stale `version` is 409, a move the phase does not allow 422. */
  async act(actor: Actor, id: string, action: DrillAction, version?: number): Promise<DrillRecord> {
    const current = await this.get(actor, id);
    if (!can.manage(actor)) throw forbidden('Only the drill controller runs a drill');
    if (version !== undefined && version !== current.version) throw versionConflict(presentDrill(current, actor));
    const to = current.source === 'hub' ? drillMove(current.status, action) : null;
    if (!to) throw unprocessable(`Cannot ${action} a drill that is ${current.status}`, { status: current.status });
    const now = this.deps.clock.now();
    const at = now.toISOString();
    let changes: Partial<DrillRecord> = { status: to };
    if (action === 'start') {
      changes = {
        ...changes,
        startedAt: at,
        controllerId: actor.id,
        injects: current.injects.map((i) => ({ ...i, dueAt: new Date(now.getTime() + durationMs(i.offset)).toISOString() })),
      };
    } else if (action === 'pause') {
      changes = { ...changes, pausedAt: at };
    } else if (action === 'resume') {
      // Time spent paused moves every inject still to come.
      const paused = now.getTime() - Date.parse(current.pausedAt ?? at);
      changes = {
        ...changes,
        pausedAt: null,
        pausedMs: current.pausedMs + paused,
        injects: current.injects.map((i) =>
          i.firedAt || !i.dueAt ? i : { ...i, dueAt: new Date(Date.parse(i.dueAt) + paused).toISOString() },
        ),
      };
    } else if (action === 'end') {
      changes = { ...changes, endedAt: at, pausedAt: null };
    }
    const saved = await this.save(actor, current, current.version, changes, EVENTS.drillStatusChanged, {
      from: current.status,
      to,
      action,
    });
    if (to === 'running') await this.fireDue();
    return this.deps.store.drills.get(id).then((d) => d ?? saved);
  }

  /**
   * Fires every inject that is due (called by the drill timer and after start/resume). Each
   * fires once: the incident is created under a per-inject idempotency key (a retry or a
   * second hub node gets the same incident), and the inject is marked fired with a version
   * check, so a race or a crash between the two steps never makes a second incident.
   */
  async fireDue(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    let fired = 0;
    for (const drill of await this.deps.store.drills.listDue(now)) {
      const due = drill.injects.filter((i) => !i.firedAt && i.dueAt && i.dueAt <= now).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
      for (const inject of due) if (await this.fire(drill.id, inject.id)) fired++;
    }
    return fired;
  }

  private async fire(drillId: string, injectId: string): Promise<boolean> {
    const drill = await this.deps.store.drills.get(drillId);
    const inject = drill?.injects.find((i) => i.id === injectId);
    if (!drill || !inject || drill.status !== 'running' || inject.firedAt || !inject.dueAt) return false;
    const controller = drill.controllerId ? await this.deps.store.users.get(drill.controllerId) : null;
    const actor = controller && !controller.disabled ? actorOf(controller, null) : systemActor;
    let incidentId: string | null = null;
    let failure: string | null = null;
    if (inject.incident) {
      const { agencyId: templateAgencyId, ...template } = inject.incident;
      const input: CreateIncidentInput = { ...template, agencyId: (inject.target.agencyId ?? templateAgencyId)!, detectedAt: inject.dueAt };
      try {
        const { incident } = await this.incidents.create(actor, input, `drill:${drill.id}:${inject.id}`, {
          drillId: drill.id,
          injectId: inject.id,
          targetTeamId: inject.target.teamId,
        });
        incidentId = incident.id;
      } catch (error) {
        // Refused by intake (e.g. the target agency was merged since planning): recorded on the
        // inject once, instead of retried every second. Anything else (store down) is retried.
        if (!(error instanceof DomainError)) throw error;
        failure = error.message;
      }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.deps.store.drills.get(drillId);
      if (!current || current.injects.find((i) => i.id === injectId)?.firedAt) return false;
      const claimed = await commit(this.deps, actor, async (tx, record, at) => {
        const injects = current.injects.map((i) => (i.id === injectId ? { ...i, firedAt: at, incidentId, failure } : i));
        const next: DrillRecord = {
          ...current,
          injects,
          nextDueAt: nextDueOf(injects, current.status),
          version: current.version + 1,
          updatedAt: at,
        };
        if (!(await tx.drills.update(next, current.version))) return false;
        await record({
          type: EVENTS.drillInjectFired,
          entity: 'drill',
          entityId: drillId,
          incidentId,
          version: next.version,
          data: { injectId, incidentId, dueAt: inject.dueAt, message: inject.message, failure },
        });
        return true;
      });
      if (claimed) return true;
    }
    return false;
  }

  // ---- measuring and evaluating ----

  async metrics(actor: Actor, id: string): Promise<DrillMetricsView> {
    return this.metricsOf(await this.get(actor, id));
  }

  private async metricsOf(drill: DrillRecord): Promise<DrillMetrics> {
    const loaded = new Map<string, { incident: IncidentRecord; events: EventRecord[] }>();
    for (const inject of drill.injects) {
      if (!inject.incidentId) continue;
      const incident = await this.deps.store.incidents.get(inject.incidentId);
      if (incident)
        loaded.set(incident.id, { incident, events: await this.deps.store.events.listForEntity('incident', incident.id, 2000) });
    }
    return drillMetrics(drill, loaded);
  }

  /** An evaluator's score for one objective on the drill's rubric (a new score replaces their earlier one). */
  async score(actor: Actor, id: string, input: z.infer<typeof scoreInput>): Promise<DrillRecord> {
    const current = await this.get(actor, id);
    if (!can.evaluate(actor, current)) throw forbidden('Only the drill’s evaluators score it');
    if (!current.objectives.some((o) => o.id === input.objectiveId))
      throw unprocessable('No such objective', [{ path: 'objectiveId', message: 'not an objective of this drill' }]);
    if (!current.rubric.some((r) => r.score === input.score))
      throw unprocessable('The score is not on this drill’s rubric', [
        { path: 'score', message: `one of ${current.rubric.map((r) => r.score).join(', ')}` },
      ]);
    const at = this.deps.clock.now().toISOString();
    const scores = [
      ...current.scores.filter((s) => !(s.objectiveId === input.objectiveId && s.evaluatorId === actor.id)),
      {
        objectiveId: input.objectiveId,
        evaluatorId: actor.id,
        evaluatorName: actor.displayName,
        score: input.score,
        comment: input.comment ?? null,
        at,
      },
    ];
    return this.save(actor, current, current.version, { scores }, EVENTS.drillScored, {
      objectiveId: input.objectiveId,
      score: input.score,
    });
  }

  async observe(actor: Actor, id: string, input: z.infer<typeof observationInput>): Promise<DrillRecord> {
    const current = await this.get(actor, id);
    if (!can.evaluate(actor, current)) throw forbidden('Only the drill’s evaluators write observations');
    const observation = {
      id: this.deps.ids(),
      authorId: actor.id,
      authorName: actor.displayName,
      text: input.text,
      injectId: input.injectId ?? null,
      teamId: input.teamId ?? null,
      at: this.deps.clock.now().toISOString(),
    };
    return this.save(
      actor,
      current,
      current.version,
      { observations: [...current.observations, observation] },
      EVENTS.drillObservationAdded,
      {
        observationId: observation.id,
      },
    );
  }

  async addLesson(actor: Actor, id: string, input: z.infer<typeof lessonInput>): Promise<DrillRecord> {
    const current = await this.get(actor, id);
    if (!can.evaluate(actor, current)) throw forbidden();
    const lesson = {
      id: this.deps.ids(),
      title: input.title,
      ownerName: input.ownerName,
      ownerAgencyId: input.ownerAgencyId ?? null,
      dueDate: input.dueDate,
      status: 'open' as const,
      doneAt: null,
      note: null,
      createdAt: this.deps.clock.now().toISOString(),
    };
    return this.save(actor, current, current.version, { lessons: [...current.lessons, lesson] }, EVENTS.drillLessonAdded, {
      lessonId: lesson.id,
    });
  }

  /** Lessons are tracked until done: owner, due date and status change here. */
  async updateLesson(actor: Actor, id: string, lessonId: string, input: z.infer<typeof updateLessonInput>): Promise<DrillRecord> {
    const current = await this.get(actor, id);
    if (!can.manage(actor)) throw forbidden();
    const lesson = current.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw notFound('Lesson');
    const at = this.deps.clock.now().toISOString();
    const next = {
      ...lesson,
      ...(input.ownerName ? { ownerName: input.ownerName } : {}),
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.status ? { status: input.status, doneAt: input.status === 'done' ? (lesson.doneAt ?? at) : null } : {}),
    };
    return this.save(
      actor,
      current,
      current.version,
      { lessons: current.lessons.map((l) => (l.id === lessonId ? next : l)) },
      EVENTS.drillLessonUpdated,
      {
        lessonId,
        status: next.status,
      },
    );
  }

  /** The after-action report as a Decree 30 DOCX. */
  async reportDocx(actor: Actor, id: string): Promise<{ drill: DrillRecord; bytes: Buffer }> {
    const drill = await this.get(actor, id);
    const metrics = await this.metricsOf(drill);
    const agencies = await this.allAgencies();
    const teams = (await this.deps.store.teams.list({ limit: 200 })).items;
    const standing = teams.find((t) => t.isStanding);
    const controller = drill.controllerId ? await this.deps.store.users.get(drill.controllerId) : null;
    const bytes = await renderDrillReport(drill, metrics, {
      province: agencies[0]?.province ?? 'Tỉnh',
      issuer: standing?.name ?? 'Đội ứng cứu sự cố an toàn thông tin mạng tỉnh',
      teamNames: new Map(teams.map((t) => [t.id, t.name])),
      agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
      signerName: controller?.displayName ?? '',
      date: this.deps.clock.now(),
    });
    return { drill, bytes };
  }

  // ---- drills held elsewhere ----

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

  // ---- the year, for leaders ----

  /** Agencies that took part in a drill held in `year` (R4): hub drills once started, and external ones. */
  async participatingAgencyIds(year: number): Promise<string[]> {
    return participatingOf(await this.deps.store.drills.listByYear(year));
  }

  async year(actor: Actor, year: number): Promise<DrillYearView> {
    if (!can.read(actor)) throw forbidden();
    // Planned drills are listed too (the plan for the year); only held ones count for R4.
    const drills = await this.deps.store.drills.listByYear(year);
    const held = drills.filter((d) => drillWasHeld(d.status));
    const agencies = await this.allAgencies();
    const critical = await this.criticalAgencyIds();
    const participating = new Set(participatingOf(held));
    const non = agencies
      .filter((a) => !participating.has(a.id))
      .map((a) => ({ id: a.id, name: a.name, type: a.type, critical: critical.has(a.id) }))
      .sort((a, b) => Number(b.critical) - Number(a.critical) || a.name.localeCompare(b.name, 'vi'));
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const perDrill = [];
    for (const d of drills) {
      const metrics = d.source === 'hub' ? await this.metricsOf(d) : null;
      perDrill.push({ drill: d, metrics });
    }
    const teamRows = perDrill.flatMap((p) => p.metrics?.rows ?? []);
    const teams = await this.deps.store.teams.list({ limit: 200 });
    const teamNames = new Map(teams.items.map((t) => [t.id, t.name]));
    const byTeam = [...new Set(teamRows.map((r) => r.teamId))].map((teamId) => ({
      teamId,
      teamName: teamNames.get(teamId) ?? teamId,
      injects: teamRows.filter((r) => r.teamId === teamId).length,
      averageSeconds: averageOf(teamRows.filter((r) => r.teamId === teamId).map((r) => r.seconds)),
    }));
    const lessons = held.flatMap((d) => d.lessons.map((l) => ({ ...l, drillId: d.id, drillName: d.name })));
    const previousYears: YearSummary[] = [];
    for (let y = year - 4; y <= year; y++)
      previousYears.push(y === year ? this.summaryOf(year, held, agencies.length, perDrill) : await this.summary(y, agencies.length));
    return {
      year,
      drills: perDrill.map(({ drill, metrics }) => ({
        id: drill.id,
        name: drill.name,
        source: drill.source,
        type: drill.type,
        status: drill.status,
        date: drill.startedAt ?? drill.heldOn ?? drill.scheduledStart,
        organizer: drill.organizer,
        participatingAgencyIds: participatingOf([drill]),
        attendees: drill.participants.filter((p) => p.attended).length,
        leadersAttended: drill.participants.filter((p) => p.attended && p.role === 'leader').length,
        averageSeconds: metrics?.averageSeconds ?? null,
        objectives: objectiveScores(drill),
        externalResults: drill.externalResults.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? r.agencyId })),
        lessonsOpen: drill.lessons.filter((l) => l.status === 'open').length,
        lessonsDone: drill.lessons.filter((l) => l.status === 'done').length,
      })),
      participatingAgencyIds: [...participating].filter((id) => names.has(id)),
      nonParticipatingAgencyIds: non.map((a) => a.id),
      participatingAgencies: [...participating]
        .filter((id) => names.has(id))
        .map((id) => ({ id, name: names.get(id)!, critical: critical.has(id) })),
      nonParticipatingAgencies: non,
      attendees: held.flatMap((d) =>
        d.participants
          .filter((p) => p.attended)
          .map((p) => ({
            drillId: d.id,
            name: p.name,
            position: p.position,
            role: p.role,
            agencyName: p.agencyId ? (names.get(p.agencyId) ?? null) : null,
            teamName: p.teamId ? (teamNames.get(p.teamId) ?? null) : null,
          })),
      ),
      averageSeconds: averageOf(teamRows.map((r) => r.seconds)),
      teams: byTeam,
      lessons: {
        open: lessons.filter((l) => l.status === 'open').length,
        done: lessons.filter((l) => l.status === 'done').length,
        items: lessons,
      },
      previousYears,
    };
  }

  // ---- internals ----

  private async summary(year: number, agencyCount: number): Promise<YearSummary> {
    const held = (await this.deps.store.drills.listByYear(year)).filter((d) => drillWasHeld(d.status));
    const perDrill = [];
    for (const d of held) perDrill.push({ drill: d, metrics: d.source === 'hub' ? await this.metricsOf(d) : null });
    return this.summaryOf(year, held, agencyCount, perDrill);
  }

  private summaryOf(year: number, held: DrillRecord[], agencyCount: number, perDrill: { metrics: DrillMetrics | null }[]): YearSummary {
    const participating = participatingOf(held).length;
    const lessons = held.flatMap((d) => d.lessons);
    return {
      year,
      drillsHeld: held.length,
      participatingAgencies: participating,
      nonParticipatingAgencies: Math.max(0, agencyCount - participating),
      attendees: held.reduce((n, d) => n + d.participants.filter((p) => p.attended).length, 0),
      averageSeconds: averageOf(perDrill.flatMap((p) => p.metrics?.rows.map((r) => r.seconds) ?? [])),
      lessonsOpen: lessons.filter((l) => l.status === 'open').length,
      lessonsDone: lessons.filter((l) => l.status === 'done').length,
    };
  }

  private async allAgencies() {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.agencies.list({ limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all.filter((a) => !a.mergedIntoId);
  }

  /** Agencies owning a system in a critical sector (Decision 632/QĐ-TTg) or a national-critical one: drilled first (R4). */
  private async criticalAgencyIds(): Promise<Set<string>> {
    const criticalSectors = new Set((await this.deps.store.sectors.list()).filter((s) => s.critical).map((s) => s.code));
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.systems.list({ limit: 200, cursor });
      for (const s of page.items) if (s.nationalCritical || (s.sectorCode && criticalSectors.has(s.sectorCode))) ids.add(s.agencyId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
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

  /** Writes a change to a drill with its event; 409 with the current drill when `version` is stale. */
  private async save(
    actor: Actor,
    current: DrillRecord,
    version: number,
    changes: Partial<DrillRecord>,
    type: (typeof EVENTS)[keyof typeof EVENTS],
    data: Record<string, unknown>,
  ) {
    if (version !== current.version) throw versionConflict(presentDrill(current, actor));
    return commit(this.deps, actor, async (tx, record, at) => {
      const merged = { ...current, ...changes };
      const next: DrillRecord = {
        ...merged,
        nextDueAt: nextDueOf(merged.injects, merged.status),
        version: current.version + 1,
        updatedAt: at,
      };
      if (!(await tx.drills.update(next, current.version))) {
        const latest = await tx.drills.get(current.id);
        throw versionConflict(presentDrill(latest ?? current, actor));
      }
      await record({ type, entity: 'drill', entityId: current.id, version: next.version, data });
      return next;
    });
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

function participatingOf(drills: readonly DrillRecord[]): string[] {
  const ids = new Set<string>();
  for (const d of drills) {
    if (!drillWasHeld(d.status)) continue;
    for (const id of d.participatingAgencyIds) ids.add(id);
    for (const r of d.externalResults) ids.add(r.agencyId);
    for (const p of d.participants) if (p.attended && p.agencyId) ids.add(p.agencyId);
  }
  return [...ids];
}

function averageOf(rows: MilestoneSeconds[]): MilestoneSeconds {
  const result = {} as MilestoneSeconds;
  for (const m of MILESTONES) {
    const known = rows.map((r) => r[m]).filter((v): v is number => v !== null);
    result[m] = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
  }
  return result;
}
