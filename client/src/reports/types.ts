/** The reporting cycle as the API answers it. */
import type { ReportSection, RoundAgencyStatus } from '@cert-hub/shared';

export interface RoundView {
  id: string;
  reportType: string;
  title: string;
  year: number;
  deadline: string;
  remindAt: string;
  remindedAt: string | null;
  agencyIds: string[];
  /** The sections its report type asked for when it opened. */
  sections: ReportSection[];
  version: number;
  createdAt: string;
}
export interface SubmissionView {
  id: string;
  roundId: string;
  agencyId: string;
  sections: Record<ReportSection, string>;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
}
export interface RoundDetail {
  round: RoundView;
  agencies: RoundAgencyStatus[];
  mine: SubmissionView | null;
}
export interface Consolidated {
  round: RoundView;
  sections: Record<ReportSection, { agencyId: string; agencyName: string; text: string }[]>;
  missing: { agencyId: string; agencyName: string }[];
}
