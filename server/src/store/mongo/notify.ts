/**
 * MongoDB adapter of the audit log, notifications (inbox, preferences, webhooks, outbox) and
 * SLA policies and timers (issue 8). Own models, bound to the same connection; atomic claims
 * are single-document conditional updates.
 */
import { Schema, type ClientSession, type Connection } from 'mongoose';
import { pageStart, toPage } from '../cursor.js';
import { keysetPage } from './collection.js';
import type { AuditRecord, AuditRepository } from '../audit.js';
import type {
  DeliveryRecord,
  DeliveryRepository,
  NotificationPreferenceRepository,
  NotificationPreferencesRecord,
  NotificationRecord,
  NotificationRepository,
  WebhookRecord,
  WebhookRepository,
} from '../notifications.js';
import type { SlaPolicyRecord, SlaPolicyRepository, SlaTimerRecord, SlaTimerRepository } from '../sla.js';

const options = { versionKey: false as const, timestamps: false as const, strict: 'throw' as const, minimize: false as const };
const nullableString = { type: String, default: null };

const auditSchema = new Schema(
  {
    _id: Number, // the chain position: unique, so two writers cannot both append seq n
    eventSeq: Number,
    at: { type: String, index: true },
    type: String,
    entity: String,
    entityId: String,
    incidentId: nullableString,
    actorId: nullableString,
    data: { type: Schema.Types.Mixed, default: {} },
    prevHash: String,
    hash: String,
  },
  options,
);
auditSchema.index({ type: 1, _id: -1 });
auditSchema.index({ entity: 1, entityId: 1, _id: -1 });
auditSchema.index({ incidentId: 1, _id: -1 });
auditSchema.index({ actorId: 1, _id: -1 });

const notificationSchema = new Schema(
  {
    _id: String,
    userId: String,
    kind: String,
    incidentId: nullableString,
    link: nullableString,
    drill: Boolean,
    title: String,
    body: String,
    eventSeq: Number,
    createdAt: String,
    readAt: nullableString,
  },
  options,
);
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ userId: 1, readAt: 1 });

const preferencesSchema = new Schema({ _id: String, muted: [String], updatedAt: String }, options);

const webhookSchema = new Schema(
  {
    _id: String,
    name: String,
    url: String,
    secret: String,
    eventTypes: [String],
    active: Boolean,
    createdBy: String,
    createdAt: String,
    updatedAt: String,
  },
  options,
);

const deliverySchema = new Schema(
  {
    _id: String,
    channel: String,
    target: String,
    payload: { type: Schema.Types.Mixed, default: {} },
    status: String,
    attempts: Number,
    nextAttemptAt: String,
    lastError: nullableString,
    createdAt: String,
    sentAt: nullableString,
  },
  options,
);
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ createdAt: -1, _id: -1 });

const slaPolicySchema = new Schema(
  {
    _id: String,
    acknowledge: nullableString,
    leaveTriage: nullableString,
    contain: nullableString,
    escalationDelay: String,
    version: Number,
    updatedAt: String,
    updatedBy: String,
  },
  options,
);

const slaTimerSchema = new Schema(
  { _id: String, milestone: String, deadline: String, dueAt: { type: String, index: true }, step: Number },
  options,
);

export function bindNotifyModels(conn: Connection) {
  return {
    Audit: conn.model('Audit', auditSchema, 'audit_log'),
    Notification: conn.model('Notification', notificationSchema, 'notifications'),
    NotificationPreferences: conn.model('NotificationPreferences', preferencesSchema, 'notification_preferences'),
    Webhook: conn.model('Webhook', webhookSchema, 'webhooks'),
    Delivery: conn.model('Delivery', deliverySchema, 'deliveries'),
    SlaPolicy: conn.model('SlaPolicy', slaPolicySchema, 'sla_policies'),
    SlaTimer: conn.model('SlaTimer', slaTimerSchema, 'sla_timers'),
  };
}
export type NotifyModels = ReturnType<typeof bindNotifyModels>;

