/**
 * MongoDB side of the leaders' repositories. Statistics are aggregation pipelines ($group on
 * the server), status histories are read in batches of incidents; rounds, submissions and
 * assessments are documents keyed by the same string ids as in SQLite.
 */
import { Schema, type ClientSession, type Connection, type Model, type PipelineStage } from 'mongoose';
import type { IncidentStatus, Severity } from '@cert-hub/shared';
import type {
  AssessmentRecord,
  IncidentCounts,
  IncidentStatusHistory,
  KeyCount,
  ReportRoundRecord,
  ReportsRepositories,
  ReportAttachmentRecord,
  ReportSubmissionRecord,
  StatsRange,
} from '../reports.js';
import { keysetPage } from './collection.js';

type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Doc = Record<string, unknown>;

const HISTORY_BATCH = 500;
const OPEN = ['received', 'triage', 'initial_response', 'containment', 'recovery'];
const loose = { versionKey: false as const, timestamps: false as const, strict: false as const, minimize: false as const };

const roundSchema = new Schema(
  { _id: String, year: Number, sortKey: String, remindAt: String, remindedAt: String, agencyIds: [String] },
  loose,
);
roundSchema.index({ sortKey: 1, _id: 1 });
roundSchema.index({ remindedAt: 1, remindAt: 1 });
roundSchema.index({ agencyIds: 1 });
const submissionSchema = new Schema({ _id: String, roundId: String, agencyId: String, version: Number }, loose);
submissionSchema.index({ roundId: 1, agencyId: 1 }, { unique: true });
const reportAttachmentSchema = new Schema({ _id: String, roundId: String, agencyId: String, createdAt: String }, loose);
reportAttachmentSchema.index({ roundId: 1, agencyId: 1, createdAt: 1, _id: 1 });
const assessmentSchema = new Schema({ _id: String, systemId: String, assessedAt: String, createdAt: String }, loose);
assessmentSchema.index({ systemId: 1, assessedAt: -1, createdAt: -1 });

/** Spread into bindModels so the store's `init()` builds their indexes with the rest. */
export function bindReportModels(conn: Connection) {
  return {
    ReportRound: conn.model('ReportRound', roundSchema, 'report_rounds'),
    ReportSubmission: conn.model('ReportSubmission', submissionSchema, 'report_submissions'),
    Assessment: conn.model('Assessment', assessmentSchema, 'assessments'),
    ReportAttachment: conn.model('ReportAttachment', reportAttachmentSchema, 'report_attachments'),
  };
}

interface ReportModels {
  Incident: AnyModel;
  Event: AnyModel;
  ReportRound: AnyModel;
  ReportSubmission: AnyModel;
  Assessment: AnyModel;
  ReportAttachment: AnyModel;
}

/** Newest deadline first; exported for test/mongo-schemas.test.ts, which stores rounds as this adapter does. */
export const roundSortKey = (deadline: string) => String(9_999_999_999_999 - Date.parse(deadline)).padStart(13, '0');
const fromDoc = <T>(doc: Doc | null): T | null => {
  if (!doc) return null;
  const { _id, sortKey: _s, ...rest } = doc;
  return { id: _id, ...rest } as T;
};

