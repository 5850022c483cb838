/**
 * The figures of one period from the store's aggregates (store/statsAggregates.ts): the whole
 * VN days of the range from the daily totals, the partial days at its ends from those
 * incidents' stats rows, and exact values only where a bucket must be opened — the bucket
 * holding a 90th percentile or an SLA limit, and the first late incidents for the breach list.
 * Must give what `recomputedFigures` gives (aggregated.test.ts).
 */
import { durationMs, SEVERITIES, SLA_BREACH_LIST_LIMIT, type DurationSummary, type Milestone, type Severity } from '@cert-hub/shared';
import { policyFor, SLA_STEPS } from '../sla/deadlines.js';
import type { IncidentCounts, SlaPolicyRecord, SlaScope, StatsRange } from '../store/port.js';
import {
  bucketOfMs,
  contributionsOf,
  DAY_MS,
  durationDim,
  periodKeyRanges,
  rankedKeyCounts,
  secondsOfMs,
  slaClassOf,
  vnDay,
  vnDayStartMs,
  type DurationRow,
  type PendingRow,
  type StatsAggregateRepository,
} from '../store/statsAggregates.js';
import type { StatsRepository } from '../store/reports.js';
import { byDeadline, type PeriodFigures, type SlaBreach } from './periodFigures.js';
import { SlaTally } from './slaCompliance.js';

const OPEN = ['received', 'triage', 'initial_response', 'containment', 'recovery'];
const AGGREGATE_READS = [
  'getDailyTotals',
  'getMonthlyTotals',
  'getNthDuration',
  'countDurations',
  'listStatsRows',
  'listDurations',
  'countPending',
  'listPending',
] as const satisfies readonly (keyof StatsAggregateRepository)[];

