/**
 * SQLite side of the leaders' repositories. Statistics are aggregated by SQL (GROUP BY over
 * the incidents table and its JSON document) so that a year of incidents is never loaded
 * into memory; status histories are read in batches of incidents.
 */
import type { Database as Db } from 'better-sqlite3';
import type { IncidentStatus, Severity } from '@cert-hub/shared';
import type {
  AssessmentRecord,
  AssessmentRepository,
  IncidentCounts,
  IncidentStatusHistory,
  ReportAttachmentRecord,
  ReportAttachmentRepository,
  ReportRoundRecord,
  ReportRoundRepository,
  ReportsRepositories,
  ReportSubmissionRecord,
  ReportSubmissionRepository,
  StatsRange,
  StatsRepository,
} from '../reports.js';
import { keysetPage } from './table.js';
import { SqliteStatsAggregates } from './statsAggregates.js';
import { rankedKeyCounts } from '../statsAggregates.js';
import { incidentSortKeyAt } from '../searchKeys.js';

const HISTORY_BATCH = 500;
const OPEN = ['received', 'triage', 'initial_response', 'containment', 'recovery'];

/** Newest deadline first, as an ascending key: the complement of the deadline's milliseconds. */
export const roundSortKey = (deadline: string) => String(9_999_999_999_999 - Date.parse(deadline)).padStart(13, '0');

type Key = string | number | null;
const ranked = rankedKeyCounts;

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** The month of an instant as people in the province read it (UTC+7, no daylight saving). */
const vnMonth = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 7);

// Helpers stay outside the class: the store wraps every method not named get/list/count as a write.
/**
 * One pass over the range's real incidents (along the list-order index: a reporting-time range
 * is a sort-key range), every figure counted at once: a year at 1M stored incidents read each
 * incident's row once, not once per figure (ten GROUP BY queries, each parsing every document
 * again, took seconds at 100k).
 */
class SqliteStats extends SqliteStatsAggregates implements StatsRepository {
  async counts(range: StatsRange): Promise<IncidentCounts> {
    const agencyType = new Map(
      (this.db.prepare('SELECT id, type FROM agencies').all() as { id: string; type: string }[]).map((a) => [a.id, a.type]),
    );
    const rows = this.db
      .prepare(
        `SELECT status, category, severity, agency_id, serious, reported_at,
           json_extract(doc, '$.lateReport') = 1 AS late, json_extract(doc, '$.sector') AS sector,
           json_extract(doc, '$.systemLevel') AS system_level
         FROM incidents WHERE sort_key >= ? AND sort_key <= ? AND is_drill = 0 AND reported_at >= ? AND reported_at <= ?`,
      )
      .raw()
      .iterate(incidentSortKeyAt(range.to), incidentSortKeyAt(range.from), range.from, range.to) as IterableIterator<
      [string, string, Key, string, number, string, number, Key, Key]
    >;
    const totals = { total: 0, open: 0, closed: 0, rejected: 0, late: 0, serious: 0 };
    const by = {
      month: new Map<Key, number>(),
      category: new Map<Key, number>(),
      severity: new Map<Key, number>(),
      agency: new Map<Key, number>(),
      agencyType: new Map<Key, number>(),
      sector: new Map<Key, number>(),
      systemLevel: new Map<Key, number>(),
    };
    const lateOf = new Map<string, { total: number; late: number }>();
    for (const [status, category, severity, agencyId, serious, reportedAt, late, sector, systemLevel] of rows) {
      totals.total++;
      if (OPEN.includes(status)) totals.open++;
      if (status === 'closed') totals.closed++;
      if (status === 'rejected') totals.rejected++;
      if (late) totals.late++;
      if (serious) totals.serious++;
      bump(by.month, vnMonth(reportedAt));
      bump(by.category, category);
      bump(by.severity, severity);
      bump(by.agency, agencyId);
      bump(by.agencyType, agencyType.get(agencyId) ?? null);
      bump(by.sector, sector);
      bump(by.systemLevel, systemLevel);
      const agency = lateOf.get(agencyId) ?? { total: 0, late: 0 };
      agency.total++;
      if (late) agency.late++;
      lateOf.set(agencyId, agency);
    }
    return {
      ...totals,
      byMonth: ranked(by.month).sort((a, b) => a.key.localeCompare(b.key)),
      byCategory: ranked(by.category),
      bySeverity: ranked(by.severity),
      byAgency: ranked(by.agency),
      byAgencyType: ranked(by.agencyType),
      bySector: ranked(by.sector),
      bySystemLevel: ranked(by.systemLevel),
      lateByAgency: [...lateOf]
        .map(([agencyId, l]) => ({ agencyId, ...l }))
        .sort((a, b) => b.late - a.late || b.total - a.total || (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0)),
    };
  }

