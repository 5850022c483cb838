/**
 * Measuring and evaluating a drill: its metrics from the event log, evaluators' scores and
 * observations, lessons tracked until done, and the after-action report (Decree 30 DOCX).
 */
import { EVENTS, type DrillMetricsView } from '@cert-hub/shared';
import type { z } from 'zod';
import type { lessonInput, observationInput, scoreInput, updateLessonInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { DrillRecord, EventRecord, IncidentRecord } from '../store/port.js';
import { drillMetrics, type DrillMetrics } from './metrics.js';
import { drillPolicy as can } from './policy.js';
import type { DrillRecords } from './records.js';
import { renderDrillReport } from './report.js';
import { liveAgencies } from './year.js';

/** A drill's metrics from its inject incidents and their events. */
export async function metricsOf(deps: ServiceDeps, drill: DrillRecord): Promise<DrillMetrics> {
  const loaded = new Map<string, { incident: IncidentRecord; events: EventRecord[] }>();
  for (const inject of drill.injects) {
    if (!inject.incidentId) continue;
    const incident = await deps.store.incidents.get(inject.incidentId);
    if (incident) loaded.set(incident.id, { incident, events: await deps.store.events.listForEntity('incident', incident.id, 2000) });
  }
  return drillMetrics(drill, loaded);
}

export class DrillEvaluation {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly records: DrillRecords,
  ) {}

  async metrics(actor: Actor, id: string): Promise<DrillMetricsView> {
    return metricsOf(this.deps, await this.records.get(actor, id));
  }

  /** An evaluator's score for one objective on the drill's rubric (a new score replaces their earlier one). */
  async score(actor: Actor, id: string, input: z.infer<typeof scoreInput>): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
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
    return this.records.save(actor, current.id, current.version, { scores }, EVENTS.drillScored, {
      objectiveId: input.objectiveId,
      score: input.score,
    });
  }

  async observe(actor: Actor, id: string, input: z.infer<typeof observationInput>): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
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
    return this.records.save(
      actor,
      current.id,
      current.version,
      { observations: [...current.observations, observation] },
      EVENTS.drillObservationAdded,
      {
        observationId: observation.id,
      },
    );
  }

  async addLesson(actor: Actor, id: string, input: z.infer<typeof lessonInput>): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
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
    return this.records.save(actor, current.id, current.version, { lessons: [...current.lessons, lesson] }, EVENTS.drillLessonAdded, {
      lessonId: lesson.id,
    });
  }

  /** Lessons are tracked until done: owner, due date and status change here. */
  async updateLesson(actor: Actor, id: string, lessonId: string, input: z.infer<typeof updateLessonInput>): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
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
    return this.records.save(
      actor,
      current.id,
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
    const drill = await this.records.get(actor, id);
    const metrics = await metricsOf(this.deps, drill);
    const agencies = await liveAgencies(this.deps);
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
}
