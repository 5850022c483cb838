/** Where each agency stands in a round (R5): a pure function of the round, its submissions and the time. */
import type { SubmissionState } from '@cert-hub/shared';
import type { ReportRoundRecord, ReportSubmissionRecord } from '../store/port.js';

export function submissionState(round: ReportRoundRecord, submission: ReportSubmissionRecord | null, now: Date): SubmissionState {
  const deadline = Date.parse(round.deadline);
  if (submission?.submittedAt) return Date.parse(submission.submittedAt) > deadline ? 'submitted_late' : 'submitted';
  if (now.getTime() > deadline) return 'late';
  return submission ? 'draft' : 'pending';
}

export const isLate = (state: SubmissionState) => state === 'late' || state === 'submitted_late';
