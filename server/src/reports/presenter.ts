/** What leaves the server of the reporting cycle and the assessments register: explicit fields. */
import type { ComplianceLine, ReportTypeView } from '@cert-hub/shared';
import type { RegisterLine } from '../assessments/service.js';
import type { AssessmentRecord, ReportRoundRecord, ReportSubmissionRecord, ReportTypeRecord } from '../store/port.js';
import { sectionsOf, type ConsolidatedRound, type RoundView } from './service.js';

export const presentReportType = (t: ReportTypeRecord): ReportTypeView => ({
  code: t.code,
  nameVi: t.nameVi,
  nameEn: t.nameEn,
  period: t.period,
  deadlines: [...t.deadlines],
  submittedBy: t.submittedBy,
  sentTo: t.sentTo,
  sections: [...t.sections],
  retired: t.retired,
  version: t.version,
  updatedAt: t.updatedAt,
});

export const presentRound = (r: ReportRoundRecord) => ({
  id: r.id,
  reportType: r.reportType,
  title: r.title,
  year: r.year,
  deadline: r.deadline,
  remindAt: r.remindAt,
  remindedAt: r.remindedAt,
  agencyIds: [...r.agencyIds],
  sections: [...sectionsOf(r)],
  version: r.version,
  createdAt: r.createdAt,
});

export const presentSubmission = (s: ReportSubmissionRecord) => ({
  id: s.id,
  roundId: s.roundId,
  agencyId: s.agencyId,
  sections: { ...s.sections },
  submittedAt: s.submittedAt,
  version: s.version,
  updatedAt: s.updatedAt,
});

export const presentRoundView = (v: RoundView) => ({
  round: presentRound(v.round),
  agencies: v.agencies.map((a) => ({ ...a })),
  mine: v.mine ? presentSubmission(v.mine) : null,
});

export const presentConsolidated = (c: ConsolidatedRound) => ({
  round: presentRound(c.round),
  sections: c.sections,
  missing: c.missing,
});

export const presentAssessment = (a: AssessmentRecord) => ({
  id: a.id,
  systemId: a.systemId,
  agencyId: a.agencyId,
  systemLevel: a.systemLevel,
  approvalDecision: { ...a.approvalDecision },
  assessor: a.assessor,
  monitoringProvider: a.monitoringProvider,
  assessedAt: a.assessedAt,
  nextDueAt: a.nextDueAt,
  result: a.result,
  findings: a.findings.map((f) => ({ ...f })),
  createdAt: a.createdAt,
});

export const presentRegisterLine = (l: RegisterLine) => ({
  systemId: l.system.id,
  systemName: l.system.name,
  agencyId: l.system.agencyId,
  level: l.system.level,
  latest: l.latest ? presentAssessment(l.latest) : null,
  nextDueAt: l.nextDueAt,
  overdue: l.overdue,
});

export const presentComplianceLine = (l: ComplianceLine): ComplianceLine => ({ ...l });
