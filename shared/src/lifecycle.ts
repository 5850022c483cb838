/**
 * The incident lifecycle (domain.md §4) as a state machine: which moves exist and what
 * each needs. The server enforces it; the board uses it to allow or refuse a drag.
 */
import type { IncidentStatus } from './incidents.js';

export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  received: ['triage'],
  triage: ['initial_response', 'rejected'],
  initial_response: ['containment', 'recovery', 'triage'],
  containment: ['recovery', 'initial_response'],
  recovery: ['closed', 'containment'],
  closed: [],
  rejected: ['triage'],
};

export type TransitionRequirement = 'reason' | 'classification' | 'closing_report';

/** What a move needs: a reason to reject, severity and category to leave triage, the closing report to close. */
export function requirementsOf(from: IncidentStatus, to: IncidentStatus): TransitionRequirement[] {
  if (to === 'rejected') return ['reason'];
  if (to === 'closed') return ['closing_report'];
  if (from === 'triage') return ['classification'];
  return [];
}

export const canTransition = (from: IncidentStatus, to: IncidentStatus) => TRANSITIONS[from].includes(to);

/** Active states: on the board, counted as open. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery'];
