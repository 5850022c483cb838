/**
 * A system's level and national-critical flag decide the serious-incident rule (R2) for
 * every report about it. An agency cannot change them for itself: its change becomes a
 * request that the CERT (coordinator) or an administrator approves; until then the old
 * values apply.
 */
import { z } from 'zod';
import { versionField } from './schemas.js';

export interface ClassificationRequestView {
  level: number;
  nationalCritical: boolean;
  requestedBy: string;
  requestedAt: string;
}

export const reviewClassificationInput = z.strictObject({ approve: z.boolean(), version: versionField });
export type ReviewClassificationInput = z.infer<typeof reviewClassificationInput>;

/** Who may set a system's classification directly, and review an agency's request. */
export const canReviewClassification = (s: { role: string }): boolean => s.role === 'admin' || s.role === 'coordinator';