/** The store's aggregate reads, when its adapter keeps the aggregates. */
export function aggregatesOf(stats: StatsRepository): StatsAggregateRepository | null {
  return AGGREGATE_READS.every((name) => typeof stats[name] === 'function') ? (stats as StatsAggregateRepository) : null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The whole VN days inside a range, and the partial stretches left at its ends. */
export function splitIntoDays(range: StatsRange): { days: { first: string; last: string } | null; edges: StatsRange[] } {
  const fromMs = Date.parse(range.from);
  const toMs = Date.parse(range.to);
  let first = vnDay(range.from);
  if (vnDayStartMs(first) < fromMs) first = addDays(first, 1);
  let last = vnDay(range.to);
  if (vnDayStartMs(last) + DAY_MS - 1 > toMs) last = addDays(last, -1);
  if (first > last) return { days: null, edges: [range] };
  const edges: StatsRange[] = [];
  if (vnDayStartMs(first) > fromMs) edges.push({ from: range.from, to: iso(vnDayStartMs(first) - 1) });
  const after = vnDayStartMs(last) + DAY_MS;
  if (after <= toMs) edges.push({ from: iso(after), to: range.to });
  return { days: { first, last }, edges };
}

interface Total {
  dim: string;
  key: string;
  n: number;
  seconds: number;
}

/** Rows at the last report time of a LIMITed page, so ties are ordered like the reference (ids by locale). */
async function withTies<R extends PendingRow>(rows: R[], limit: number, more: (at: StatsRange) => Promise<R[]>): Promise<R[]> {
  if (rows.length < limit) return rows;
  const lastAt = rows[rows.length - 1]!.reportedAt;
  const seen = new Set(rows.map((r) => r.incidentId));
  return [...rows, ...(await more({ from: lastAt, to: lastAt })).filter((r) => !seen.has(r.incidentId))];
}

export async function aggregatedFigures(
  agg: StatsAggregateRepository,
  agencyTypes: (agencyIds: string[]) => Promise<Map<string, string>>,
  range: StatsRange,
  policies: ReadonlyMap<SlaScope, SlaPolicyRecord>,
  now: Date,
  options: { listBreaches: boolean } = { listBreaches: true },
): Promise<PeriodFigures> {
  const totals = new Map<string, Total>();
  const months = new Map<string, number>();
  const add = (t: Total) => {
    const k = `${t.dim}\u0000${t.key}`;
    const into = totals.get(k) ?? { dim: t.dim, key: t.key, n: 0, seconds: 0 };
    into.n += t.n;
    into.seconds += t.seconds;
    totals.set(k, into);
  };
  const { days, edges } = splitIntoDays(range);
  if (days)
    for (const keys of periodKeyRanges(days.first, days.last)) {
      for (const t of await agg.getDailyTotals(keys.from, keys.to)) add(t);
      for (const m of await agg.getMonthlyTotals(keys.from, keys.to)) months.set(m.month, (months.get(m.month) ?? 0) + m.n);
    }
  for (const edge of edges)
    for (const row of await agg.listStatsRows(edge)) {
      // Its day's entries (each contribution is also kept under its month).
      for (const t of contributionsOf(row).totals.values()) if (!t.day.startsWith('M')) add(t);
      const month = vnDay(row.reportedAt).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }

  const of = (dim: string) => [...totals.values()].filter((t) => t.dim === dim && t.n !== 0);
  const sum = (dim: string) => of(dim).reduce((s, t) => s + t.n, 0);
  const byKey = (dim: string) => new Map(of(dim).map((t) => [JSON.parse(t.key) as string | number | null, t.n] as const));
  const statuses = byKey('status');
  const agencies = of('agency').map((t) => ({ agencyId: JSON.parse(t.key) as string, total: t.n }));
  const types = await agencyTypes(agencies.map((a) => a.agencyId));
  const byType = new Map<string | null, number>();
  for (const a of agencies) {
    const type = types.get(a.agencyId) ?? null;
    byType.set(type, (byType.get(type) ?? 0) + a.total);
  }
  const lateOf = byKey('agencyLate');
  const counts: IncidentCounts = {
    total: sum('total'),
    open: OPEN.reduce((s, status) => s + (statuses.get(status) ?? 0), 0),
    closed: statuses.get('closed') ?? 0,
    rejected: statuses.get('rejected') ?? 0,
    late: sum('late'),
    serious: sum('serious'),
    byMonth: [...months]
      .filter(([, n]) => n !== 0)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    byCategory: rankedKeyCounts(byKey('category')),
    bySeverity: rankedKeyCounts(byKey('severity')),
    byAgency: rankedKeyCounts(byKey('agency')),
    byAgencyType: rankedKeyCounts(byType),
    bySector: rankedKeyCounts(byKey('sector')),
    bySystemLevel: rankedKeyCounts(byKey('systemLevel')),
    lateByAgency: agencies
      .map((a) => ({ ...a, late: lateOf.get(a.agencyId) ?? 0 }))
      .sort((a, b) => b.late - a.late || b.total - a.total || (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0)),
  };

  /** Per milestone: class → bucket → count and seconds. */
  const histogram = (metric: Milestone) => {
    const byClass = new Map<string, Map<number, { n: number; seconds: number }>>();
    for (const t of of(durationDim(metric))) {
      const [cls, bucket] = JSON.parse(t.key) as [string, number];
      if (!byClass.has(cls)) byClass.set(cls, new Map());
      byClass.get(cls)!.set(bucket, { n: t.n, seconds: t.seconds });
    }
    return byClass;
  };

  const summary = async (metric: Milestone): Promise<DurationSummary> => {
    const h = histogram(metric);
    const byBucket = new Map<number, number>();
    let count = 0;
    let seconds = 0;
    for (const buckets of h.values())
      for (const [bucket, b] of buckets) {
        byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + b.n);
        count += b.n;
        seconds += b.seconds;
      }
    if (count === 0) return { count: 0, meanSeconds: null, p90Seconds: null };
    // The nearest-rank 90th percentile (figures.ts percentile90): the k-th smallest value.
    const k = Math.ceil(0.9 * count);
    let before = 0;
    let p90: number | null = null;
    for (const bucket of [...byBucket.keys()].sort((a, b) => a - b)) {
      const n = byBucket.get(bucket)!;
      if (before + n < k) {
        before += n;
        continue;
      }
      const classes = [...h].filter(([, buckets]) => buckets.get(bucket)?.n).map(([cls]) => cls);
      const ms = await agg.getNthDuration(range, metric, classes, bucket, k - before - 1);
      p90 = ms === null ? null : secondsOfMs(ms);
      break;
    }
    return { count, meanSeconds: Math.round(seconds / count), p90Seconds: p90 };
  };

  const slaOverall = new SlaTally();
  const slaBySeverity = new Map<string, SlaTally>();
  const candidates: SlaBreach[] = [];
  let breachCount = 0;
  const nowMs = now.getTime();
  for (const severity of [...SEVERITIES, null] as (Severity | null)[])
    for (const serious of [false, true]) {
      const policy = policyFor({ serious, severity }, policies);
      if (!policy) continue;
      const cls = slaClassOf(severity, serious);
      const severityKey = severity ?? 'unknown';
      for (const step of SLA_STEPS) {
        const limit = policy[step.field];
        if (!limit) continue;
        const limitMs = durationMs(limit);
        const metric = step.milestone;
        const buckets = histogram(metric).get(cls) ?? new Map<number, { n: number }>();
        const limitBucket = bucketOfMs(limitMs);
        let reached = 0;
        let met = 0;
        for (const [bucket, b] of buckets) {
          reached += b.n;
          if (bucket < limitBucket) met += b.n;
        }
        if (buckets.get(limitBucket)?.n) met += await agg.countDurations(range, metric, cls, limitBucket, limitMs);
        // Not reached, still open, and the deadline (report + limit) has passed: reported before now − limit.
        const cutoff = iso(Math.ceil(nowMs - limitMs));
        const overdue = await agg.countPending(range, metric, cls, cutoff);
        const breached = reached - met + overdue;
        if (met + breached === 0) continue;
        slaOverall.addCounts(metric, met, breached);
        if (!slaBySeverity.has(severityKey)) slaBySeverity.set(severityKey, new SlaTally());
        slaBySeverity.get(severityKey)!.addCounts(metric, met, breached);
        breachCount += breached;
        if (breached === 0) continue;
        const breach = (r: PendingRow, reachedAt: string | null): SlaBreach => ({
          incidentId: r.incidentId,
          severity: severityKey,
          outcome: { step: metric, deadline: iso(Date.parse(r.reportedAt) + limitMs), reachedAt, met: false },
        });
        if (!options.listBreaches) continue;
        // For one class and step the deadline follows the report time, so each source (a bucket
        // of late rows, the overdue pending rows) is read in report order, only as far as a
        // deadline that can still enter the list: with the list full, up to its last deadline.
        const reportedBy = (): StatsRange | null => {
          if (candidates.length < SLA_BREACH_LIST_LIMIT) return range;
          const to = iso(Date.parse(candidates[SLA_BREACH_LIST_LIMIT - 1]!.outcome.deadline) - limitMs);
          return to < range.from ? null : { from: range.from, to: to < range.to ? to : range.to };
        };
        const keep = (found: SlaBreach[]) => {
          candidates.push(...found);
          candidates.sort(byDeadline);
          candidates.length = Math.min(candidates.length, SLA_BREACH_LIST_LIMIT);
        };
        for (const bucket of [...buckets.keys()].filter((b) => b >= limitBucket).sort((a, b) => a - b)) {
          const within = reportedBy();
          if (!within) break;
          const late = (at: StatsRange, limit?: number) => agg.listDurations(at, metric, cls, bucket, { longerThanMs: limitMs, limit });
          const rows: DurationRow[] = await withTies(await late(within, SLA_BREACH_LIST_LIMIT), SLA_BREACH_LIST_LIMIT, (at) => late(at));
          keep(rows.map((r) => breach(r, iso(Date.parse(r.reportedAt) + r.ms))));
        }
        const within = reportedBy();
        if (overdue > 0 && within) {
          const pending = (at: StatsRange, limit: number) => agg.listPending(at, metric, cls, cutoff, limit);
          const rows = await withTies(await pending(within, SLA_BREACH_LIST_LIMIT), SLA_BREACH_LIST_LIMIT, (at) =>
            pending(at, Number.MAX_SAFE_INTEGER),
          );
          keep(rows.map((r) => breach(r, null)));
        }
      }
    }
  return {
    counts,
    acknowledge: await summary('acknowledged'),
    contain: await summary('contained'),
    close: await summary('closed'),
    slaOverall,
    slaBySeverity,
    breaches: candidates.slice(0, SLA_BREACH_LIST_LIMIT),
    breachCount,
  };
}
