/**
 * Mongoose models for the scale-out adapter. `_id` is the same string id the SQLite adapter
 * uses, and each record carries the derived `sortKey`/`searchText` the list queries need.
 * Models are bound to one connection (no global mongoose singleton).
 */
import { Schema, type Connection } from 'mongoose';

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
  },
  options,
);
eventSchema.index({ entity: 1, entityId: 1, _id: 1 });

const counterSchema = new Schema({ _id: String, seq: Number }, options);

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
  };
}
export type Models = ReturnType<typeof bindModels>;
