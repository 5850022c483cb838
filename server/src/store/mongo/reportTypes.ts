/** MongoDB side of the report types: one document per type, the code as `_id`. */
import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import type { ReportTypeRecord, ReportTypeRepository } from '../reportTypes.js';

type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Doc = Record<string, unknown>;

const reportTypeSchema = new Schema(
  { _id: String, version: Number },
  { versionKey: false, timestamps: false, strict: false, minimize: false },
);

/** Spread into bindModels so the store's `init()` builds it with the rest. */
export function bindReportTypeModels(conn: Connection) {
  return { ReportType: conn.model('ReportType', reportTypeSchema, 'report_types') };
}

const fromDoc = (doc: Doc | null): ReportTypeRecord | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { code: _id, ...rest } as ReportTypeRecord;
};

export function mongoReportTypes(models: { ReportType: AnyModel }, session: ClientSession | undefined): ReportTypeRepository {
  return {
    async insert(t) {
      const { code, ...rest } = t;
      await models.ReportType.create([{ _id: code, ...rest }], { session });
    },
    async update(t, expectedVersion) {
      const { code, ...rest } = t;
      const r = await models.ReportType.updateOne({ _id: code, version: expectedVersion }, { $set: rest }, { session });
      return r.matchedCount === 1;
    },
    async get(code) {
      return fromDoc(
        await models.ReportType.findById(code)
          .session(session ?? null)
          .lean<Doc>(),
      );
    },
    async list() {
      const docs = await models.ReportType.find({})
        .sort({ _id: 1 })
        .session(session ?? null)
        .lean<Doc[]>();
      return docs.map((d) => fromDoc(d)!);
    },
  };
}
