/**
 * Leaders' statistics, the reporting cycle (R5), the assessments register (R3) and the
 * compliance view: request schemas and the shapes the API answers with, shared by the
 * server and the console. Report types are configuration data, not code.
 */
import { z } from 'zod';
import { INCIDENT_CATEGORY_CODES, INCIDENT_STATUSES, SEVERITIES } from './incidents.js';
import { idSchema, paginationQuery } from './schemas.js';

const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' });
const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- statistics ----
export const statsQuery = z
  .strictObject({ from: isoInstant, to: isoInstant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });
export type StatsQuery = z.infer<typeof statsQuery>;

export interface CountBucket {
  key: string;
  count: number;
}
export interface DurationSummary {
  /** How many incidents reached the milestone. */
  count: number;
  meanSeconds: number | null;
  p90Seconds: number | null;
}
export interface LateShare {
  agencyId: string;
  agencyName: string;
  total: number;
  late: number;
  share: number;
}
export interface SeriousIncidentLine {
  id: string;
  code: string;
  title: string;
  agencyId: string;
  agencyName: string;
  status: string;
  reportedAt: string;
}
export interface StatsPeriod {
  from: string;
  to: string;
  total: number;
  open: number;
  closed: number;
  rejected: number;
  late: number;
  serious: number;
  byMonth: CountBucket[];
  byCategory: CountBucket[];
  bySeverity: CountBucket[];
  byAgency: (CountBucket & { name: string })[];
  byAgencyType: CountBucket[];
  bySector: CountBucket[];
  bySystemLevel: CountBucket[];
  meanTimeToAcknowledgeSeconds: number | null;
  acknowledge: DurationSummary;
  contain: DurationSummary;
  close: DurationSummary;
  lateShareByAgency: LateShare[];
  sla: SlaCompliance;
}

/** The SLA steps whose deadlines the compliance figures measure (as in the SLA policies). */
export const SLA_MEASURED_STEPS = ['acknowledged', 'leftTriage', 'contained'] as const;
export type SlaMeasuredStep = (typeof SLA_MEASURED_STEPS)[number];
/**
 * How many incidents had a deadline for a step that is decided (met: reached in time; breached:
 * reached late, or not reached and the deadline passed). Incidents whose deadline is still
 * ahead, or that were rejected before reaching the step, are not measured.
 */
export interface SlaStepCompliance {
  step: SlaMeasuredStep;
  measured: number;
  met: number;
  breached: number;
  /** met / measured, or null when nothing was measured. */
  share: number | null;
}
export interface SlaBreachLine {
  id: string;
  code: string;
  title: string;
  agencyId: string;
  agencyName: string;
  /** `unknown` when the incident was never classified. */
  severity: string;
  step: SlaMeasuredStep;
  deadline: string;
  /** When the step was reached (late), or null when it still is not. */
  reachedAt: string | null;
}
export interface SlaCompliance {
  overall: SlaStepCompliance[];
  bySeverity: (SlaStepCompliance & { severity: string })[];
  /** The breaches behind the figures, earliest deadline first (at most SLA_BREACH_LIST_LIMIT). */
  breaches: SlaBreachLine[];
  breachesTruncated: boolean;
}
export const SLA_BREACH_LIST_LIMIT = 500;
export interface StatsView extends StatsPeriod {
  seriousIncidents: SeriousIncidentLine[];
  /** The same figures for the period of equal length just before. */
  previous: Pick<StatsPeriod, 'from' | 'to' | 'total' | 'open' | 'closed' | 'late' | 'serious' | 'meanTimeToAcknowledgeSeconds'>;
}

