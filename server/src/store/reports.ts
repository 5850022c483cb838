/**
 * Repositories of the leaders' capabilities (issue #10): aggregate statistics over real
 * incidents, the reporting cycle (rounds and each agency's submission) and the assessments
 * register (R3). Both adapters implement them; the contract cases are in
 * test/store-contract-reports.test.ts.
 */
import type { ReportSection } from '@cert-hub/shared';
import type { IncidentStatus, Severity, StatusChange } from '@cert-hub/shared';
import type { PageQuery, PageResult } from './port.js';
import type { StatsAggregateRepository } from './statsAggregates.js';

/** An interval of `reportedAt`, inclusive, ISO-8601 UTC. */
export interface StatsRange {
  from: string;
  to: string;
}

export interface KeyCount {
  key: string;
  count: number;
}

/** Counts over the real incidents (drills excluded) reported in a range. */
export interface IncidentCounts {
  total: number;
  open: number;
  closed: number;
  rejected: number;
  late: number;
  serious: number;
  /** `YYYY-MM` in Asia/Ho_Chi_Minh. */
  byMonth: KeyCount[];
  byCategory: KeyCount[];
  bySeverity: KeyCount[];
  byAgency: KeyCount[];
  byAgencyType: KeyCount[];
  bySector: KeyCount[];
  bySystemLevel: KeyCount[];
  /** Per agency: how many incidents it reported and how many of them late (R1). */
  lateByAgency: { agencyId: string; total: number; late: number }[];
}

export interface IncidentStatusHistory {
  incidentId: string;
  reportedAt: string;
  /** What picks the incident's SLA policy and whether a missed step can still be reached. */
  status: IncidentStatus;
  severity: Severity | null;
  serious: boolean;
  changes: StatusChange[];
}

/**
 * The aggregate reads (statsAggregates.ts) are optional: the SQLite adapter keeps the
 * aggregates and answers them; an adapter without them (MongoDB) serves the statistics from
 * `counts` and `listStatusHistories`, which read every incident of the range.
 */
export interface StatsRepository extends Partial<StatsAggregateRepository> {
  counts(range: StatsRange): Promise<IncidentCounts>;
  /**
   * The status changes of the real incidents reported in the range, one incident at a time
   * (read in batches, never all incidents at once).
   */
  listStatusHistories(range: StatsRange): AsyncIterable<IncidentStatusHistory>;
}

export interface ReportRoundRecord {
  id: string;
  reportType: string;
  title: string;
  year: number;
  deadline: string;
  /** When the focal points who have not submitted are reminded (a durable timer). */
  remindAt: string;
  /** Set once the reminder ran, so a restart does not remind twice. */
  remindedAt: string | null;
  agencyIds: string[];
  /** The sections its report type required when the round opened (absent on older rounds: all). */
  sections?: ReportSection[];
  /** Agencies reminded, with when. */
  reminders: { agencyId: string; at: string }[];
  openedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportSubmissionRecord {
  id: string;
  roundId: string;
  agencyId: string;
  sections: Record<ReportSection, string>;
  submittedAt: string | null;
  submittedBy: string | null;
  updatedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportRoundRepository {
  insert(round: ReportRoundRecord): Promise<void>;
  update(round: ReportRoundRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<ReportRoundRecord | null>;
  /** Newest deadline first. */
  list(query: PageQuery & { year?: number; agencyId?: string }): Promise<PageResult<ReportRoundRecord>>;
  /** Rounds whose reminder is due at `now` and has not run. */
  listDueReminders(now: string): Promise<ReportRoundRecord[]>;
  /** The earliest reminder not yet run, to arm the timer. */
  getNextReminderAt(): Promise<string | null>;
}

export interface ReportSubmissionRepository {
  insert(submission: ReportSubmissionRecord): Promise<void>;
  update(submission: ReportSubmissionRecord, expectedVersion: number): Promise<boolean>;
  get(roundId: string, agencyId: string): Promise<ReportSubmissionRecord | null>;
  listByRound(roundId: string): Promise<ReportSubmissionRecord[]>;
}

/** A file a focal point attached to its agency's answer in a round (stored like incident evidence). */
export interface ReportAttachmentRecord {
  id: string;
  roundId: string;
  agencyId: string;
  fileName: string;
  /** Relative path under the attachments directory. */
  storageKey: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export interface ReportAttachmentRepository {
  insert(attachment: ReportAttachmentRecord): Promise<void>;
  get(id: string): Promise<ReportAttachmentRecord | null>;
  /** One round's files, of one agency or (without `agencyId`) of all, oldest first. */
  listByRound(roundId: string, agencyId?: string): Promise<ReportAttachmentRecord[]>;
}

export interface AssessmentRecord {
  id: string;
  systemId: string;
  agencyId: string;
  systemLevel: number;
  approvalDecision: { number: string; date: string };
  assessor: string;
  monitoringProvider: string | null;
  /** YYYY-MM-DD. */
  assessedAt: string;
  nextDueAt: string | null;
  result: 'passed' | 'passed_with_findings' | 'failed';
  findings: { text: string; remediationDue: string }[];
  recordedBy: string;
  createdAt: string;
}

export interface AssessmentRepository {
  insert(assessment: AssessmentRecord): Promise<void>;
  listBySystem(systemId: string): Promise<AssessmentRecord[]>;
  /** The most recent assessment of each system that has one. */
  listLatestPerSystem(): Promise<AssessmentRecord[]>;
}

export interface ReportsRepositories {
  stats: StatsRepository;
  reportRounds: ReportRoundRepository;
  reportSubmissions: ReportSubmissionRepository;
  reportAttachments: ReportAttachmentRepository;
  assessments: AssessmentRepository;
}
