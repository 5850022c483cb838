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
  KeyCount,
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

const HISTORY_BATCH = 500;
const OPEN = ['received', 'triage', 'initial_response', 'containment', 'recovery'];

/** Newest deadline first, as an ascending key: the complement of the deadline's milliseconds. */
export const roundSortKey = (deadline: string) => String(9_999_999_999_999 - Date.parse(deadline)).padStart(13, '0');

/** Counts per value of `expression` over the real incidents of the range. */
function grouped(db: Db, expression: string, range: StatsRange, join = ''): KeyCount[] {
  const rows = db
    .prepare(
      `SELECT ${expression} AS key, count(*) AS count FROM incidents ${join}
         WHERE incidents.is_drill = 0 AND incidents.reported_at >= ? AND incidents.reported_at <= ?
         GROUP BY key ORDER BY count DESC, key`,
    )
    .all(range.from, range.to) as { key: string | number | null; count: number }[];
  return rows.map((r) => ({ key: r.key === null ? 'unknown' : String(r.key), count: r.count }));
}

// Helpers stay outside the class: the store wraps every method not named get/list/count as a write.
class SqliteStats implements StatsRepository {
  constructor(private readonly db: Db) {}

  async counts(range: StatsRange): Promise<IncidentCounts> {
    const totals = this.db
      .prepare(
        `SELECT count(*) AS total,
           coalesce(sum(status IN (${OPEN.map(() => '?').join(',')})), 0) AS open,
           coalesce(sum(status = 'closed'), 0) AS closed,
           coalesce(sum(status = 'rejected'), 0) AS rejected,
           coalesce(sum(json_extract(doc, '$.lateReport') = 1), 0) AS late,
           coalesce(sum(serious), 0) AS serious
         FROM incidents WHERE is_drill = 0 AND reported_at >= ? AND reported_at <= ?`,
      )
      .get(...OPEN, range.from, range.to) as Omit<IncidentCounts, `by${string}` | 'lateByAgency'>;
    const lateByAgency = this.db
      .prepare(
        `SELECT agency_id AS agencyId, count(*) AS total, coalesce(sum(json_extract(doc, '$.lateReport') = 1), 0) AS late
         FROM incidents WHERE is_drill = 0 AND reported_at >= ? AND reported_at <= ?
         GROUP BY agency_id ORDER BY late DESC, total DESC, agency_id`,
      )
      .all(range.from, range.to) as IncidentCounts['lateByAgency'];
    return {
      ...totals,
      // Months as people in the province read them (UTC+7, no daylight saving).
      byMonth: grouped(this.db, `strftime('%Y-%m', incidents.reported_at, '+7 hours')`, range).sort((a, b) => a.key.localeCompare(b.key)),
      byCategory: grouped(this.db, 'incidents.category', range),
      bySeverity: grouped(this.db, 'incidents.severity', range),
      byAgency: grouped(this.db, 'incidents.agency_id', range),
      byAgencyType: grouped(this.db, 'agencies.type', range, 'LEFT JOIN agencies ON agencies.id = incidents.agency_id'),
      bySector: grouped(this.db, `json_extract(incidents.doc, '$.sector')`, range),
      bySystemLevel: grouped(this.db, `json_extract(incidents.doc, '$.systemLevel')`, range),
      lateByAgency,
    };
  }

  async *listStatusHistories(range: StatsRange): AsyncIterable<IncidentStatusHistory> {
    const batch = this.db.prepare(
      `SELECT id, reported_at, status, severity, serious FROM incidents
       WHERE is_drill = 0 AND reported_at >= ? AND reported_at <= ? AND id > ?
       ORDER BY id LIMIT ?`,
    );
    const changes = this.db.prepare(
      `SELECT json_extract(data, '$.from') AS "from", json_extract(data, '$.to') AS "to", at FROM events
       WHERE entity = 'incident' AND entity_id = ? AND type = 'incident.status_changed' ORDER BY seq`,
    );
    let after = '';
    for (;;) {
      const incidents = batch.all(range.from, range.to, after, HISTORY_BATCH) as {
        id: string;
        reported_at: string;
        status: IncidentStatus;
        severity: Severity | null;
        serious: number;
      }[];
      if (incidents.length === 0) return;
      const histories = incidents.map((i) => ({
        incidentId: i.id,
        reportedAt: i.reported_at,
        status: i.status,
        severity: i.severity,
        serious: i.serious === 1,
        changes: changes.all(i.id) as { from: IncidentStatus; to: IncidentStatus; at: string }[],
      }));
      for (const history of histories) yield history;
      after = incidents[incidents.length - 1]!.id;
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
