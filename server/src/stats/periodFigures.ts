/**
 * The figures of one period before presentation (names, breach lines): counts, response-time
 * summaries and SLA tallies with the first breaches. Two ways to compute them, which must agree
 * (server/src/stats/aggregated.test.ts): `aggregatedFigures` (aggregated.ts) from the store's
 * aggregates, and `recomputedFigures` here, straight from every real incident of the range and
 * its status history — what an adapter without aggregates (MongoDB) serves, and the reference.
 */
import { milestonesOf, secondsUntil, SLA_BREACH_LIST_LIMIT, type DurationSummary } from '@cert-hub/shared';
import type { IncidentCounts, SlaPolicyRecord, SlaScope, StatsRange, Store } from '../store/port.js';
import { summarise } from './figures.js';
import { slaOutcomes, SlaTally, type SlaOutcome } from './slaCompliance.js';

export interface SlaBreach {
  incidentId: string;
  severity: string;
  outcome: SlaOutcome;
}

export interface PeriodFigures {
  counts: IncidentCounts;
  acknowledge: DurationSummary;
  contain: DurationSummary;
  close: DurationSummary;
  slaOverall: SlaTally;
  slaBySeverity: Map<string, SlaTally>;
  /** The first breaches by deadline (then incident id), at most SLA_BREACH_LIST_LIMIT. */
  breaches: SlaBreach[];
  /** How many breaches there are in all. */
  breachCount: number;
}

export const byDeadline = (a: SlaBreach, b: SlaBreach) =>
  a.outcome.deadline.localeCompare(b.outcome.deadline) || a.incidentId.localeCompare(b.incidentId);

/** Every real incident of the range and its status changes, one at a time. */
export async function recomputedFigures(
  store: Store,
  range: StatsRange,
  policies: ReadonlyMap<SlaScope, SlaPolicyRecord>,
  now: Date,
): Promise<PeriodFigures> {
  const counts = await store.stats.counts(range);
  const acknowledge: number[] = [];
  const contain: number[] = [];
  const close: number[] = [];
  const slaOverall = new SlaTally();
  const slaBySeverity = new Map<string, SlaTally>();
  const breaches: SlaBreach[] = [];
  for await (const history of store.stats.listStatusHistories(range)) {
    const severity = history.severity ?? 'unknown';
    for (const outcome of slaOutcomes(history, policies, now)) {
      slaOverall.add(outcome);
      if (!slaBySeverity.has(severity)) slaBySeverity.set(severity, new SlaTally());
      slaBySeverity.get(severity)!.add(outcome);
      if (!outcome.met) breaches.push({ incidentId: history.incidentId, severity, outcome });
    }
    const m = milestonesOf(history.changes);
    const push = (into: number[], at: string | null) => {
      const seconds = secondsUntil(history.reportedAt, at);
      if (seconds !== null) into.push(seconds);
    };
    push(acknowledge, m.acknowledged);
    push(contain, m.contained);
    push(close, m.closed);
  }
  breaches.sort(byDeadline);
  return {
    counts,
    acknowledge: summarise(acknowledge),
    contain: summarise(contain),
    close: summarise(close),
    slaOverall,
    slaBySeverity,
    breaches: breaches.slice(0, SLA_BREACH_LIST_LIMIT),
    breachCount: breaches.length,
  };
}
