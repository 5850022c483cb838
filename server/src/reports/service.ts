/**
 * The reporting cycle (R5): a coordinator opens a round of a configured report type (or an
 * ad-hoc request) to a set of agencies; each agency's focal point fills the structured
 * sections and submits; before the deadline the focal points who have not submitted are
 * reminded (a durable timer: the due time is stored on the round); the hub shows who is late
 * and consolidates the answers into the province's draft.
 */
import {
  EVENTS,
  REPORT_SECTIONS,
  type OpenRoundInput,
  type ReportSection,
  type RoundAgencyStatus,
  type SubmissionInput,
} from '@cert-hub/shared';
import type { z } from 'zod';
import type { listRoundsQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { conflict, forbidden, notFound, unprocessable } from '../platform/errors.js';
import type { DirectNotification } from '../notifications/service.js';
import { commit, saveVersioned, type RecordEvent, type ServiceDeps } from '../platform/unitOfWork.js';
import type { PageResult, ReportRoundRecord, ReportSubmissionRecord, Repositories } from '../store/port.js';
import { reportPolicy } from './policy.js';
import { submissionState } from './status.js';

export interface RoundView {
  round: ReportRoundRecord;
  agencies: RoundAgencyStatus[];
  /** The caller's own submission (a focal point), if any. */
  mine: ReportSubmissionRecord | null;
}

export interface ConsolidatedRound {
  round: ReportRoundRecord;
  sections: Record<ReportSection, { agencyId: string; agencyName: string; text: string }[]>;
  missing: { agencyId: string; agencyName: string }[];
}

/** Where a due reminder goes out through the notification channels (the notification service). */
export interface ReminderNotifier {
  notifyInTx(tx: Repositories, record: RecordEvent, at: string, n: DirectNotification): Promise<number>;
}

/** The deadline as people in the province read it: `05/12/2026 00:00` (Viet Nam time). */
const vnDeadline = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(new Date(iso))
    .replace(',', '');

/** The sections a round's answers contain: its type's at opening, or all for rounds opened before types were configurable. */
export const sectionsOf = (round: ReportRoundRecord): readonly ReportSection[] => round.sections ?? REPORT_SECTIONS;

export class ReportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly notifier: ReminderNotifier | null = null,
  ) {}

  async open(actor: Actor, input: OpenRoundInput): Promise<ReportRoundRecord> {
    if (!reportPolicy.open(actor)) throw forbidden();
    const now = this.deps.clock.now();
    const deadline = new Date(input.deadline);
    if (deadline.getTime() <= now.getTime())
      throw unprocessable('The deadline must be in the future', [{ path: 'deadline', message: 'must be in the future' }]);
    const type = await this.deps.store.reportTypes.get(input.reportType);
    if (!type || type.retired)
      throw unprocessable(type ? 'This report type is retired' : 'Unknown report type', [
        { path: 'reportType', message: type ? 'retired' : 'unknown' },
      ]);
    const agencyIds = [...new Set(input.agencyIds)];
    for (const agencyId of agencyIds) {
      const agency = await this.deps.store.agencies.get(agencyId);
      if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [{ path: 'agencyIds', message: `no agency ${agencyId}` }]);
    }
    return commit(this.deps, actor, async (tx, record, at) => {
      const round: ReportRoundRecord = {
        id: this.deps.ids(),
        reportType: input.reportType,
        title: input.title,
        year: input.year,
        deadline: deadline.toISOString(),
        remindAt: new Date(deadline.getTime() - input.remindHoursBefore * 3_600_000).toISOString(),
        remindedAt: null,
        agencyIds,
        sections: [...type.sections],
        reminders: [],
        openedBy: actor.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await tx.reportRounds.insert(round);
      await record({
        type: EVENTS.reportRoundOpened,
        entity: 'report_round',
        entityId: round.id,
        version: 1,
        data: { title: round.title, reportType: round.reportType, deadline: round.deadline, agencyIds },
      });
      return round;
    });
  }

  async list(actor: Actor, query: z.infer<typeof listRoundsQuery>): Promise<PageResult<ReportRoundRecord>> {
    if (reportPolicy.follow(actor)) return this.deps.store.reportRounds.list(query);
    if (actor.role === 'focal_point' && actor.agencyId) return this.deps.store.reportRounds.list({ ...query, agencyId: actor.agencyId });
    throw forbidden();
  }

  async get(actor: Actor, id: string): Promise<RoundView> {
    const round = await this.deps.store.reportRounds.get(id);
    if (!round || !reportPolicy.read(actor, round)) throw notFound('Report round');
    const now = this.deps.clock.now();
    const submissions = new Map((await this.deps.store.reportSubmissions.listByRound(id)).map((s) => [s.agencyId, s]));
    const visible = reportPolicy.follow(actor) ? round.agencyIds : round.agencyIds.filter((a) => a === actor.agencyId);
    const agencies: RoundAgencyStatus[] = [];
    for (const agencyId of visible) {
      const submission = submissions.get(agencyId) ?? null;
      agencies.push({
        agencyId,
        agencyName: (await this.deps.store.agencies.get(agencyId))?.name ?? agencyId,
        state: submissionState(round, submission, now),
        submittedAt: submission?.submittedAt ?? null,
        remindedAt: round.reminders.find((r) => r.agencyId === agencyId)?.at ?? null,
      });
    }
    return { round, agencies, mine: actor.agencyId ? (submissions.get(actor.agencyId) ?? null) : null };
  }

  /** A focal point's rounds that still wait for its agency, with where each stands and any reminder. */
  async pendingForMyAgency(actor: Actor): Promise<{ round: ReportRoundRecord; status: RoundAgencyStatus }[]> {
    if (actor.role !== 'focal_point' || !actor.agencyId) throw forbidden();
    const agencyId = actor.agencyId;
    const now = this.deps.clock.now();
    const pending: { round: ReportRoundRecord; status: RoundAgencyStatus }[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.reportRounds.list({ agencyId, limit: 100, cursor });
      for (const round of page.items) {
        const submission = await this.deps.store.reportSubmissions.get(round.id, agencyId);
        if (submission?.submittedAt) continue;
        pending.push({
          round,
          status: {
            agencyId,
            agencyName: (await this.deps.store.agencies.get(agencyId))?.name ?? agencyId,
            state: submissionState(round, submission, now),
            submittedAt: null,
            remindedAt: round.reminders.find((r) => r.agencyId === agencyId)?.at ?? null,
          },
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pending;
  }

  /** A focal point saves (and optionally submits) its agency's answer. */
  async save(actor: Actor, roundId: string, input: SubmissionInput, expectedVersion: number | null): Promise<ReportSubmissionRecord> {
    const round = await this.deps.store.reportRounds.get(roundId);
    if (!round || !reportPolicy.read(actor, round)) throw notFound('Report round');
    if (!reportPolicy.submit(actor, round) || !actor.agencyId) throw forbidden('Only the agency’s focal point fills its report');
    const agencyId = actor.agencyId;
    const sections = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, input.sections[s]])) as Record<ReportSection, string>;
    return saveVersioned<'report_submission', ReportSubmissionRecord>(this.deps, actor, {
      entity: 'report_submission',
      slot: (tx) => ({
        load: () => tx.reportSubmissions.get(roundId, agencyId),
        write: async (next, expected) => {
          if (expected !== null) return tx.reportSubmissions.update(next, expected);
          await tx.reportSubmissions.insert(next); // a racing first save hits the unique key: 409
          return true;
        },
      }),
      // No version sent: the agency's first save, or an older console that saves over its own draft.
      expected: expectedVersion ?? 'any',
      change: (current, _tx, at) => {
        if (current?.submittedAt) throw conflict('This report was already submitted', { submittedAt: current.submittedAt });
        const required = sectionsOf(round);
        if (input.submit && required.some((s) => sections[s].length === 0))
          throw unprocessable('Fill every section before submitting', {
            missing: required.filter((s) => sections[s].length === 0),
          });
        return {
          id: current?.id ?? this.deps.ids(),
          roundId,
          agencyId,
          sections,
          submittedAt: input.submit ? at : null,
          submittedBy: input.submit ? actor.id : null,
          updatedBy: actor.id,
          createdAt: current?.createdAt ?? at,
        };
      },
      after: async (next, _current, record, _tx, at) => {
        await record({
          type: input.submit ? EVENTS.reportSubmissionSubmitted : EVENTS.reportSubmissionSaved,
          entity: 'report_round',
          entityId: roundId,
          version: next.version,
          data: { agencyId, late: input.submit ? Date.parse(at) > Date.parse(round.deadline) : undefined },
        });
      },
    });
  }

  /** The answers gathered per section: the province's draft. */
  async consolidate(actor: Actor, roundId: string): Promise<ConsolidatedRound> {
    if (!reportPolicy.follow(actor)) throw forbidden();
    const round = await this.deps.store.reportRounds.get(roundId);
    if (!round) throw notFound('Report round');
    return this.consolidateRound(round);
  }

  async consolidateRound(round: ReportRoundRecord): Promise<ConsolidatedRound> {
    const submissions = new Map((await this.deps.store.reportSubmissions.listByRound(round.id)).map((s) => [s.agencyId, s]));
    const sections = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, []])) as unknown as ConsolidatedRound['sections'];
    const missing: ConsolidatedRound['missing'] = [];
    for (const agencyId of round.agencyIds) {
      const agencyName = (await this.deps.store.agencies.get(agencyId))?.name ?? agencyId;
      const submission = submissions.get(agencyId);
      if (!submission?.submittedAt) {
        missing.push({ agencyId, agencyName });
        continue;
      }
      for (const section of sectionsOf(round)) sections[section].push({ agencyId, agencyName, text: submission.sections[section] });
    }
    return { round, sections, missing };
  }

  /**
   * Runs the reminders that are due: each agency of the round that has not submitted gets a
   * `report_round.reminder_due` event, a reminder on its round page and, through the
   * notification channels, a `report_reminder` to each of its focal points (bell and e-mail,
   * as their preferences allow). All of it commits with the round's `remindedAt`, so a
   * restart or a second node never reminds twice.
   */
  async runDueReminders(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    let reminded = 0;
    for (const due of await this.deps.store.reportRounds.listDueReminders(now)) {
      reminded += await commit(this.deps, null, async (tx, record, at) => {
        const round = await tx.reportRounds.get(due.id);
        if (!round || round.remindedAt) return 0;
        const submitted = new Set((await tx.reportSubmissions.listByRound(round.id)).filter((s) => s.submittedAt).map((s) => s.agencyId));
        const toRemind = Date.parse(at) > Date.parse(round.deadline) ? [] : round.agencyIds.filter((a) => !submitted.has(a));
        const next: ReportRoundRecord = {
          ...round,
          remindedAt: at,
          reminders: [...round.reminders, ...toRemind.map((agencyId) => ({ agencyId, at }))],
          version: round.version + 1,
          updatedAt: at,
        };
        if (!(await tx.reportRounds.update(next, round.version))) return 0;
        for (const agencyId of toRemind) {
          const due = await record({
            type: EVENTS.reportRoundReminderDue,
            entity: 'report_round',
            entityId: round.id,
            version: next.version,
            data: { agencyId, title: round.title, deadline: round.deadline },
          });
          if (!this.notifier) continue;
          const focalPoints = (await tx.users.listByAgency(agencyId)).filter((u) => u.role === 'focal_point' && !u.disabled);
          await this.notifier.notifyInTx(tx, record, at, {
            kind: 'report_reminder',
            userIds: focalPoints.map((u) => u.id),
            title: round.title,
            body: `Hạn nộp báo cáo: ${vnDeadline(round.deadline)} — cơ quan, đơn vị chưa nộp. / Report due ${vnDeadline(round.deadline)} (Viet Nam time) and not yet submitted.`,
            link: `/reports/${round.id}`,
            eventSeq: due.seq,
          });
        }
        return toRemind.length;
      });
    }
    return reminded;
  }
}
