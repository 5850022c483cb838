/** MongoDB adapter of the drill repository (same behaviour as sqlite/drills.ts, held by the contract suite). */
import type { ClientSession } from 'mongoose';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor.js';
import type { DrillPlanRecord, DrillRecord, DrillRepository } from '../drills.js';
import { drillSortKey } from '../sqlite/drills.js';
import type { Models } from './models.js';

type Stored = { _id: string; sortKey: string; doc: DrillRecord };

export function mongoDrills(models: Models, session: ClientSession | undefined): DrillRepository {
  const Drill = models.Drill;
  const fields = (d: DrillRecord) => ({
    sortKey: drillSortKey(d),
    year: d.year,
    status: d.status,
    nextDueAt: d.nextDueAt,
    version: d.version,
    doc: d,
  });
  const find = async (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit?: number) => {
    let query = Drill.find(filter)
      .sort(sort)
      .session(session ?? null);
    if (limit !== undefined) query = query.limit(limit);
    return query.lean<Stored[]>();
  };
  return {
    async insert(d) {
      await Drill.create([{ _id: d.id, ...fields(d) }], { session });
    },
    async update(d, expectedVersion) {
      const r = await Drill.updateOne({ _id: d.id, version: expectedVersion }, { $set: fields(d) }, { session });
      return r.matchedCount === 1;
    },
    async get(id) {
      const row = await Drill.findById(id)
        .session(session ?? null)
        .lean<Stored>();
      return row ? row.doc : null;
    },
    async list(query) {
      const clauses: Record<string, unknown>[] = [];
      if (query.year !== undefined) clauses.push({ year: query.year });
      if (query.cursor) {
        const position = decodeCursor(query.cursor);
        if (!position) throw new InvalidCursorError();
        clauses.push({ $or: [{ sortKey: { $gt: position.key } }, { sortKey: position.key, _id: { $gt: position.id } }] });
      }
      const rows = await find(clauses.length ? { $and: clauses } : {}, { sortKey: 1, _id: 1 }, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => r.doc),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sortKey, id: last._id }) : null,
      };
    },
    async listByYear(year) {
      return (await find({ year }, { sortKey: 1, _id: 1 })).map((r) => r.doc);
    },
    async listDue(at) {
      return (await find({ status: 'running', nextDueAt: { $ne: null, $lte: at } }, { nextDueAt: 1 })).map((r) => r.doc);
    },
    async getNextDueAt() {
      const [first] = await find({ status: 'running', nextDueAt: { $ne: null } }, { nextDueAt: 1 }, 1);
      return first ? first.doc.nextDueAt : null;
    },
    async getPlan(year) {
      const row = await models.DrillPlan.findById(year)
        .session(session ?? null)
        .lean<{ doc: DrillPlanRecord }>();
      return row ? row.doc : null;
    },
    async upsertPlan(plan) {
      await models.DrillPlan.updateOne({ _id: plan.year }, { $set: { doc: plan } }, { upsert: true, session });
    },
  };
}
