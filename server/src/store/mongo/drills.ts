/** MongoDB adapter of the drill repository (same behaviour as sqlite/drills.ts, held by the contract suite). */
import type { ClientSession } from 'mongoose';
import type { DrillPlanRecord, DrillRecord, DrillRepository } from '../drills.js';
import { drillSortKey } from '../sqlite/drills.js';
import { keysetPage } from './collection.js';
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
      const filter = query.year !== undefined ? { year: query.year } : {};
      return keysetPage(Drill, filter, query, session, (row) => (row as Stored).doc);
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
