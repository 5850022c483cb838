/** The leaders' services (issue #10), built from the shared dependencies and the incident service. */
import { AssessmentService } from '../assessments/service.js';
import { COMPLIANCE_CHECKS, drillParticipationCheck, type DrillParticipation } from '../compliance/checks.js';
import { ComplianceService } from '../compliance/service.js';
import { ExportService } from '../exports/service.js';
import type { AttachmentService } from '../incidents/attachments.js';
import type { IncidentService } from '../incidents/service.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import { StatsService } from '../stats/service.js';
import { ReportAttachmentService } from './attachments.js';
import { ReportService, type ReminderNotifier } from './service.js';
import { ReportTypeService } from './types.js';

export interface LeadersServices {
  stats: StatsService;
  reports: ReportService;
  assessments: AssessmentService;
  compliance: ComplianceService;
  exports: ExportService;
  /** Files on agencies' answers, stored as incident evidence is. */
  reportAttachments: ReportAttachmentService;
  reportTypes: ReportTypeService;
}

export function createLeadersServices(
  base: ServiceDeps,
  incidents: IncidentService,
  drills: DrillParticipation,
  notifier: ReminderNotifier,
  files: AttachmentService,
): LeadersServices {
  const stats = new StatsService(base);
  const reports = new ReportService(base, notifier);
  const assessments = new AssessmentService(base);
  const compliance = new ComplianceService(base, assessments, [...COMPLIANCE_CHECKS, drillParticipationCheck(drills)]);
  return {
    stats,
    reports,
    assessments,
    compliance,
    exports: new ExportService(base, incidents, stats, compliance, reports),
    reportAttachments: new ReportAttachmentService(base, files),
    reportTypes: new ReportTypeService(base),
  };
}
