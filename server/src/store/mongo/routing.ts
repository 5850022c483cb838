/** MongoDB repositories for routing rules, upward notifications and on-call rosters. */
import { Schema, type ClientSession, type Connection } from 'mongoose';
import type { OnCallRepository, OnCallRosterRecord } from '../oncall.js';
import type { RoutingRuleRecord, RoutingRuleRepository, UpwardNotificationRecord, UpwardNotificationRepository } from '../routing.js';

const options = { versionKey: false as const, timestamps: false as const, strict: 'throw' as const, minimize: false as const };
const nullableString = { type: String, default: null };

const routingRuleSchema = new Schema(
  {
    _id: String,
    position: { type: Number, index: true },
    name: String,
    description: nullableString,
    enabled: Boolean,
    conditions: { type: Schema.Types.Mixed, default: {} },
    actions: { type: Schema.Types.Mixed, default: {} },
    version: Number,
    createdAt: String,
    updatedAt: String,
  },
  options,
);

const upwardNotificationSchema = new Schema(
  {
    _id: String,
    incidentId: { type: String, index: true },
    recipientKind: String,
    recipientTeamId: nullableString,
    recipientName: String,
    status: String,
    channel: nullableString,
    sentAt: nullableString,
    sentBy: nullableString,
    documentNumber: nullableString,
    content: nullableString,
    tlp: String,
    acknowledgedAt: nullableString,
    acknowledgement: nullableString,
    followUps: { type: Schema.Types.Mixed, default: [] },
    version: Number,
    createdAt: String,
    updatedAt: String,
  },
  options,
);
upwardNotificationSchema.index({ incidentId: 1, createdAt: 1 });

const onCallRosterSchema = new Schema(
  {
    _id: String, // the team id
    teamId: String,
    rotationStart: String,
    weeks: { type: Schema.Types.Mixed, default: [] },
    overrides: { type: Schema.Types.Mixed, default: [] },
    version: Number,
    updatedAt: String,
    updatedBy: String,
  },
  options,
);

/** Bound to one connection like the other models (spread into bindModels). */
export function routingModels(conn: Connection) {
  return {
    RoutingRule: conn.model('RoutingRule', routingRuleSchema, 'routing_rules'),
    UpwardNotification: conn.model('UpwardNotification', upwardNotificationSchema, 'upward_notifications'),
    OnCallRoster: conn.model('OnCallRoster', onCallRosterSchema, 'oncall_rosters'),
  };
}
type RoutingModels = ReturnType<typeof routingModels>;

const withId = <T>(doc: Record<string, unknown> | null): T | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as T;
};

export function routingRepositories(
  models: RoutingModels,
  session: ClientSession | undefined,
): { routingRules: RoutingRuleRepository; upwardNotifications: UpwardNotificationRepository; onCall: OnCallRepository } {
  const s = session ?? null;
  return {
    routingRules: {
      async insert(r) {
        const { id, ...rest } = r;
        await models.RoutingRule.create([{ _id: id, ...rest }], { session });
      },
      async update(r, expectedVersion) {
        const { id, ...rest } = r;
        const result = await models.RoutingRule.updateOne({ _id: id, version: expectedVersion }, { $set: rest }, { session });
        return result.matchedCount === 1;
      },
      async get(id) {
        return withId<RoutingRuleRecord>(await models.RoutingRule.findById(id).session(s).lean<Record<string, unknown>>());
      },
      async list() {
        const docs = await models.RoutingRule.find().sort({ position: 1, _id: 1 }).session(s).lean<Record<string, unknown>[]>();
        return docs.map((d) => withId<RoutingRuleRecord>(d)!);
      },
      async delete(id) {
        return (await models.RoutingRule.deleteOne({ _id: id }, { session })).deletedCount === 1;
      },
    },
    upwardNotifications: {
      async insert(n) {
        const { id, ...rest } = n;
        await models.UpwardNotification.create([{ _id: id, ...rest }], { session });
      },
      async update(n, expectedVersion) {
        const { id, ...rest } = n;
        const result = await models.UpwardNotification.updateOne({ _id: id, version: expectedVersion }, { $set: rest }, { session });
        return result.matchedCount === 1;
      },
      async get(id) {
        return withId<UpwardNotificationRecord>(await models.UpwardNotification.findById(id).session(s).lean<Record<string, unknown>>());
      },
      async listByIncident(incidentId) {
        const docs = await models.UpwardNotification.find({ incidentId })
          .sort({ createdAt: 1, _id: 1 })
          .session(s)
          .lean<Record<string, unknown>[]>();
        return docs.map((d) => withId<UpwardNotificationRecord>(d)!);
      },
    },
    onCall: {
      async get(teamId) {
        const doc = await models.OnCallRoster.findById(teamId).session(s).lean<Record<string, unknown>>();
        if (!doc) return null;
        const { _id: _ignored, ...rest } = doc;
        return rest as unknown as OnCallRosterRecord;
      },
      async save(r, expectedVersion) {
        if (expectedVersion === null) {
          // Insert only if absent: an upsert that matches nothing new reports upsertedCount 0.
          const result = await models.OnCallRoster.updateOne({ _id: r.teamId }, { $setOnInsert: { ...r } }, { upsert: true, session });
          return result.upsertedCount === 1;
        }
        const result = await models.OnCallRoster.updateOne({ _id: r.teamId, version: expectedVersion }, { $set: { ...r } }, { session });
        return result.matchedCount === 1;
      },
      async list() {
        const docs = await models.OnCallRoster.find().sort({ _id: 1 }).session(s).lean<Record<string, unknown>[]>();
        return docs.map(({ _id: _ignored, ...rest }) => rest as unknown as OnCallRosterRecord);
      },
    },
  };
}