  /**
   * In batches along the list-order index, oldest first (the sort key counts reporting time
   * down: sort key descending, then id, is reporting time then id), each batch's status changes
   * read in one query.
   */
  async *listStatusHistories(range: StatsRange): AsyncIterable<IncidentStatusHistory> {
    const inRange = 'sort_key >= ? AND is_drill = 0 AND reported_at >= ? AND reported_at <= ?';
    const batch = this.db.prepare(
      `SELECT id, reported_at, status, severity, serious FROM incidents
       WHERE sort_key <= ? AND ${inRange} AND (sort_key < ? OR id > ?)
       ORDER BY sort_key DESC, id LIMIT ?`,
    );
    const rangeArgs = [incidentSortKeyAt(range.to), range.from, range.to];
    let afterAt = range.from;
    let afterId = '';
    let first = true;
    for (;;) {
      // The first batch includes incidents reported exactly at `from`.
      const incidents = (
        first
          ? this.db
              .prepare(
                `SELECT id, reported_at, status, severity, serious FROM incidents WHERE sort_key <= ? AND ${inRange}
                 ORDER BY sort_key DESC, id LIMIT ?`,
              )
              .all(incidentSortKeyAt(range.from), ...rangeArgs, HISTORY_BATCH)
          : batch.all(incidentSortKeyAt(afterAt), ...rangeArgs, incidentSortKeyAt(afterAt), afterId, HISTORY_BATCH)
      ) as { id: string; reported_at: string; status: IncidentStatus; severity: Severity | null; serious: number }[];
      first = false;
      if (incidents.length === 0) return;
      const changes = new Map<string, { from: IncidentStatus; to: IncidentStatus; at: string }[]>(incidents.map((i) => [i.id, []]));
      const rows = this.db
        .prepare(
          `SELECT entity_id, json_extract(data, '$.from') AS "from", json_extract(data, '$.to') AS "to", at FROM events
           WHERE entity = 'incident' AND entity_id IN (${incidents.map(() => '?').join(',')}) AND type = 'incident.status_changed'
           ORDER BY seq`,
        )
        .all(...incidents.map((i) => i.id)) as { entity_id: string; from: IncidentStatus; to: IncidentStatus; at: string }[];
      for (const r of rows) changes.get(r.entity_id)!.push({ from: r.from, to: r.to, at: r.at });
      for (const i of incidents)
        yield {
          incidentId: i.id,
          reportedAt: i.reported_at,
          status: i.status,
          severity: i.severity,
          serious: i.serious === 1,
          changes: changes.get(i.id)!,
        };
      const last = incidents[incidents.length - 1]!;
      afterAt = last.reported_at;
      afterId = last.id;
    }
  }
}

class SqliteReportRounds implements ReportRoundRepository {
  constructor(private readonly db: Db) {}
  private writeAgencies(r: ReportRoundRecord) {
    this.db.prepare('DELETE FROM report_round_agencies WHERE round_id = ?').run(r.id);
    const add = this.db.prepare('INSERT INTO report_round_agencies (round_id, agency_id) VALUES (?, ?)');
    for (const agencyId of new Set(r.agencyIds)) add.run(r.id, agencyId);
  }
  async insert(r: ReportRoundRecord) {
    this.db
      .prepare('INSERT INTO report_rounds (id, year, sort_key, remind_at, reminded_at, version, doc) VALUES (?,?,?,?,?,?,?)')
      .run(r.id, r.year, roundSortKey(r.deadline), r.remindAt, r.remindedAt, r.version, JSON.stringify(r));
    this.writeAgencies(r);
  }
  async update(r: ReportRoundRecord, expectedVersion: number) {
    const result = this.db
      .prepare('UPDATE report_rounds SET year=?, sort_key=?, remind_at=?, reminded_at=?, version=?, doc=? WHERE id=? AND version=?')
      .run(r.year, roundSortKey(r.deadline), r.remindAt, r.remindedAt, r.version, JSON.stringify(r), r.id, expectedVersion);
    if (result.changes === 1) this.writeAgencies(r);
    return result.changes === 1;
  }
  async get(id: string) {
    const row = this.db.prepare('SELECT doc FROM report_rounds WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ReportRoundRecord) : null;
  }
  async list(query: Parameters<ReportRoundRepository['list']>[0]) {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.year !== undefined) {
      where.push('year = ?');
      params.push(query.year);
    }
    if (query.agencyId !== undefined) {
      where.push('id IN (SELECT round_id FROM report_round_agencies WHERE agency_id = ?)');
      params.push(query.agencyId);
    }
    return keysetPage<ReportRoundRecord>(this.db, 'report_rounds', where, params, query);
  }
  async listDueReminders(now: string) {
    const rows = this.db
      .prepare('SELECT doc FROM report_rounds WHERE reminded_at IS NULL AND remind_at <= ? ORDER BY remind_at, id')
      .all(now) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ReportRoundRecord);
  }
  async getNextReminderAt() {
    const row = this.db.prepare('SELECT min(remind_at) AS at FROM report_rounds WHERE reminded_at IS NULL').get() as { at: string | null };
    return row.at;
  }
}

