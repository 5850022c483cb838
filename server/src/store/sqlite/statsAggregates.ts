/**
 * SQLite side of the statistics aggregates (store/statsAggregates.ts): the tables, their
 * maintenance on every incident write and status change (called from incidents.ts and
 * events.ts, inside the writer's transaction), the reads, and the migration that builds them
 * for an existing store in SQL.
 */
import type { Database as Db } from 'better-sqlite3';
import { milestonesOf, type IncidentStatus, type Milestone } from '@cert-hub/shared';
import type { IncidentRecord } from '../port/records.js';
import type { StatsRange } from '../reports.js';
import { incidentSortKeyAt } from '../searchKeys.js';
import {
  bucketOfSecondsSql,
  contributionsOf,
  DURATION_METRICS,
  durationDim,
  SLA_METRICS,
  type Contributions,
  type DailyTotal,
  type DurationRow,
  type IncidentStatsRow,
  type StatsAggregateRepository,
} from '../statsAggregates.js';

/** Column of each milestone's first reaching, in Unix milliseconds. */
const AT_COLUMN: Record<Milestone, string> = {
  acknowledged: 'acknowledged_at_ms',
  leftTriage: 'left_triage_at_ms',
  contained: 'contained_at_ms',
  closed: 'closed_at_ms',
};

interface StatsRowSql {
  incident_id: string;
  is_drill: number;
  reported_at: string;
  status: IncidentStatus;
  category: string;
  severity: string | null;
  serious: number;
  agency_id: string;
  late: number;
  sector: string | null;
  system_level: number | null;
  acknowledged_at_ms: number | null;
  left_triage_at_ms: number | null;
  contained_at_ms: number | null;
  closed_at_ms: number | null;
}

const toRow = (r: StatsRowSql): IncidentStatsRow => {
  const reported = Date.parse(r.reported_at);
  const ms = (at: number | null) => (at === null ? null : at - reported);
  return {
    incidentId: r.incident_id,
    drill: r.is_drill === 1,
    reportedAt: r.reported_at,
    status: r.status,
    category: r.category as IncidentStatsRow['category'],
    severity: r.severity as IncidentStatsRow['severity'],
    serious: r.serious === 1,
    agencyId: r.agency_id,
    late: r.late === 1,
    sector: r.sector,
    systemLevel: r.system_level,
    milestoneMs: {
      acknowledged: ms(r.acknowledged_at_ms),
      leftTriage: ms(r.left_triage_at_ms),
      contained: ms(r.contained_at_ms),
      closed: ms(r.closed_at_ms),
    },
  };
};

const loadRow = (db: Db, id: string) =>
  (db.prepare('SELECT * FROM incident_stats WHERE incident_id = ?').get(id) as StatsRowSql | undefined) ?? null;

const saveRow = (db: Db, r: StatsRowSql) =>
  db
    .prepare(
      `INSERT OR REPLACE INTO incident_stats (incident_id, is_drill, reported_at, status, category, severity, serious, agency_id, late,
         sector, system_level, acknowledged_at_ms, left_triage_at_ms, contained_at_ms, closed_at_ms)
       VALUES (@incident_id, @is_drill, @reported_at, @status, @category, @severity, @serious, @agency_id, @late,
         @sector, @system_level, @acknowledged_at_ms, @left_triage_at_ms, @contained_at_ms, @closed_at_ms)`,
    )
    .run(r);

const sameRow = (a: StatsRowSql | null, b: StatsRowSql) =>
  a !== null && (Object.keys(b) as (keyof StatsRowSql)[]).every((k) => a[k] === b[k]);

