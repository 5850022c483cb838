/**
 * "Who is behind?" as a list of checks, one function per rule. Each check reads what it needs
 * and answers lines that link to where the fix is made. The R4 check needs the drills
 * feature, so it is made from it (`drillParticipationCheck`) where the services are wired.
 */
import type { ComplianceLine } from '@cert-hub/shared';
import type { AssessmentService } from '../assessments/service.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { AgencyRecord } from '../store/port.js';
import { submissionState, isLate } from '../reports/status.js';
import { StatsService } from '../stats/service.js';

/** A contact not confirmed (the agency record untouched) for this long is stale (R6). */
export const STALE_CONTACT_DAYS = 365;

export interface ComplianceContext {
  deps: ServiceDeps;
  assessments: AssessmentService;
  year: number;
  /** The end of the year, or now if the year is not over. */
  asOf: Date;
  /** The year as a reporting interval (Viet Nam time). */
  range: { from: string; to: string };
  agencies: AgencyRecord[];
}

export type ComplianceCheck = (ctx: ComplianceContext) => Promise<ComplianceLine[]>;

const agencyLine = (a: AgencyRecord, rest: Omit<ComplianceLine, 'agencyId' | 'agencyName'>): ComplianceLine => ({
  agencyId: a.id,
  agencyName: a.name,
  ...rest,
});

/** R6: no focal point reachable 24/7, or a contact nobody has confirmed for a year. */
export const focalPointCheck: ComplianceCheck = async (ctx) => {
  const lines: ComplianceLine[] = [];
  for (const agency of ctx.agencies) {
    const fix = { rule: 'R6' as const, subjectId: null, subjectName: null, fixPath: `/agencies?q=${encodeURIComponent(agency.name)}` };
    if (!agency.focalPoints.some((f) => f.available247)) {
      lines.push(agencyLine(agency, { ...fix, check: 'no_focal_point', detail: 'Chưa có đầu mối ứng cứu sự cố liên lạc 24/7' }));
    } else if (ctx.asOf.getTime() - Date.parse(agency.updatedAt) > STALE_CONTACT_DAYS * 86_400_000) {
      lines.push(
        agencyLine(agency, {
          ...fix,
          check: 'stale_contact',
          params: { days: STALE_CONTACT_DAYS },
          detail: `Thông tin đầu mối không được cập nhật quá ${STALE_CONTACT_DAYS} ngày`,
        }),
      );
    }
  }
  return lines;
};

/** R3: level-3+ systems never assessed or whose assessment is overdue. */
export const assessmentCheck: ComplianceCheck = async (ctx) => {
  const byId = new Map(ctx.agencies.map((a) => [a.id, a]));
  const lines: ComplianceLine[] = [];
  for (const line of await ctx.assessments.registerAsOf(ctx.asOf)) {
    const agency = byId.get(line.system.agencyId);
    if (!agency || !line.overdue) continue;
    lines.push(
      agencyLine(agency, {
        rule: 'R3',
        check: line.latest ? 'assessment_overdue' : 'never_assessed',
        params: { level: line.system.level, assessedAt: line.latest?.assessedAt ?? '', dueAt: line.nextDueAt ?? '' },
        subjectId: line.system.id,
        subjectName: line.system.name,
        detail: line.latest
          ? `Hệ thống cấp độ ${line.system.level}: đánh giá gần nhất ${line.latest.assessedAt}, đến hạn ${line.nextDueAt}`
          : `Hệ thống cấp độ ${line.system.level}: chưa có kết quả kiểm tra, đánh giá độc lập`,
        fixPath: `/assessments?systemId=${line.system.id}`,
      }),
    );
  }
  return lines;
};

/** R5: agencies late with a report of this year's cycle. */
export const reportCycleCheck: ComplianceCheck = async (ctx) => {
  const byId = new Map(ctx.agencies.map((a) => [a.id, a]));
  const lines: ComplianceLine[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.deps.store.reportRounds.list({ year: ctx.year, limit: 100, cursor });
    for (const round of page.items) {
      const submissions = new Map((await ctx.deps.store.reportSubmissions.listByRound(round.id)).map((s) => [s.agencyId, s]));
      for (const agencyId of round.agencyIds) {
        const agency = byId.get(agencyId);
        const state = submissionState(round, submissions.get(agencyId) ?? null, ctx.asOf);
        if (!agency || !isLate(state)) continue;
        lines.push(
          agencyLine(agency, {
            rule: 'R5',
            check: state === 'late' ? 'report_missing' : 'report_submitted_late',
            subjectId: round.id,
            subjectName: round.title,
            detail: state === 'late' ? 'Chưa gửi báo cáo, đã quá hạn' : 'Gửi báo cáo sau hạn',
            fixPath: `/reports/${round.id}`,
          }),
        );
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return lines;
};

/** R1: agencies that reported incidents more than five days after detecting them. */
export const lateIncidentReportCheck: ComplianceCheck = async (ctx) => {
  const byId = new Map(ctx.agencies.map((a) => [a.id, a]));
  // The statistics' own reading: the store's aggregates where kept, not every incident of the year.
  const counts = await new StatsService(ctx.deps).counts(ctx.range);
  return counts.lateByAgency
    .filter((l) => l.late > 0 && byId.has(l.agencyId))
    .map((l) =>
      agencyLine(byId.get(l.agencyId)!, {
        rule: 'R1',
        check: 'late_incident_reports',
        params: { late: l.late, total: l.total },
        subjectId: null,
        subjectName: null,
        detail: `${l.late}/${l.total} sự cố báo cáo chậm quá 5 ngày kể từ khi phát hiện`,
        fixPath: `/incidents?agencyId=${l.agencyId}&from=${encodeURIComponent(ctx.range.from)}&to=${encodeURIComponent(ctx.range.to)}`,
      }),
    );
};

/** Who took part in which year's drills (the drills feature answers it). */
export interface DrillParticipation {
  participatingAgencyIds(year: number): Promise<string[]>;
}

/** R4: agencies that took part in no drill this year, held here or elsewhere. */
export const drillParticipationCheck =
  (drills: DrillParticipation): ComplianceCheck =>
  async (ctx) => {
    const took = new Set(await drills.participatingAgencyIds(ctx.year));
    return ctx.agencies
      .filter((agency) => !took.has(agency.id))
      .map((agency) =>
        agencyLine(agency, {
          rule: 'R4',
          check: 'no_drill',
          params: { year: ctx.year },
          subjectId: null,
          subjectName: null,
          detail: `Chưa tham gia diễn tập nào trong năm ${ctx.year}`,
          fixPath: `/drills/years/${ctx.year}`,
        }),
      );
  };

export const COMPLIANCE_CHECKS: ComplianceCheck[] = [focalPointCheck, assessmentCheck, reportCycleCheck, lateIncidentReportCheck];
