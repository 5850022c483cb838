/**
 * Serious incidents, R2 as corrected (Decision 05/2017/QĐ-TTg): (a) level 4-5 or national
 * critical system, (b) one of the five impacts, (c) the owner cannot control and handle it
 * alone. The hub computes (a)+(b) ("meets the serious criteria"), the agency answers (c),
 * and a coordinator may confirm, declare or withdraw with a reason, which then decides.
 * Plus upward notifications to the national bodies and the provincial leadership.
 */
import { z } from 'zod';
import { assessSeriousness, IMPACTS, TLP_LEVELS, type Impact, type Tlp } from './incidents.js';
import { versionField } from './schemas.js';

export interface SeriousnessState {
  /** (a)+(b) hold. */
  meetsCriteria: boolean;
  /** Which of (a) and (b) matched, e.g. `system_level_4`, `impact_service_interruption`. */
  criteria: string[];
  /** (c) as the agency answered: false = it cannot handle it alone; null = not answered. */
  canHandleAlone: boolean | null;
  /** The agency says it may exceed its capacity: an emergency report, made at once (R1). */
  mayExceedCapacity: boolean;
  /** A coordinator's decision, which wins over the computation until withdrawn or re-decided. */
  decision: { serious: boolean; reason: string; by: string; at: string } | null;
}

export interface SeriousAssessmentInput {
  systemLevel: number | null;
  nationalCritical: boolean;
  impacts: readonly Impact[];
  canHandleAlone: boolean | null;
  mayExceedCapacity: boolean;
}

/** The hub's computation, keeping any coordinator decision already taken. */
export function assessSerious(input: SeriousAssessmentInput, decision: SeriousnessState['decision'] = null): SeriousnessState {
  const ab = assessSeriousness(input);
  return {
    meetsCriteria: ab.serious,
    criteria: ab.reasons,
    canHandleAlone: input.canHandleAlone,
    mayExceedCapacity: input.mayExceedCapacity,
    decision,
  };
}

/** Serious: the coordinator's decision if there is one, else (a)+(b) and the agency said it cannot handle it alone. */
export function isSerious(s: SeriousnessState): boolean {
  if (s.decision) return s.decision.serious;
  return s.meetsCriteria && s.canHandleAlone === false;
}

/** The reasons shown with the flag. */
export function seriousReasonsOf(s: SeriousnessState): string[] {
  if (s.decision) return [s.decision.serious ? 'coordinator_declared' : 'coordinator_withdrew', ...s.criteria];
  if (!isSerious(s)) return [];
  return [...s.criteria, 'owner_cannot_handle_alone'];
}

/** A coordinator confirms or declares (serious) or withdraws (not serious); `clear` returns to the computation. */
export const seriousDecisionInput = z.strictObject({
  version: versionField,
  action: z.enum(['confirm', 'declare', 'withdraw', 'clear']),
  reason: z.string().trim().min(3).max(2000),
});
export type SeriousDecisionInput = z.infer<typeof seriousDecisionInput>;

/** Re-assessment input: impacts, the system's level/criticality, and the agency's answers. */
export const seriousAssessmentInput = z.strictObject({
  version: versionField,
  impacts: z.array(z.enum(IMPACTS)).max(IMPACTS.length).optional(),
  systemLevel: z.number().int().min(1).max(5).nullable().optional(),
  nationalCritical: z.boolean().optional(),
  canHandleAlone: z.boolean().nullable().optional(),
  mayExceedCapacity: z.boolean().optional(),
});
export type SeriousAssessmentUpdate = z.infer<typeof seriousAssessmentInput>;

export const UPWARD_CHANNELS = ['official_letter', 'email', 'phone', 'fax', 'portal', 'other'] as const;
export type UpwardChannel = (typeof UPWARD_CHANNELS)[number];
export const UPWARD_RECIPIENT_KINDS = ['national_body', 'provincial_leadership'] as const;

export const updateUpwardNotificationInput = z.strictObject({
  version: versionField,
  channel: z.enum(UPWARD_CHANNELS).nullable().optional(),
  /** Marking it sent records the time and the sender. */
  sent: z.boolean().optional(),
  sentAt: z.iso.datetime({ offset: true }).nullable().optional(),
  documentNumber: z.string().trim().max(100).nullable().optional(),
  content: z.string().trim().max(20_000).nullable().optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  acknowledged: z.boolean().optional(),
  acknowledgement: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateUpwardNotificationInput = z.infer<typeof updateUpwardNotificationInput>;

export const upwardFollowUpInput = z.strictObject({ version: versionField, note: z.string().trim().min(2).max(2000) });

export interface UpwardNotificationView {
  id: string;
  incidentId: string;
  recipientKind: (typeof UPWARD_RECIPIENT_KINDS)[number];
  recipientTeamId: string | null;
  recipientName: string;
  status: 'prepared' | 'sent' | 'acknowledged';
  channel: UpwardChannel | null;
  sentAt: string | null;
  sentBy: string | null;
  documentNumber: string | null;
  content: string | null;
  tlp: Tlp;
  acknowledgedAt: string | null;
  acknowledgement: string | null;
  followUps: { at: string; by: string; note: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
