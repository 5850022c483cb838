/**
 * Mongoose models for the scale-out adapter. `_id` is the same string id the SQLite adapter
 * uses, and each record carries the derived `sortKey`/`searchText` the list queries need.
 * Models are bound to one connection (no global mongoose singleton).
 */
import { Schema, type Connection } from 'mongoose';
import { drillPlanSchema, drillSchema } from './drillModels.js';
import { routingModels } from './routing.js';
import { bindReportModels } from './reports.js';
import { bindReportTypeModels } from './reportTypes.js';
import { bindNotifyModels } from './notify.js';

const base = { _id: { type: String, required: true }, version: { type: Number, required: true } };
const keys = { sortKey: { type: String, required: true }, searchText: { type: String, required: true } };
const options = { versionKey: false as const, timestamps: false as const, strict: 'throw' as const, minimize: false as const };
const nullableString = { type: String, default: null };

const focalPointSchema = new Schema(
  {
    name: String,
    position: nullableString,
    phone: String,
    email: String,
    available247: Boolean,
    primary: Boolean,
  },
  { _id: false },
);

const agencySchema = new Schema(
  {
    ...base,
    ...keys,
    name: String,
    shortName: nullableString,
    type: String,
    province: String,
    parentId: nullableString,
    address: nullableString,
    phone: nullableString,
    email: nullableString,
    website: nullableString,
    focalPoints: [focalPointSchema],
    mergedIntoId: nullableString,
    formerNames: [String],
    createdAt: String,
    updatedAt: String,
  },
  options,
);
agencySchema.index({ sortKey: 1, _id: 1 });

const sectorSchema = new Schema({ _id: String, code: String, nameVi: String, nameEn: String, critical: Boolean }, options);

const systemSchema = new Schema(
  {
    ...base,
    ...keys,
    agencyId: { type: String, index: true },
    name: String,
    level: Number,
    nationalCritical: Boolean,
    sectorCode: nullableString,
    description: nullableString,
    domains: [String],
    ipRanges: [String],
    pendingClassification: { type: Schema.Types.Mixed, default: null },
    createdAt: String,
    updatedAt: String,
  },
  options,
);
systemSchema.index({ sortKey: 1, _id: 1 });

const teamSchema = new Schema(
  {
    ...base,
    ...keys,
    name: String,
    kind: String,
    isStanding: { type: Boolean, index: true },
    organization: nullableString,
    sectorCode: nullableString,
    description: nullableString,
    phone: nullableString,
    email: nullableString,
    createdAt: String,
    updatedAt: String,
  },
  options,
);
teamSchema.index({ sortKey: 1, _id: 1 });

const userSchema = new Schema(
  {
    ...base,
    ...keys,
    username: { type: String, unique: true },
    displayName: String,
    role: String,
    agencyId: { type: String, default: null, index: true },
    teamIds: { type: [String], index: true },
    phone: nullableString,
    email: nullableString,
    passwordHash: String,
    disabled: Boolean,
    sessionEpoch: Number,
    passwordReset: { type: Schema.Types.Mixed },
    createdAt: String,
    updatedAt: String,
  },
  options,
);
userSchema.index({ sortKey: 1, _id: 1 });

const sessionSchema = new Schema(
  {
    _id: String,
    userId: { type: String, index: true },
    familyId: { type: String, index: true },
    tokenHash: { type: String, unique: true },
    sessionEpoch: Number,
    expiresAt: String,
    createdAt: String,
    rotatedAt: nullableString,
    revokedAt: nullableString,
    userAgent: nullableString,
    ip: nullableString,
  },
  options,
);

const eventSchema = new Schema(
  {
    _id: Number, // the seq
    type: String,
    entity: String,
    entityId: String,
    incidentId: nullableString,
    version: { type: Number, default: null },
    at: String,
    actorId: nullableString,
    data: { type: Schema.Types.Mixed, default: {} },
    // the catch-up feed's index: who may see this incident event now (mongo/eventScopes.ts)
    feedScopes: { type: [String], default: undefined },
  },
  options,
);
eventSchema.index({ entity: 1, entityId: 1, _id: 1 });
eventSchema.index({ feedScopes: 1, _id: 1 });

