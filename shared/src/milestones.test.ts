import { describe, expect, it } from 'vitest';
import { milestonesOf, secondsUntil, type StatusChange } from './milestones.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 1, minute)).toISOString();

describe('milestonesOf', () => {
  const cases: { name: string; changes: StatusChange[]; expected: Record<string, string | null> }[] = [
    { name: 'nothing happened', changes: [], expected: { acknowledged: null, leftTriage: null, contained: null, closed: null } },
    {
      name: 'the whole path',
      changes: [
        { from: 'received', to: 'triage', at: at(5) },
        { from: 'triage', to: 'initial_response', at: at(10) },
        { from: 'initial_response', to: 'containment', at: at(20) },
        { from: 'containment', to: 'recovery', at: at(40) },
        { from: 'recovery', to: 'closed', at: at(90) },
      ],
      expected: { acknowledged: at(5), leftTriage: at(10), contained: at(40), closed: at(90) },
    },
    {
      name: 'rejected leaves triage but contains nothing',
      changes: [
        { from: 'received', to: 'triage', at: at(1) },
        { from: 'triage', to: 'rejected', at: at(3) },
      ],
      expected: { acknowledged: at(1), leftTriage: at(3), contained: null, closed: null },
    },
    {
      name: 'first arrival counts when a step is repeated, whatever the input order',
      changes: [
        { from: 'containment', to: 'recovery', at: at(50) },
        { from: 'received', to: 'triage', at: at(2) },
        { from: 'recovery', to: 'containment', at: at(45) },
        { from: 'initial_response', to: 'recovery', at: at(30) },
        { from: 'triage', to: 'initial_response', at: at(4) },
      ],
      expected: { acknowledged: at(2), leftTriage: at(4), contained: at(30), closed: null },
    },
  ];
  it.each(cases)('$name', ({ changes, expected }) => {
    expect(milestonesOf(changes)).toEqual(expected);
  });

  it('measures seconds from the start, null when not reached', () => {
    expect(secondsUntil(at(0), at(5))).toBe(300);
    expect(secondsUntil(at(0), null)).toBeNull();
  });
});