export function mongoReportsRepositories(models: ReportModels, session: ClientSession | undefined): ReportsRepositories {
  const realIn = (range: StatsRange) => ({ drill: null, reportedAt: { $gte: range.from, $lte: range.to } });
  const grouped = async (range: StatsRange, key: unknown, pre: PipelineStage[] = []): Promise<KeyCount[]> => {
    // Group keys are field values: a category, a month, an agency id, a level (or null).
    const rows = await models.Incident.aggregate<{ _id: string | number | boolean | null | undefined; count: number }>([
      { $match: realIn(range) },
      ...pre,
      { $group: { _id: key, count: { $sum: 1 } } },
      { $sort: { count: -1, _id: 1 } },
    ]).session(session ?? null);
    return rows.map((r) => ({ key: r._id === null || r._id === undefined ? 'unknown' : String(r._id), count: r.count }));
  };
  const isLate = { $cond: [{ $eq: ['$lateReport', true] }, 1, 0] };

  return {
    stats: {
      async counts(range) {
        const [totals] = await models.Incident.aggregate<Omit<IncidentCounts, `by${string}` | 'lateByAgency'>>([
          { $match: realIn(range) },
          {
            $group: {
              _id: null,
              total: { $sum: 1 },
              open: { $sum: { $cond: [{ $in: ['$status', OPEN] }, 1, 0] } },
              closed: { $sum: { $cond: [{ $eq: ['$status', 'closed'] }, 1, 0] } },
              rejected: { $sum: { $cond: [{ $eq: ['$status', 'rejected'] }, 1, 0] } },
              late: { $sum: isLate },
              serious: { $sum: { $cond: [{ $eq: ['$serious', true] }, 1, 0] } },
            },
          },
          { $project: { _id: 0 } },
        ]).session(session ?? null);
        const lateByAgency = await models.Incident.aggregate<IncidentCounts['lateByAgency'][number]>([
          { $match: realIn(range) },
          { $group: { _id: '$agencyId', total: { $sum: 1 }, late: { $sum: isLate } } },
          { $sort: { late: -1, total: -1, _id: 1 } },
          { $project: { _id: 0, agencyId: '$_id', total: 1, late: 1 } },
        ]).session(session ?? null);
        const month = { $dateToString: { format: '%Y-%m', date: { $dateFromString: { dateString: '$reportedAt' } }, timezone: '+07:00' } };
        return {
          ...(totals ?? { total: 0, open: 0, closed: 0, rejected: 0, late: 0, serious: 0 }),
          byMonth: (await grouped(range, month)).sort((a, b) => a.key.localeCompare(b.key)),
          byCategory: await grouped(range, '$category'),
          bySeverity: await grouped(range, '$severity'),
          byAgency: await grouped(range, '$agencyId'),
          byAgencyType: await grouped(range, { $first: '$agency.type' }, [
            { $lookup: { from: 'agencies', localField: 'agencyId', foreignField: '_id', as: 'agency' } },
          ]),
          bySector: await grouped(range, '$sector'),
          bySystemLevel: await grouped(range, '$systemLevel'),
          lateByAgency,
        };
      },
      async *listStatusHistories(range) {
        let after = '';
        for (;;) {
          const incidents = await models.Incident.find(
            { ...realIn(range), _id: { $gt: after } },
            { _id: 1, reportedAt: 1, status: 1, severity: 1, serious: 1 },
          )
            .sort({ _id: 1 })
            .limit(HISTORY_BATCH)
            .session(session ?? null)
            .lean<{ _id: string; reportedAt: string; status: IncidentStatus; severity?: Severity | null; serious?: boolean }[]>();
          if (incidents.length === 0) return;
          const events = await models.Event.find(
            { entity: 'incident', entityId: { $in: incidents.map((i) => i._id) }, type: 'incident.status_changed' },
            { entityId: 1, at: 1, data: 1 },
          )
            .sort({ _id: 1 })
            .session(session ?? null)
            .lean<{ entityId: string; at: string; data: { from: IncidentStatus; to: IncidentStatus } }[]>();
          const byIncident = new Map<string, IncidentStatusHistory['changes']>();
          for (const e of events) {
            const list = byIncident.get(e.entityId) ?? [];
            list.push({ from: e.data.from, to: e.data.to, at: e.at });
            byIncident.set(e.entityId, list);
          }
          for (const i of incidents)
            yield {
              incidentId: i._id,
              reportedAt: i.reportedAt,
              status: i.status,
              severity: i.severity ?? null,
              serious: i.serious === true,
              changes: byIncident.get(i._id) ?? [],
            };
          after = incidents[incidents.length - 1]!._id;
        }
      },
    },
    reportRounds: {
      async insert(r) {
        const { id, ...rest } = r;
        await models.ReportRound.create([{ _id: id, ...rest, sortKey: roundSortKey(r.deadline) }], { session });
      },
      async update(r, expectedVersion) {
        const { id, ...rest } = r;
        const result = await models.ReportRound.updateOne(
          { _id: id, version: expectedVersion },
          { $set: { ...rest, sortKey: roundSortKey(r.deadline) } },
          { session },
        );
        return result.modifiedCount === 1;
      },
      async get(id) {
        return fromDoc<ReportRoundRecord>(
          await models.ReportRound.findById(id)
            .session(session ?? null)
            .lean<Doc>(),
        );
      },
      async list(query) {
        const filter: Doc = {};
        if (query.year !== undefined) filter.year = query.year;
        if (query.agencyId !== undefined) filter.agencyIds = query.agencyId;
        return keysetPage(models.ReportRound, filter, query, session, (d) => fromDoc<ReportRoundRecord>(d)!);
      },
      async listDueReminders(now) {
        const docs = await models.ReportRound.find({ remindedAt: null, remindAt: { $lte: now } })
          .sort({ remindAt: 1, _id: 1 })
          .session(session ?? null)
          .lean<Doc[]>();
        return docs.map((d) => fromDoc<ReportRoundRecord>(d)!);
      },
      async getNextReminderAt() {
        const next = await models.ReportRound.findOne({ remindedAt: null })
          .sort({ remindAt: 1 })
          .session(session ?? null)
          .lean<{ remindAt: string }>();
        return next?.remindAt ?? null;
      },
    },
    reportSubmissions: {
      async insert(s) {
        const { id, ...rest } = s;
        await models.ReportSubmission.create([{ _id: id, ...rest }], { session });
      },
      async update(s, expectedVersion) {
        const { id, ...rest } = s;
        const result = await models.ReportSubmission.updateOne({ _id: id, version: expectedVersion }, { $set: rest }, { session });
        return result.modifiedCount === 1;
      },
      async get(roundId, agencyId) {
        return fromDoc<ReportSubmissionRecord>(
          await models.ReportSubmission.findOne({ roundId, agencyId })
            .session(session ?? null)
            .lean<Doc>(),
        );
      },
      async listByRound(roundId) {
        const docs = await models.ReportSubmission.find({ roundId })
          .sort({ agencyId: 1 })
          .session(session ?? null)
          .lean<Doc[]>();
        return docs.map((d) => fromDoc<ReportSubmissionRecord>(d)!);
      },
    },
    reportAttachments: {
      async insert(a) {
        const { id, ...rest } = a;
        await models.ReportAttachment.create([{ _id: id, ...rest }], { session });
      },
      async get(id) {
        return fromDoc<ReportAttachmentRecord>(
          await models.ReportAttachment.findById(id)
            .session(session ?? null)
            .lean<Doc>(),
        );
      },
      async listByRound(roundId, agencyId) {
        const docs = await models.ReportAttachment.find({ roundId, ...(agencyId === undefined ? {} : { agencyId }) })
          .sort({ createdAt: 1, _id: 1 })
          .session(session ?? null)
          .lean<Doc[]>();
        return docs.map((d) => fromDoc<ReportAttachmentRecord>(d)!);
      },
    },
    assessments: {
      async insert(a) {
        const { id, ...rest } = a;
        await models.Assessment.create([{ _id: id, ...rest }], { session });
      },
      async listBySystem(systemId) {
        const docs = await models.Assessment.find({ systemId })
          .sort({ assessedAt: -1, createdAt: -1, _id: 1 })
          .session(session ?? null)
          .lean<Doc[]>();
        return docs.map((d) => fromDoc<AssessmentRecord>(d)!);
      },
      async listLatestPerSystem() {
        const docs = await models.Assessment.aggregate<{ latest: Doc }>([
          { $sort: { systemId: 1, assessedAt: -1, createdAt: -1, _id: 1 } },
          { $group: { _id: '$systemId', latest: { $first: '$$ROOT' } } },
          { $sort: { _id: 1 } },
        ]).session(session ?? null);
        return docs.map((d) => fromDoc<AssessmentRecord>(d.latest)!);
      },
    },
  };
}
