/**
 * The assessments register (R3): for each level-3+ system, its level-approval decision, the
 * independent assessor, the result and findings with remediation deadlines, and when the
 * next assessment is due (yearly for levels 3-4, six-monthly for level 5).
 */
import { EVENTS, nextAssessmentDue, type RecordAssessmentInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { AssessmentRecord, SystemRecord } from '../store/port.js';
import { assessmentPolicy } from './policy.js';

export interface RegisterLine {
  system: SystemRecord;
  latest: AssessmentRecord | null;
  /** YYYY-MM-DD, or null when never assessed (due at once). */
  nextDueAt: string | null;
  overdue: boolean;
}

/** Every level-3+ system, read page by page. */
export async function levelThreePlusSystems(deps: ServiceDeps): Promise<SystemRecord[]> {
  const systems: SystemRecord[] = [];
  for (const level of [3, 4, 5]) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.systems.list({ level, limit: 200, cursor });
      systems.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return systems;
}

/** Overdue when never assessed, or when the due date has passed on `asOfDate` (YYYY-MM-DD). */
export const isOverdue = (nextDueAt: string | null, asOfDate: string) => nextDueAt === null || nextDueAt < asOfDate;

export class AssessmentService {
  constructor(private readonly deps: ServiceDeps) {}

  async record(actor: Actor, input: RecordAssessmentInput): Promise<AssessmentRecord> {
    const system = await this.deps.store.systems.get(input.systemId);
    if (!system || !assessmentPolicy.read(actor, system.agencyId)) throw notFound('Information system');
    if (!assessmentPolicy.record(actor, system.agencyId)) throw forbidden();
    if (system.level < 3)
      throw unprocessable('Only level 3-5 systems need an independent assessment (R3)', [{ path: 'systemId', message: 'level below 3' }]);
    return commit(this.deps, actor, async (tx, record, at) => {
      const assessment: AssessmentRecord = {
        id: this.deps.ids(),
        systemId: system.id,
        agencyId: system.agencyId,
        systemLevel: system.level,
        approvalDecision: input.approvalDecision,
        assessor: input.assessor,
        monitoringProvider: input.monitoringProvider,
        assessedAt: input.assessedAt,
        nextDueAt: nextAssessmentDue(system.level, input.assessedAt),
        result: input.result,
        findings: input.findings,
        recordedBy: actor.id,
        createdAt: at,
      };
      await tx.assessments.insert(assessment);
      await record({
        type: EVENTS.assessmentRecorded,
        entity: 'system',
        entityId: system.id,
        data: { assessmentId: assessment.id, result: assessment.result, nextDueAt: assessment.nextDueAt },
      });
      return assessment;
    });
  }

  async listForSystem(actor: Actor, systemId: string): Promise<AssessmentRecord[]> {
    const system = await this.deps.store.systems.get(systemId);
    if (!system || !assessmentPolicy.read(actor, system.agencyId)) throw notFound('Information system');
    return this.deps.store.assessments.listBySystem(systemId);
  }

  /** The register: every level-3+ system with its latest assessment and next due date. */
  async register(actor: Actor): Promise<RegisterLine[]> {
    if (!assessmentPolicy.readRegister(actor)) throw forbidden();
    return this.registerAsOf(this.deps.clock.now());
  }

  async registerAsOf(asOf: Date): Promise<RegisterLine[]> {
    const latest = new Map((await this.deps.store.assessments.listLatestPerSystem()).map((a) => [a.systemId, a]));
    const asOfDate = asOf.toISOString().slice(0, 10);
    return (await levelThreePlusSystems(this.deps)).map((system) => {
      const last = latest.get(system.id) ?? null;
      // The level may have changed since: the due date follows the system's current level.
      const nextDueAt = last ? nextAssessmentDue(system.level, last.assessedAt) : null;
      return { system, latest: last, nextDueAt, overdue: isOverdue(nextDueAt, asOfDate) };
    });
  }
}
