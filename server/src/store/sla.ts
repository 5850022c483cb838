/**
 * SLA (issue 8): response-time policies per severity (or for serious incidents) and the
 * durable escalation timers, one per incident, stored with their due time.
 */
import type { Severity } from '@cert-hub/shared';

export type SlaScope = 'default' | 'serious' | Severity;

export interface SlaPolicyRecord {
  scope: SlaScope;
  /** ISO-8601 durations from the report, or null when the step has no deadline. */
  acknowledge: string | null;
  leaveTriage: string | null;
  contain: string | null;
  /** ISO-8601 delay between escalation steps once a deadline is missed. */
  escalationDelay: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export type SlaMilestone = 'acknowledged' | 'leftTriage' | 'contained';

export interface SlaTimerRecord {
  incidentId: string;
  milestone: SlaMilestone;
  /** When the milestone is due (the deadline itself). */
  deadline: string;
  /** When the timer next fires: the deadline, then each escalation step after it. */
  dueAt: string;
  /** How many escalation steps have fired; the next one is `step`. */
  step: number;
}

export interface SlaPolicyRepository {
  list(): Promise<SlaPolicyRecord[]>;
  get(scope: SlaScope): Promise<SlaPolicyRecord | null>;
  upsert(p: SlaPolicyRecord): Promise<void>;
  remove(scope: SlaScope): Promise<boolean>;
}

export interface SlaTimerRepository {
  get(incidentId: string): Promise<SlaTimerRecord | null>;
  /** Arms (or re-arms) the incident's timer. */
  put(t: SlaTimerRecord): Promise<void>;
  remove(incidentId: string): Promise<void>;
  listDue(now: string, limit: number): Promise<SlaTimerRecord[]>;
  /** The earliest due time of any timer (null: none armed); what the scheduler sleeps until. */
  nextDueAt(): Promise<string | null>;
  /**
   * Atomically replaces the fired timer `current` by `next`; false when the stored timer is no
   * longer `current` (another node fired it, or it was re-armed): so a step never fires twice.
   */
  advance(current: SlaTimerRecord, next: SlaTimerRecord): Promise<boolean>;
}
