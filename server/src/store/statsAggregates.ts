/**
 * Aggregates behind the leaders' statistics (issue #11), kept in the same transaction as the
 * incident writes and status changes that move them, so a year of statistics reads
 * O(days × dimensions) rows instead of every incident of the year and its status history.
 *
 * What is kept, per incident (real or drill), is its "stats row": the fields the statistics
 * group by and the time from its report to each milestone (`milestonesOf`, first by time).
 * From the stats row of a real incident follow its contributions:
 *   - totals per VN day and per VN month of the report: (period, dimension, key) → count (and a
 *     sum of seconds for the duration dimensions, one per milestone, keyed by SLA class and
 *     duration bucket);
 *   - one duration row per reached milestone, keyed (milestone, class, bucket, reportedAt, id),
 *     to find exact values inside one bucket (90th percentiles, SLA limits, late lists);
 *   - one pending row per SLA milestone not reached while the incident is open (unreached
 *     steps that breach once their deadline passes).
 * A write subtracts the old row's contributions and adds the new one's. The pure functions
 * here are the one definition used by the SQLite adapter, its migration and the tests.
 */
import type { IncidentCategory, IncidentStatus, Milestone, Severity } from '@cert-hub/shared';
import type { KeyCount, StatsRange } from './reports.js';

export interface IncidentStatsRow {
  incidentId: string;
  drill: boolean;
  reportedAt: string;
  status: IncidentStatus;
  category: IncidentCategory;
  severity: Severity | null;
  serious: boolean;
  agencyId: string;
  late: boolean;
  sector: string | null;
  systemLevel: number | null;
  /** Milliseconds from the report to each milestone's first reaching (null: not reached). */
  milestoneMs: Record<Milestone, number | null>;
}

export interface DailyTotal {
  dim: string;
  /** JSON of the key (a category, an agency id, a level, null; for durations `[class, bucket]`). */
  key: string;
  n: number;
  seconds: number;
}

export interface PendingRow {
  incidentId: string;
  reportedAt: string;
}

export interface DurationRow extends PendingRow {
  ms: number;
}

/** The milestones SLA policies time (acknowledge, leave triage, contain). */
export const SLA_METRICS = ['acknowledged', 'leftTriage', 'contained'] as const satisfies readonly Milestone[];
export const DURATION_METRICS = ['acknowledged', 'leftTriage', 'contained', 'closed'] as const satisfies readonly Milestone[];
export const durationDim = (m: Milestone) => `d:${m}`;

/** Reads of the aggregates (names start with get/list/count: they go to the read connection). */
export interface StatsAggregateRepository {
  /**
   * Summed totals over a range of period keys, non-zero only: VN days `YYYY-MM-DD` … or whole VN
   * months `MYYYY-MM` … (`periodKeyRanges` cuts a run of days into such ranges).
   */
  getDailyTotals(fromKey: string, toKey: string): Promise<DailyTotal[]>;
  /** Real incidents per VN month over the same keys. */
  getMonthlyTotals(fromKey: string, toKey: string): Promise<{ month: string; n: number }[]>;
  /** The `offset`-th shortest (from 0) reached-milestone duration of some classes in one bucket. */
  getNthDuration(range: StatsRange, metric: Milestone, classes: string[], bucket: number, offset: number): Promise<number | null>;
  /** How many reached-milestone durations of a class in one bucket are at most `atMostMs`. */
  countDurations(range: StatsRange, metric: Milestone, cls: string, bucket: number, atMostMs: number): Promise<number>;
  /** The stats rows of the real incidents reported in a range (used for the partial days at its ends). */
  listStatsRows(range: StatsRange): Promise<IncidentStatsRow[]>;
  /**
   * Reached-milestone rows of one class and duration bucket reported in the range, in report
   * order (then id); only those longer than `longerThanMs` when given; at most `limit`.
   */
  listDurations(
    range: StatsRange,
    metric: Milestone,
    cls: string,
    bucket: number,
    options?: { longerThanMs?: number; limit?: number },
  ): Promise<DurationRow[]>;
  /** Open real incidents of a class reported in the range before `before`, still short of an SLA milestone. */
  countPending(range: StatsRange, metric: Milestone, cls: string, before: string): Promise<number>;
  listPending(range: StatsRange, metric: Milestone, cls: string, before: string, limit: number): Promise<PendingRow[]>;
}

/** The day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) of an instant. */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const vnDay = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 10);
export const vnDayStartMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS;
/** The key of a whole VN month's totals: after every day key, so day and month ranges never mix. */
export const monthKey = (day: string) => `M${day.slice(0, 7)}`;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
};

/**
 * The whole VN days `first` … `last` as at most three ranges of totals: the days before the
 * first whole month, the whole months, the days after the last whole month. A year is then
 * about 12 months and at most two months of days, whatever the store holds.
 */
export function periodKeyRanges(first: string, last: string): { from: string; to: string }[] {
  const startMonth = first.endsWith('-01') ? first.slice(0, 7) : addMonths(first.slice(0, 7), 1);
  const lastIsMonthEnd = addDays(last, 1).endsWith('-01');
  const endMonth = lastIsMonthEnd ? last.slice(0, 7) : addMonths(last.slice(0, 7), -1);
  if (startMonth > endMonth) return [{ from: first, to: last }];
  const ranges: { from: string; to: string }[] = [];
  if (first < `${startMonth}-01`) ranges.push({ from: first, to: addDays(`${startMonth}-01`, -1) });
  ranges.push({ from: `M${startMonth}`, to: `M${endMonth}` });
  const afterEnd = `${addMonths(endMonth, 1)}-01`;
  if (afterEnd <= last) ranges.push({ from: afterEnd, to: last });
  return ranges;
}