// ---- report types (configuration) and rounds ----
export const REPORT_SECTIONS = ['results', 'difficulties', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, { vi: string; en: string }> = {
  results: { vi: 'Kết quả đạt được', en: 'Results' },
  difficulties: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' },
  recommendations: { vi: 'Đề xuất, kiến nghị', en: 'Recommendations' },
};

export interface ReportTypeConfig {
  code: string;
  nameVi: string;
  nameEn: string;
  /** `yearly`, `six_monthly` or `ad_hoc` (deadline given when the round opens). */
  period: 'yearly' | 'six_monthly' | 'ad_hoc';
  /** Fixed deadlines in the year as `MM-DD` (Viet Nam time); empty for ad-hoc. */
  deadlines: string[];
  submittedBy: string;
  sentTo: string;
  sections: ReportSection[];
}

/** The demo province's report types, as set in the seeds (R5: seeds 000, 001, 003). */
export const DEFAULT_REPORT_TYPES: ReportTypeConfig[] = [
  {
    code: 'agency_annual',
    nameVi: 'Báo cáo năm của cơ quan, đơn vị về công tác bảo đảm ATTT',
    nameEn: "Agencies' annual report",
    period: 'yearly',
    deadlines: ['12-05'],
    submittedBy: 'Cơ quan, đơn vị',
    sentTo: 'Công an tỉnh (cơ quan thường trực)',
    sections: ['results', 'difficulties', 'recommendations'],
  },
  {
    code: 'province_annual',
    nameVi: 'Báo cáo năm của tỉnh (kết quả, khó khăn, kiến nghị)',
    nameEn: "The province's annual report",
    period: 'yearly',
    deadlines: ['12-05'],
    submittedBy: 'Cơ quan thường trực',
    sentTo: 'UBND tỉnh; Trung tâm VNCERT/CC',
    sections: ['results', 'difficulties', 'recommendations'],
  },
  {
    code: 'assessment_level_3_4',
    nameVi: 'Báo cáo kiểm tra, đánh giá hệ thống cấp độ 3, 4',
    nameEn: 'Level 3-4 system assessment report',
    period: 'yearly',
    deadlines: ['12-14'],
    submittedBy: 'Chủ quản hệ thống cấp độ 3, 4',
    sentTo: 'Công an tỉnh',
    sections: ['results', 'difficulties', 'recommendations'],
  },
  {
    code: 'assessment_level_5',
    nameVi: 'Báo cáo kiểm tra, đánh giá hệ thống cấp độ 5',
    nameEn: 'Level 5 system assessment report',
    period: 'six_monthly',
    deadlines: ['06-14', '12-14'],
    submittedBy: 'Chủ quản hệ thống cấp độ 5',
    sentTo: 'Công an tỉnh',
    sections: ['results', 'difficulties', 'recommendations'],
  },
  {
    code: 'national_six_monthly',
    nameVi: 'Báo cáo 6 tháng của thành viên mạng lưới gửi cơ quan điều phối quốc gia',
    nameEn: 'Six-monthly network member report to the national coordinator',
    period: 'six_monthly',
    deadlines: ['06-15', '12-15'],
    submittedBy: 'Thành viên mạng lưới ứng cứu sự cố',
    sentTo: 'Trung tâm VNCERT/CC',
    sections: ['results', 'difficulties', 'recommendations'],
  },
  {
    code: 'ad_hoc',
    nameVi: 'Báo cáo đột xuất theo yêu cầu',
    nameEn: 'Ad-hoc report on request',
    period: 'ad_hoc',
    deadlines: [],
    submittedBy: 'Cơ quan, đơn vị được yêu cầu',
    sentTo: 'Công an tỉnh và Sở Khoa học và Công nghệ',
    sections: ['results', 'difficulties', 'recommendations'],
  },
];
export const REPORT_TYPE_CODES = DEFAULT_REPORT_TYPES.map((t) => t.code) as [string, ...string[]];

// ---- report types as stored configuration ----
export const REPORT_PERIODS = ['yearly', 'six_monthly', 'ad_hoc'] as const;
/** How many fixed deadlines a period has in a year. */
export const DEADLINES_PER_PERIOD: Record<(typeof REPORT_PERIODS)[number], number> = { yearly: 1, six_monthly: 2, ad_hoc: 0 };
export const reportTypeCode = z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be lower-case letters, digits and _');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD');
const reportTypeFields = {
  nameVi: z.string().trim().min(3).max(300),
  nameEn: z.string().trim().min(3).max(300),
  period: z.enum(REPORT_PERIODS),
  deadlines: z.array(monthDay).max(12),
  submittedBy: z.string().trim().min(2).max(300),
  sentTo: z.string().trim().min(2).max(300),
  sections: z
    .array(z.enum(REPORT_SECTIONS))
    .min(1)
    .max(REPORT_SECTIONS.length)
    .refine((s) => new Set(s).size === s.length, 'each section once'),
};
const deadlinesMatchPeriod = (v: { period: (typeof REPORT_PERIODS)[number]; deadlines: string[] }, ctx: z.RefinementCtx) => {
  if (v.deadlines.length !== DEADLINES_PER_PERIOD[v.period])
    ctx.addIssue({
      code: 'custom',
      path: ['deadlines'],
      message: `a ${v.period} report has ${DEADLINES_PER_PERIOD[v.period]} deadline(s)`,
    });
};
export const createReportTypeInput = z.strictObject({ code: reportTypeCode, ...reportTypeFields }).superRefine(deadlinesMatchPeriod);
export type CreateReportTypeInput = z.infer<typeof createReportTypeInput>;
/** A whole new version of the type; `retired: true` stops new rounds from opening with it. */
export const updateReportTypeInput = z
  .strictObject({ ...reportTypeFields, retired: z.boolean(), version: z.number().int().min(1) })
  .superRefine(deadlinesMatchPeriod);
