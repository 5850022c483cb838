/**
 * SLA compliance of a period: for each real incident and each step its SLA policy times
 * (acknowledge, leave triage, contain), whether the step was reached by its deadline. The
 * deadlines are the SLA feature's own (`policyFor`, `SLA_STEPS`, measured from the report as
 * the escalation timers measure them) and the milestones the one shared definition
 * (`milestonesOf`), under the policies in force now.
 */
import { durationMs, milestonesOf, SLA_MEASURED_STEPS, type SlaMeasuredStep, type SlaStepCompliance } from '@cert-hub/shared';
import { policyFor, SLA_STEPS } from '../sla/deadlines.js';
import type { IncidentStatusHistory, SlaPolicyRecord, SlaScope } from '../store/port.js';

export interface SlaOutcome {
  step: SlaMeasuredStep;
  deadline: string;
  reachedAt: string | null;
  met: boolean;
}

/** The decided outcomes of one incident's SLA steps at `now` (pending steps are left out). */
export function slaOutcomes(history: IncidentStatusHistory, policies: ReadonlyMap<SlaScope, SlaPolicyRecord>, now: Date): SlaOutcome[] {
  const policy = policyFor(history, policies);
  if (!policy) return [];
  const reached = milestonesOf(history.changes);
  const outcomes: SlaOutcome[] = [];
  for (const step of SLA_STEPS) {
    const limit = policy[step.field];
    if (!limit) continue;
    const deadline = Date.parse(history.reportedAt) + durationMs(limit);
    const reachedAt = reached[step.milestone];
    if (reachedAt !== null) {
      outcomes.push({
        step: step.milestone,
        deadline: new Date(deadline).toISOString(),
        reachedAt,
        met: Date.parse(reachedAt) <= deadline,
      });
      continue;
    }
    // A rejected incident never reaches the later steps; that is no breach.
    if (history.status === 'rejected' || history.status === 'closed') continue;
    if (now.getTime() > deadline)
      outcomes.push({ step: step.milestone, deadline: new Date(deadline).toISOString(), reachedAt: null, met: false });
  }
  return outcomes;
}

/** Tallies outcomes into one line per step. */
export class SlaTally {
  private readonly counts = new Map<SlaMeasuredStep, { met: number; breached: number }>();

  add(outcome: SlaOutcome) {
    this.addCounts(outcome.step, outcome.met ? 1 : 0, outcome.met ? 0 : 1);
  }
  /** Many outcomes of one step at once (the aggregated statistics count them without listing them). */
  addCounts(step: SlaMeasuredStep, met: number, breached: number) {
    const c = this.counts.get(step) ?? { met: 0, breached: 0 };
    c.met += met;
    c.breached += breached;
    this.counts.set(step, c);
  }

  lines(): SlaStepCompliance[] {
    return SLA_MEASURED_STEPS.map((step) => {
      const { met, breached } = this.counts.get(step) ?? { met: 0, breached: 0 };
      const measured = met + breached;
      return { step, measured, met, breached, share: measured === 0 ? null : met / measured };
    });
  }
}