class SqliteReportSubmissions implements ReportSubmissionRepository {
  constructor(private readonly db: Db) {}
  async insert(s: ReportSubmissionRecord) {
    this.db
      .prepare('INSERT INTO report_submissions (id, round_id, agency_id, version, doc) VALUES (?,?,?,?,?)')
      .run(s.id, s.roundId, s.agencyId, s.version, JSON.stringify(s));
  }
  async update(s: ReportSubmissionRecord, expectedVersion: number) {
    const r = this.db
      .prepare('UPDATE report_submissions SET version=?, doc=? WHERE id=? AND version=?')
      .run(s.version, JSON.stringify(s), s.id, expectedVersion);
    return r.changes === 1;
  }
  async get(roundId: string, agencyId: string) {
    const row = this.db.prepare('SELECT doc FROM report_submissions WHERE round_id = ? AND agency_id = ?').get(roundId, agencyId) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ReportSubmissionRecord) : null;
  }
  async listByRound(roundId: string) {
    const rows = this.db.prepare('SELECT doc FROM report_submissions WHERE round_id = ? ORDER BY agency_id').all(roundId) as {
      doc: string;
    }[];
    return rows.map((r) => JSON.parse(r.doc) as ReportSubmissionRecord);
  }
}

class SqliteReportAttachments implements ReportAttachmentRepository {
  constructor(private readonly db: Db) {}
  async insert(a: ReportAttachmentRecord) {
    this.db
      .prepare('INSERT INTO report_attachments (id, round_id, agency_id, created_at, doc) VALUES (?,?,?,?,?)')
      .run(a.id, a.roundId, a.agencyId, a.createdAt, JSON.stringify(a));
  }
  async get(id: string) {
    const row = this.db.prepare('SELECT doc FROM report_attachments WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ReportAttachmentRecord) : null;
  }
  async listByRound(roundId: string, agencyId?: string) {
    const rows = (
      agencyId === undefined
        ? this.db.prepare('SELECT doc FROM report_attachments WHERE round_id = ? ORDER BY created_at, id').all(roundId)
        : this.db
            .prepare('SELECT doc FROM report_attachments WHERE round_id = ? AND agency_id = ? ORDER BY created_at, id')
            .all(roundId, agencyId)
    ) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ReportAttachmentRecord);
  }
}

class SqliteAssessments implements AssessmentRepository {
  constructor(private readonly db: Db) {}
  async insert(a: AssessmentRecord) {
    this.db
      .prepare('INSERT INTO assessments (id, system_id, assessed_at, created_at, doc) VALUES (?,?,?,?,?)')
      .run(a.id, a.systemId, a.assessedAt, a.createdAt, JSON.stringify(a));
  }
  async listBySystem(systemId: string) {
    const rows = this.db
      .prepare('SELECT doc FROM assessments WHERE system_id = ? ORDER BY assessed_at DESC, created_at DESC, id')
      .all(systemId) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as AssessmentRecord);
  }
  async listLatestPerSystem() {
    const rows = this.db
      .prepare(
        `SELECT doc FROM (
           SELECT doc, system_id, row_number() OVER (PARTITION BY system_id ORDER BY assessed_at DESC, created_at DESC, id) AS n
           FROM assessments)
         WHERE n = 1 ORDER BY system_id`,
      )
      .all() as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as AssessmentRecord);
  }
}

export function sqliteReportsRepositories(db: Db): ReportsRepositories {
  return {
    stats: new SqliteStats(db),
    reportRounds: new SqliteReportRounds(db),
    reportSubmissions: new SqliteReportSubmissions(db),
    reportAttachments: new SqliteReportAttachments(db),
    assessments: new SqliteAssessments(db),
  };
}