export type UpdateReportTypeInput = z.infer<typeof updateReportTypeInput>;
export interface ReportTypeView extends ReportTypeConfig {
  retired: boolean;
  version: number;
  updatedAt: string;
}

export const openRoundInput = z.strictObject({
  reportType: reportTypeCode,
  title: z.string().trim().min(3).max(300),
  year: z.number().int().min(2000).max(2100),
  deadline: isoInstant,
  agencyIds: z.array(idSchema).min(1).max(1000),
  /** How long before the deadline the focal points are reminded (default 3 days). */
  remindHoursBefore: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(72),
});
export type OpenRoundInput = z.infer<typeof openRoundInput>;

export const submissionInput = z.strictObject({
  sections: z.strictObject({
    results: z.string().trim().max(20_000).default(''),
    difficulties: z.string().trim().max(20_000).default(''),
    recommendations: z.string().trim().max(20_000).default(''),
  }),
  /** `true` sends it; `false` keeps a draft. */
  submit: z.boolean().default(false),
});
export type SubmissionInput = z.infer<typeof submissionInput>;

export const listRoundsQuery = paginationQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export type SubmissionState = 'pending' | 'draft' | 'submitted' | 'submitted_late' | 'late';
export interface RoundAgencyStatus {
  agencyId: string;
  agencyName: string;
  state: SubmissionState;
  submittedAt: string | null;
  remindedAt: string | null;
}

// ---- assessments register (R3) ----
export const ASSESSMENT_RESULTS = ['passed', 'passed_with_findings', 'failed'] as const;
export const recordAssessmentInput = z
  .strictObject({
    systemId: idSchema,
    approvalDecision: z.strictObject({ number: z.string().trim().min(1).max(100), date: z.iso.date() }),
    assessor: z.string().trim().min(2).max(300),
    /** The provider that monitors the system; the assessor must be someone else (independence). */
    monitoringProvider: z.string().trim().max(300).nullable().default(null),
    assessedAt: z.iso.date(),
    result: z.enum(ASSESSMENT_RESULTS),
    findings: z
      .array(z.strictObject({ text: z.string().trim().min(2).max(2000), remediationDue: z.iso.date() }))
      .max(200)
      .default([]),
  })
  .refine((a) => !a.monitoringProvider || a.monitoringProvider.toLowerCase() !== a.assessor.toLowerCase(), {
    message: 'the assessor must be independent of the monitoring provider',
    path: ['assessor'],
  });
export type RecordAssessmentInput = z.infer<typeof recordAssessmentInput>;

/** Months between independent assessments by security level (R3): level 5 six-monthly, 3-4 yearly. */
export function assessmentIntervalMonths(level: number): number | null {
  if (level >= 5) return 6;
  if (level >= 3) return 12;
  return null;
}

/** The date (YYYY-MM-DD) the next assessment is due after one made on `assessedAt`. */
export function nextAssessmentDue(level: number, assessedAt: string): string | null {
  const months = assessmentIntervalMonths(level);
  if (months === null) return null;
  const [y, m, d] = assessedAt.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y, m - 1 + months, d));
  return due.toISOString().slice(0, 10);
}

// ---- compliance ----
export const complianceQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const COMPLIANCE_RULES = ['R1', 'R3', 'R4', 'R5', 'R6'] as const;
export type ComplianceRule = (typeof COMPLIANCE_RULES)[number];
export interface ComplianceLine {
  rule: ComplianceRule;
  /** What the console shows, translated from `check` with these values (`detail` is the Vietnamese text for documents). */
  params?: Record<string, string | number>;
  /** Stable code of the check, e.g. `no_focal_point`. */
  check: string;
  agencyId: string;
  agencyName: string;
  /** What the line is about (a system, a round), when not the agency itself. */
  subjectId: string | null;
  subjectName: string | null;
  detail: string;
  /** The console path where it is fixed. */
  fixPath: string;
}

// ---- incident export ----
export const exportIncidentsQuery = z.strictObject({
  status: z.enum(INCIDENT_STATUSES).optional(),
  open: boolString.optional(),
  agencyId: idSchema.optional(),
  teamId: idSchema.optional(),
  category: z.enum(INCIDENT_CATEGORY_CODES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  serious: boolString.optional(),
  drill: boolString.optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  q: z.string().max(200).optional(),
});

/** A spreadsheet cell that a spreadsheet program would run as a formula is stored as text. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;
export const isFormulaLike = (value: string) => FORMULA_TRIGGERS.some((c) => value.startsWith(c));