/** What picks an incident's SLA policy: its severity and whether it is serious ("high!", "-" for none). */
export const slaClassOf = (severity: string | null, serious: boolean) => `${severity ?? '-'}${serious ? '!' : ''}`;
export const parseSlaClass = (cls: string) => ({
  severity: (cls.replace(/!$/, '') === '-' ? null : cls.replace(/!$/, '')) as Severity | null,
  serious: cls.endsWith('!'),
});

/** Whole seconds as the statistics show them (shared `secondsUntil`: rounded, never negative). */
export const secondsOfMs = (ms: number) => Math.max(0, Math.round(ms / 1000));

/**
 * Upper bounds (exclusive, seconds) of the duration buckets: 1 s, 10 s, 30 s, then ×1.25 from a
 * minute to beyond ten years. A bucket is a range of durations, so sums per bucket tell in
 * which one a percentile or an SLA limit falls; only that bucket's rows are read one by one.
 */
export const DURATION_BUCKET_BOUNDS: readonly number[] = (() => {
  const bounds = [1, 10, 30, 60];
  while (bounds[bounds.length - 1]! < 400_000_000) bounds.push(Math.round(bounds[bounds.length - 1]! * 1.25));
  return bounds;
})();

/** The bucket of a duration in whole seconds: how many bounds it reaches. */
export function bucketOfSeconds(seconds: number): number {
  let lo = 0;
  let hi = DURATION_BUCKET_BOUNDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seconds >= DURATION_BUCKET_BOUNDS[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Monotone in milliseconds: a shorter duration never lands in a later bucket. */
export const bucketOfMs = (ms: number) => bucketOfSeconds(secondsOfMs(ms));

/** The same bucket in SQL over an integer column of whole seconds (used by the migration). */
export const bucketOfSecondsSql = (seconds: string) =>
  `CASE ${DURATION_BUCKET_BOUNDS.map((b, i) => `WHEN ${seconds} < ${b} THEN ${i}`).join(' ')} ELSE ${DURATION_BUCKET_BOUNDS.length} END`;

const CLOSED_OR_REJECTED: readonly IncidentStatus[] = ['closed', 'rejected'];

export interface Contributions {
  totals: Map<string, { day: string; dim: string; key: string; n: number; seconds: number }>;
  durations: Map<string, { metric: Milestone; cls: string; bucket: number; reportedAt: string; incidentId: string; ms: number }>;
  pending: Map<string, { metric: Milestone; cls: string; reportedAt: string; incidentId: string }>;
}

/** What one incident adds to the aggregates (nothing for a drill). */
export function contributionsOf(row: IncidentStatsRow | null): Contributions {
  const c: Contributions = { totals: new Map(), durations: new Map(), pending: new Map() };
  if (!row || row.drill) return c;
  const day = vnDay(row.reportedAt);
  const month = monthKey(day);
  const add = (dim: string, key: unknown, seconds = 0) => {
    const k = JSON.stringify(key ?? null);
    c.totals.set(`${day}\u0000${dim}\u0000${k}`, { day, dim, key: k, n: 1, seconds });
    c.totals.set(`${month}\u0000${dim}\u0000${k}`, { day: month, dim, key: k, n: 1, seconds });
  };
  add('total', null);
  add('status', row.status);
  add('category', row.category);
  add('severity', row.severity);
  add('agency', row.agencyId);
  add('sector', row.sector);
  add('systemLevel', row.systemLevel);
  if (row.late) {
    add('late', null);
    add('agencyLate', row.agencyId);
  }
  if (row.serious) add('serious', null);
  const cls = slaClassOf(row.severity, row.serious);
  for (const metric of DURATION_METRICS) {
    const ms = row.milestoneMs[metric];
    if (ms === null) continue;
    const bucket = bucketOfMs(ms);
    add(durationDim(metric), [cls, bucket], secondsOfMs(ms));
    c.durations.set(metric, { metric, cls, bucket, reportedAt: row.reportedAt, incidentId: row.incidentId, ms });
  }
  if (!CLOSED_OR_REJECTED.includes(row.status))
    for (const metric of SLA_METRICS)
      if (row.milestoneMs[metric] === null) c.pending.set(metric, { metric, cls, reportedAt: row.reportedAt, incidentId: row.incidentId });
  return c;
}

type Key = string | number | null;

/** Counts per key, most first; ties in SQLite's order (null, then numbers, then text). */
export function rankedKeyCounts(counts: Map<Key, number>): KeyCount[] {
  const rank = (k: Key) => (k === null ? 0 : typeof k === 'number' ? 1 : 2);
  return [...counts]
    .sort(([ka, a], [kb, b]) => b - a || rank(ka) - rank(kb) || (ka! < kb! ? -1 : ka! > kb! ? 1 : 0))
    .map(([key, count]) => ({ key: key === null ? 'unknown' : String(key), count }));
}
