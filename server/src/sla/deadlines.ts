/**
 * Which SLA step an incident is waiting for and when it is due: pure functions over the
 * incident, its status changes (through the shared `milestonesOf`) and the policies.
 */
import { durationMs, milestonesOf, type StatusChange } from '@cert-hub/shared';
import type { IncidentRecord, SlaMilestone, SlaPolicyRecord, SlaScope } from '../store/port.js';

/** The steps in the order an incident reaches them, with the policy field that times each. */
export const SLA_STEPS: readonly { milestone: SlaMilestone; field: 'acknowledge' | 'leaveTriage' | 'contain' }[] = [
  { milestone: 'acknowledged', field: 'acknowledge' },
  { milestone: 'leftTriage', field: 'leaveTriage' },
  { milestone: 'contained', field: 'contain' },
];

/** A serious incident follows the `serious` policy; others their severity's, else `default`. */
export function policyFor(
  incident: Pick<IncidentRecord, 'serious' | 'severity'>,
  policies: ReadonlyMap<SlaScope, SlaPolicyRecord>,
): SlaPolicyRecord | null {
  if (incident.serious && policies.has('serious')) return policies.get('serious')!;
  if (incident.severity && policies.has(incident.severity)) return policies.get(incident.severity)!;
  return policies.get('default') ?? null;
}

/** The first unmet step that has a deadline, measured from the report; null when none is pending. */
export function nextDeadline(
  incident: IncidentRecord,
  changes: readonly StatusChange[],
  policy: SlaPolicyRecord | null,
): { milestone: SlaMilestone; deadline: string } | null {
  if (!policy || incident.status === 'closed' || incident.status === 'rejected') return null;
  const reached = milestonesOf(changes);
  for (const step of SLA_STEPS) {
    if (reached[step.milestone]) continue;
    const limit = policy[step.field];
    if (!limit) continue;
    return { milestone: step.milestone, deadline: new Date(Date.parse(incident.reportedAt) + durationMs(limit)).toISOString() };
  }
  return null;
}