type Doc = Record<string, unknown>;
/** Inbox and outbox pages: newest first, by creation time then id. */
const NEWEST_FIRST = { key: 'createdAt', direction: -1 } as const;
const renameId = <T>(doc: Doc | null, field: string): T | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { [field]: _id, ...rest } as T;
};

export function notifyRepositories(m: NotifyModels, session: ClientSession | undefined) {
  const s = session ?? null;
  const toAudit = (d: Doc) => renameId<AuditRecord>(d, 'seq')!;

  const audit: AuditRepository = {
    async last() {
      const d = await m.Audit.findOne().sort({ _id: -1 }).session(s).lean<Doc>();
      return d ? toAudit(d) : null;
    },
    async insert(e) {
      const { seq, ...rest } = e;
      await m.Audit.create([{ _id: seq, ...rest }], { session });
    },
    async listAfter(afterSeq, limit) {
      const docs = await m.Audit.find({ _id: { $gt: afterSeq } })
        .sort({ _id: 1 })
        .limit(limit)
        .session(s)
        .lean<Doc[]>();
      return docs.map(toAudit);
    },
    async list(q) {
      const filter: Doc = {};
      if (q.type) filter.type = q.type;
      if (q.entity) filter.entity = q.entity;
      if (q.entityId) filter.entityId = q.entityId;
      if (q.incidentId) filter.incidentId = q.incidentId;
      if (q.actorId) filter.actorId = q.actorId;
      const at: Doc = {};
      if (q.from) at.$gte = new Date(q.from).toISOString();
      if (q.to) at.$lte = new Date(q.to).toISOString();
      if (q.from || q.to) filter.at = at;
      const start = pageStart(q, (p) => /^\d+$/.test(p.id));
      if (start) filter._id = { $lt: Number(start.id) };
      const docs = await m.Audit.find(filter)
        .sort({ _id: -1 })
        .limit(q.limit + 1)
        .session(s)
        .lean<Doc[]>();
      return toPage(docs, q.limit, (d) => ({ key: '', id: String(d._id) }), toAudit);
    },
  };

  const toNotification = (d: Doc) => renameId<NotificationRecord>(d, 'id')!;
  const notifications: NotificationRepository = {
    async insert(n) {
      const { id, ...rest } = n;
      await m.Notification.create([{ _id: id, ...rest }], { session });
    },
    async get(id) {
      return renameId<NotificationRecord>(await m.Notification.findById(id).session(s).lean<Doc>(), 'id');
    },
    listByUser(userId, q) {
      return keysetPage(m.Notification, { userId, ...(q.unread ? { readAt: null } : {}) }, q, session, toNotification, NEWEST_FIRST);
    },
    countUnread(userId) {
      return m.Notification.countDocuments({ userId, readAt: null }).session(s);
    },
    async markRead(userId, ids, at) {
      if (ids && ids.length === 0) return 0;
      const r = await m.Notification.updateMany(
        { userId, readAt: null, ...(ids ? { _id: { $in: ids } } : {}) },
        { $set: { readAt: at } },
        { session },
      );
      return r.modifiedCount;
    },
  };

  const notificationPreferences: NotificationPreferenceRepository = {
    async get(userId) {
      return renameId<NotificationPreferencesRecord>(await m.NotificationPreferences.findById(userId).session(s).lean<Doc>(), 'userId');
    },
    async upsert(p) {
      const { userId, ...rest } = p;
      await m.NotificationPreferences.updateOne({ _id: userId }, { $set: rest }, { upsert: true, session });
    },
  };

  const webhooks: WebhookRepository = {
    async insert(w) {
      const { id, ...rest } = w;
      await m.Webhook.create([{ _id: id, ...rest }], { session });
    },
    async update(w) {
      const { id, ...rest } = w;
      await m.Webhook.updateOne({ _id: id }, { $set: rest }, { session });
    },
    async get(id) {
      return renameId<WebhookRecord>(await m.Webhook.findById(id).session(s).lean<Doc>(), 'id');
    },
    async list() {
      return (await m.Webhook.find().sort({ _id: 1 }).session(s).lean<Doc[]>()).map((d) => renameId<WebhookRecord>(d, 'id')!);
    },
    async remove(id) {
      return (await m.Webhook.deleteOne({ _id: id }, { session })).deletedCount === 1;
    },
  };

  const toDelivery = (d: Doc) => renameId<DeliveryRecord>(d, 'id')!;
  const deliveries: DeliveryRepository = {
    async insert(d) {
      const { id, ...rest } = d;
      await m.Delivery.create([{ _id: id, ...rest }], { session });
    },
    async get(id) {
      return renameId<DeliveryRecord>(await m.Delivery.findById(id).session(s).lean<Doc>(), 'id');
    },
    async listDue(now, limit) {
      const docs = await m.Delivery.find({ status: { $in: ['pending', 'sending'] }, nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1, _id: 1 })
        .limit(limit)
        .session(s)
        .lean<Doc[]>();
      return docs.map(toDelivery);
    },
    async nextDueAt() {
      const [first] = await m.Delivery.find({ status: { $in: ['pending', 'sending'] } })
        .sort({ nextAttemptAt: 1 })
        .limit(1)
        .session(s)
        .lean<Doc[]>();
      return first ? (first.nextAttemptAt as string) : null;
    },
    async claim(id, attempts, now, leaseUntil) {
      const r = await m.Delivery.updateOne(
        { _id: id, attempts, status: { $in: ['pending', 'sending'] }, nextAttemptAt: { $lte: now } },
        { $set: { status: 'sending', nextAttemptAt: leaseUntil } },
        { session },
      );
      return r.modifiedCount === 1;
    },
    async finish(d) {
      const { id, ...rest } = d;
      await m.Delivery.updateOne({ _id: id }, { $set: rest }, { session });
    },
    list(q) {
      return keysetPage(m.Delivery, q.status ? { status: q.status } : {}, q, session, toDelivery, NEWEST_FIRST);
    },
  };

  const toPolicy = (d: Doc) => renameId<SlaPolicyRecord>(d, 'scope')!;
  const slaPolicies: SlaPolicyRepository = {
    async list() {
      return (await m.SlaPolicy.find().sort({ _id: 1 }).session(s).lean<Doc[]>()).map(toPolicy);
    },
    async get(scope) {
      const d = await m.SlaPolicy.findById(scope).session(s).lean<Doc>();
      return d ? toPolicy(d) : null;
    },
    async upsert(p) {
      const { scope, ...rest } = p;
      await m.SlaPolicy.updateOne({ _id: scope }, { $set: rest }, { upsert: true, session });
    },
    async remove(scope) {
      return (await m.SlaPolicy.deleteOne({ _id: scope }, { session })).deletedCount === 1;
    },
  };

  const toTimer = (d: Doc) => renameId<SlaTimerRecord>(d, 'incidentId')!;
  const slaTimers: SlaTimerRepository = {
    async get(incidentId) {
      const d = await m.SlaTimer.findById(incidentId).session(s).lean<Doc>();
      return d ? toTimer(d) : null;
    },
    async put(t) {
      const { incidentId, ...rest } = t;
      await m.SlaTimer.updateOne({ _id: incidentId }, { $set: rest }, { upsert: true, session });
    },
    async remove(incidentId) {
      await m.SlaTimer.deleteOne({ _id: incidentId }, { session });
    },
    async listDue(now, limit) {
      return (
        await m.SlaTimer.find({ dueAt: { $lte: now } })
          .sort({ dueAt: 1 })
          .limit(limit)
          .session(s)
          .lean<Doc[]>()
      ).map(toTimer);
    },
    async nextDueAt() {
      const [first] = await m.SlaTimer.find().sort({ dueAt: 1 }).limit(1).session(s).lean<Doc[]>();
      return first ? (first.dueAt as string) : null;
    },
    async advance(current, next) {
      const { incidentId: _i, ...rest } = next;
      const r = await m.SlaTimer.updateOne(
        { _id: current.incidentId, step: current.step, dueAt: current.dueAt },
        { $set: rest },
        { session },
      );
      return r.modifiedCount === 1;
    },
  };

  return { audit, notifications, notificationPreferences, webhooks, deliveries, slaPolicies, slaTimers };
}