/** Subtracts the old contributions and adds the new ones (only what differs is written). */
function applyDifference(db: Db, before: Contributions, after: Contributions) {
  // One statement for every changed total (an insert changes about 26: per day and per month).
  const changed: (string | number)[] = [];
  const emptied: { day: string; dim: string; key: string }[] = [];
  for (const k of new Set([...before.totals.keys(), ...after.totals.keys()])) {
    const b = before.totals.get(k);
    const a = after.totals.get(k);
    const n = (a?.n ?? 0) - (b?.n ?? 0);
    const seconds = (a?.seconds ?? 0) - (b?.seconds ?? 0);
    if (n === 0 && seconds === 0) continue;
    const at = (a ?? b)!;
    changed.push(at.day, at.dim, at.key, n, seconds);
    if (n < 0) emptied.push(at);
  }
  if (changed.length > 0)
    db.prepare(
      `INSERT INTO incident_stats_daily (day, dim, key, n, seconds) VALUES ${Array.from({ length: changed.length / 5 }, () => '(?,?,?,?,?)').join(',')}
       ON CONFLICT (day, dim, key) DO UPDATE SET n = n + excluded.n, seconds = seconds + excluded.seconds`,
    ).run(...changed);
  for (const at of emptied)
    db.prepare('DELETE FROM incident_stats_daily WHERE day = ? AND dim = ? AND key = ? AND n = 0').run(at.day, at.dim, at.key);
  for (const metric of DURATION_METRICS) {
    const b = before.durations.get(metric);
    const a = after.durations.get(metric);
    if (b && a && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (b)
      db.prepare(
        'DELETE FROM incident_stats_durations WHERE metric = ? AND cls = ? AND bucket = ? AND reported_at = ? AND incident_id = ?',
      ).run(b.metric, b.cls, b.bucket, b.reportedAt, b.incidentId);
    if (a)
      db.prepare('INSERT INTO incident_stats_durations (metric, cls, bucket, reported_at, incident_id, ms) VALUES (?, ?, ?, ?, ?, ?)').run(
        a.metric,
        a.cls,
        a.bucket,
        a.reportedAt,
        a.incidentId,
        a.ms,
      );
  }
  for (const metric of SLA_METRICS) {
    const b = before.pending.get(metric);
    const a = after.pending.get(metric);
    if (b && a && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (b)
      db.prepare('DELETE FROM incident_stats_pending WHERE metric = ? AND cls = ? AND reported_at = ? AND incident_id = ?').run(
        b.metric,
        b.cls,
        b.reportedAt,
        b.incidentId,
      );
    if (a)
      db.prepare('INSERT INTO incident_stats_pending (metric, cls, reported_at, incident_id) VALUES (?, ?, ?, ?)').run(
        a.metric,
        a.cls,
        a.reportedAt,
        a.incidentId,
      );
  }
}

function store(db: Db, before: StatsRowSql | null, after: StatsRowSql) {
  if (sameRow(before, after)) return;
  applyDifference(db, contributionsOf(before && toRow(before)), contributionsOf(toRow(after)));
  saveRow(db, after);
}

/** Milestone times from the incident's status changes already logged (a store being built, an import). */
function milestonesFromEvents(db: Db, incidentId: string): Record<Milestone, number | null> {
  const changes = db
    .prepare(
      `SELECT json_extract(data, '$.from') AS "from", json_extract(data, '$.to') AS "to", at FROM events
       WHERE incident_id = ? AND entity = 'incident' AND entity_id = ? AND type = 'incident.status_changed'`,
    )
    .all(incidentId, incidentId) as { from: IncidentStatus; to: IncidentStatus; at: string }[];
  const m = milestonesOf(changes);
  const ms = (at: string | null) => (at === null ? null : Date.parse(at));
  return { acknowledged: ms(m.acknowledged), leftTriage: ms(m.leftTriage), contained: ms(m.contained), closed: ms(m.closed) };
}

/** Called by the incidents repository after every insert or update of an incident. */
export function statsOnIncidentWritten(db: Db, i: IncidentRecord) {
  const before = loadRow(db, i.id);
  const at = before
    ? {
        acknowledged: before.acknowledged_at_ms,
        leftTriage: before.left_triage_at_ms,
        contained: before.contained_at_ms,
        closed: before.closed_at_ms,
      }
    : milestonesFromEvents(db, i.id);
  store(db, before, {
    incident_id: i.id,
    is_drill: i.drill ? 1 : 0,
    reported_at: i.reportedAt,
    status: i.status,
    category: i.category,
    severity: i.severity,
    serious: i.serious ? 1 : 0,
    agency_id: i.agencyId,
    late: (i.lateReport as unknown) === true || (i.lateReport as unknown) === 1 ? 1 : 0,
    sector: i.sector ?? null,
    system_level: i.systemLevel ?? null,
    acknowledged_at_ms: at.acknowledged,
    left_triage_at_ms: at.leftTriage,
    contained_at_ms: at.contained,
    closed_at_ms: at.closed,
  });
}

/**
 * Called by the event log when an `incident.status_changed` event is appended: a milestone the
 * change reaches earlier than known (first by time, as `milestonesOf`) moves the aggregates.
 * An incident not written yet is skipped: its insert reads its logged changes.
 */
export function statsOnStatusChanged(db: Db, incidentId: string, change: { from: IncidentStatus; to: IncidentStatus; at: string }) {
  const before = loadRow(db, incidentId);
  if (!before) return;
  const reached = milestonesOf([change]);
  const after = { ...before };
  for (const metric of DURATION_METRICS) {
    const at = reached[metric];
    if (at === null) continue;
    const column = AT_COLUMN[metric] as 'acknowledged_at_ms';
    const ms = Date.parse(at);
    const known = after[column];
    if (known === null || ms < known) after[column] = ms;
  }
  store(db, before, after);
}

/** The reads (every name starts with get/list/count, so they go to the read connection). */
export class SqliteStatsAggregates implements StatsAggregateRepository {
  constructor(protected readonly db: Db) {}

  async getDailyTotals(fromKey: string, toKey: string): Promise<DailyTotal[]> {
    return this.db
      .prepare(
        `SELECT dim, key, sum(n) AS n, sum(seconds) AS seconds FROM incident_stats_daily
         WHERE day >= ? AND day <= ? GROUP BY dim, key HAVING sum(n) <> 0`,
      )
      .all(fromKey, toKey) as DailyTotal[];
  }

  async getMonthlyTotals(fromKey: string, toKey: string) {
    return this.db
      .prepare(
        `SELECT CASE WHEN day LIKE 'M%' THEN substr(day, 2) ELSE substr(day, 1, 7) END AS month, sum(n) AS n FROM incident_stats_daily
         WHERE day >= ? AND day <= ? AND dim = 'total' GROUP BY month HAVING sum(n) <> 0`,
      )
      .all(fromKey, toKey) as { month: string; n: number }[];
  }

  async getNthDuration(range: StatsRange, metric: Milestone, classes: string[], bucket: number, offset: number) {
    if (classes.length === 0) return null;
    const row = this.db
      .prepare(
        `SELECT ms FROM incident_stats_durations
         WHERE metric = ? AND cls IN (${classes.map(() => '?').join(',')}) AND bucket = ? AND reported_at >= ? AND reported_at <= ?
         ORDER BY ms LIMIT 1 OFFSET ?`,
      )
      .get(metric, ...classes, bucket, range.from, range.to, offset) as { ms: number } | undefined;
    return row?.ms ?? null;
  }

  async countDurations(range: StatsRange, metric: Milestone, cls: string, bucket: number, atMostMs: number) {
    return (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM incident_stats_durations
           WHERE metric = ? AND cls = ? AND bucket = ? AND reported_at >= ? AND reported_at <= ? AND ms <= ?`,
        )
        .get(metric, cls, bucket, range.from, range.to, atMostMs) as { n: number }
    ).n;
  }

  async listStatsRows(range: StatsRange) {
    // Along the incidents' list-order index (a reporting-time range is a sort-key range): each
    // row is then read by its key, as an index of its own on the rows would have it read.
    const rows = this.db
      .prepare(
        `SELECT s.* FROM incidents i CROSS JOIN incident_stats s ON s.incident_id = i.id
         WHERE i.sort_key >= ? AND i.sort_key <= ? AND s.is_drill = 0 AND s.reported_at >= ? AND s.reported_at <= ?`,
      )
      .all(incidentSortKeyAt(range.to), incidentSortKeyAt(range.from), range.from, range.to) as StatsRowSql[];
    return rows.map(toRow);
  }

  async listDurations(
    range: StatsRange,
    metric: Milestone,
    cls: string,
    bucket: number,
    options: { longerThanMs?: number; limit?: number } = {},
  ): Promise<DurationRow[]> {
    const longer = options.longerThanMs === undefined ? '' : 'AND ms > ?';
    const limit = options.limit === undefined ? '' : 'LIMIT ?';
    const params: (string | number)[] = [metric, cls, bucket, range.from, range.to];
    if (options.longerThanMs !== undefined) params.push(options.longerThanMs);
    if (options.limit !== undefined) params.push(options.limit);
    return this.db
      .prepare(
        `SELECT incident_id AS incidentId, reported_at AS reportedAt, ms FROM incident_stats_durations
         WHERE metric = ? AND cls = ? AND bucket = ? AND reported_at >= ? AND reported_at <= ? ${longer}
         ORDER BY reported_at, incident_id ${limit}`,
      )
      .all(...params) as DurationRow[];
  }

  async countPending(range: StatsRange, metric: Milestone, cls: string, before: string) {
    return (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM incident_stats_pending
           WHERE metric = ? AND cls = ? AND reported_at >= ? AND reported_at <= ? AND reported_at < ?`,
        )
        .get(metric, cls, range.from, range.to, before) as { n: number }
    ).n;
  }

  async listPending(range: StatsRange, metric: Milestone, cls: string, before: string, limit: number) {
    return this.db
      .prepare(
        `SELECT incident_id AS incidentId, reported_at AS reportedAt FROM incident_stats_pending
         WHERE metric = ? AND cls = ? AND reported_at >= ? AND reported_at <= ? AND reported_at < ?
         ORDER BY reported_at, incident_id LIMIT ?`,
      )
      .all(metric, cls, range.from, range.to, before, limit) as { incidentId: string; reportedAt: string }[];
  }
}

// ---- Migration: the tables, filled for an existing store in SQL (a few passes, no per-row JS) ----

const unixMs = (iso: string) => `CAST(round((julianday(${iso}) - 2440587.5) * 86400000) AS INTEGER)`;
/** `secondsOfMs`: rounded half up, never negative. */
const secondsSql = (ms: string) => `(CASE WHEN (${ms}) <= 0 THEN 0 ELSE ((${ms}) + 500) / 1000 END)`;
const clsSql = `coalesce(severity, '-') || CASE WHEN serious THEN '!' ELSE '' END`;
const dayOf = `date(reported_at, '+7 hours')`;

function durationsSelects(): { totals: string[]; rows: string[]; pending: string[] } {
  const totals: string[] = [];
  const rows: string[] = [];
  const pending: string[] = [];
  for (const metric of DURATION_METRICS) {
    const ms = `(${AT_COLUMN[metric]} - ${unixMs('reported_at')})`;
    const from = `FROM incident_stats WHERE is_drill = 0 AND ${AT_COLUMN[metric]} IS NOT NULL`;
    totals.push(
      `SELECT ${dayOf} AS day, '${durationDim(metric)}' AS dim, json_array(${clsSql}, ${bucketOfSecondsSql(secondsSql(ms))}) AS key, 1 AS n, ${secondsSql(ms)} AS seconds ${from}`,
    );
    rows.push(`SELECT '${metric}', ${clsSql}, ${bucketOfSecondsSql(secondsSql(ms))}, reported_at, incident_id, ${ms} ${from}`);
  }
  for (const metric of SLA_METRICS)
    pending.push(
      `SELECT '${metric}', ${clsSql}, reported_at, incident_id FROM incident_stats
       WHERE is_drill = 0 AND ${AT_COLUMN[metric]} IS NULL AND status NOT IN ('closed', 'rejected')`,
    );
  return { totals, rows, pending };
}

const countSelects = [
  `SELECT ${dayOf} AS day, 'total' AS dim, 'null' AS key, 1 AS n, 0 AS seconds FROM incident_stats WHERE is_drill = 0`,
  ...(
    [
      ['status', 'status'],
      ['category', 'category'],
      ['severity', 'severity'],
      ['agency', 'agency_id'],
      ['sector', 'sector'],
      ['systemLevel', 'system_level'],
    ] as const
  ).map(([dim, column]) => `SELECT ${dayOf}, '${dim}', json_quote(${column}), 1, 0 FROM incident_stats WHERE is_drill = 0`),
  `SELECT ${dayOf}, 'late', 'null', 1, 0 FROM incident_stats WHERE is_drill = 0 AND late = 1`,
  `SELECT ${dayOf}, 'agencyLate', json_quote(agency_id), 1, 0 FROM incident_stats WHERE is_drill = 0 AND late = 1`,
  `SELECT ${dayOf}, 'serious', 'null', 1, 0 FROM incident_stats WHERE is_drill = 0 AND serious = 1`,
];

const statusChangeMs = (predicate: string) => `min(CASE WHEN ${predicate} THEN ${unixMs('at')} END)`;

/** Migration: the aggregates' tables, built from the incidents and their logged status changes. */
export const STATS_AGGREGATES_MIGRATION = (() => {
  const d = durationsSelects();
  return `
  CREATE TABLE incident_stats (
    incident_id TEXT PRIMARY KEY,
    is_drill INTEGER NOT NULL,
    reported_at TEXT NOT NULL,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT,
    serious INTEGER NOT NULL,
    agency_id TEXT NOT NULL,
    late INTEGER NOT NULL,
    sector,
    system_level,
    acknowledged_at_ms INTEGER,
    left_triage_at_ms INTEGER,
    contained_at_ms INTEGER,
    closed_at_ms INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX incident_stats_reported ON incident_stats (is_drill, reported_at);
  CREATE TABLE incident_stats_daily (
    -- a VN day (YYYY-MM-DD) or a whole VN month (MYYYY-MM)
    day TEXT NOT NULL,
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (day, dim, key)
  ) WITHOUT ROWID;
  CREATE TABLE incident_stats_durations (
    metric TEXT NOT NULL,
    cls TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    reported_at TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    ms INTEGER NOT NULL,
    PRIMARY KEY (metric, cls, bucket, reported_at, incident_id)
  ) WITHOUT ROWID;
  CREATE TABLE incident_stats_pending (
    metric TEXT NOT NULL,
    cls TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (metric, cls, reported_at, incident_id)
  ) WITHOUT ROWID;

  INSERT INTO incident_stats
  SELECT i.id, i.is_drill, i.reported_at, i.status, i.category, i.severity, i.serious, i.agency_id,
    coalesce(json_extract(i.doc, '$.lateReport') = 1, 0), json_extract(i.doc, '$.sector'), json_extract(i.doc, '$.systemLevel'),
    m.acknowledged, m.left_triage, m.contained, m.closed
  FROM incidents i LEFT JOIN (
    SELECT entity_id,
      ${statusChangeMs(`json_extract(data, '$.from') = 'received'`)} AS acknowledged,
      ${statusChangeMs(`json_extract(data, '$.from') = 'triage'`)} AS left_triage,
      ${statusChangeMs(`json_extract(data, '$.to') IN ('recovery', 'closed')`)} AS contained,
      ${statusChangeMs(`json_extract(data, '$.to') = 'closed'`)} AS closed
    FROM events WHERE entity = 'incident' AND type = 'incident.status_changed' GROUP BY entity_id
  ) m ON m.entity_id = i.id;

  INSERT INTO incident_stats_daily (day, dim, key, n, seconds)
  SELECT day, dim, key, sum(n), sum(seconds) FROM (
    ${[...countSelects, ...d.totals].join('\n    UNION ALL ')}
  ) GROUP BY day, dim, key;
  INSERT INTO incident_stats_daily (day, dim, key, n, seconds)
  SELECT 'M' || substr(day, 1, 7), dim, key, sum(n), sum(seconds) FROM incident_stats_daily GROUP BY 1, 2, 3;
  INSERT INTO incident_stats_durations (metric, cls, bucket, reported_at, incident_id, ms)
    ${d.rows.join('\n    UNION ALL ')};
  INSERT INTO incident_stats_pending (metric, cls, reported_at, incident_id)
    ${d.pending.join('\n    UNION ALL ')};
  `;
})();