const incidentSchema = new Schema(
  {
    ...base,
    ...keys,
    code: { type: String, unique: true },
    agencyId: { type: String, index: true },
    reporter: { type: Schema.Types.Mixed },
    reportedVia: String,
    contact: { type: Schema.Types.Mixed, default: null },
    systemId: nullableString,
    systemName: nullableString,
    systemLevel: { type: Number, default: null },
    nationalCritical: Boolean,
    sector: nullableString,
    title: String,
    category: String,
    description: String,
    detectedAt: String,
    detectionMethod: nullableString,
    impacts: [String],
    indicators: { type: Schema.Types.Mixed, default: [] },
    actionsTaken: nullableString,
    supportRequested: Boolean,
    tlp: String,
    status: { type: String, index: true },
    severity: nullableString,
    serious: Boolean,
    seriousReasons: [String],
    seriousness: { type: Schema.Types.Mixed, default: null },
    lateReport: Boolean,
    reportedAt: String,
    routing: {
      teamId: nullableString,
      ruleId: nullableString,
      informedTeamIds: [String],
      assigneeIds: [String],
      teamIds: { type: [String], index: true },
      reasons: [String],
    },
    assigneeIds: [String],
    tags: [String],
    tasks: { type: Schema.Types.Mixed, default: [] },
    drill: { type: Schema.Types.Mixed, default: null },
    rejectionReason: nullableString,
    closingReport: { type: Schema.Types.Mixed, default: null },
    closureConfirmation: { type: Schema.Types.Mixed, default: null },
    statusChangedAt: String,
    slaDueAt: { type: String, default: null, index: true },
    createdAt: String,
    updatedAt: String,
  },
  options,
);
incidentSchema.index({ sortKey: 1, _id: 1 });
// One index per list filter, each ending in the keyset order (issue #11).
for (const field of ['agencyId', 'routing.teamIds', 'status', 'category', 'severity', 'serious', 'drill'])
  incidentSchema.index({ [field]: 1, sortKey: 1, _id: 1 });
incidentSchema.index({ reportedAt: 1 });

const idempotencySchema = new Schema(
  {
    _id: String,
    scope: String,
    key: String,
    requestHash: String,
    resourceId: String,
    status: Number,
    createdAt: String,
    response: Schema.Types.Mixed,
  },
  options,
);

const attachmentSchema = new Schema(
  {
    _id: String,
    incidentId: { type: String, index: true },
    fileName: String,
    storageKey: String,
    mediaType: String,
    size: Number,
    sha256: String,
    uploadedBy: String,
    createdAt: String,
  },
  options,
);

const apiKeySchema = new Schema(
  {
    _id: String,
    name: String,
    keyHash: { type: String, unique: true },
    prefix: String,
    agencyIds: [String],
    createdBy: String,
    createdAt: String,
    revokedAt: nullableString,
    lastUsedAt: nullableString,
  },
  options,
);

const commentSchema = new Schema(
  {
    _id: String,
    incidentId: { type: String, index: true },
    position: Number,
    authorId: String,
    authorName: String,
    visibility: String,
    body: String,
    createdAt: String,
  },
  options,
);

commentSchema.index({ incidentId: 1, position: 1 }, { unique: true });

const playbookSchema = new Schema({ _id: String, category: String, tasks: [String], updatedAt: String, updatedBy: String }, options);

const counterSchema = new Schema({ _id: String, seq: Number }, options);

// Search: a text index over the normalised search text (whole words, any order; no stemming).
for (const schema of [agencySchema, systemSchema, teamSchema, userSchema, incidentSchema])
  schema.index({ searchText: 'text' }, { default_language: 'none', language_override: 'searchLanguage' });

export function bindModels(conn: Connection) {
  return {
    Agency: conn.model('Agency', agencySchema, 'agencies'),
    Sector: conn.model('Sector', sectorSchema, 'sectors'),
    System: conn.model('System', systemSchema, 'systems'),
    Team: conn.model('Team', teamSchema, 'teams'),
    User: conn.model('User', userSchema, 'users'),
    Session: conn.model('Session', sessionSchema, 'sessions'),
    Event: conn.model('Event', eventSchema, 'events'),
    Counter: conn.model('Counter', counterSchema, 'counters'),
    Incident: conn.model('Incident', incidentSchema, 'incidents'),
    Idempotency: conn.model('Idempotency', idempotencySchema, 'idempotency_keys'),
    Attachment: conn.model('Attachment', attachmentSchema, 'attachments'),
    ApiKey: conn.model('ApiKey', apiKeySchema, 'api_keys'),
    Comment: conn.model('Comment', commentSchema, 'comments'),
    Playbook: conn.model('Playbook', playbookSchema, 'playbooks'),
    Drill: conn.model('Drill', drillSchema, 'drills'),
    DrillPlan: conn.model('DrillPlan', drillPlanSchema, 'drill_plans'),
    ...routingModels(conn),
    ...bindReportModels(conn),
    ...bindReportTypeModels(conn),
    ...bindNotifyModels(conn),
  };
}
export type Models = ReturnType<typeof bindModels>;
