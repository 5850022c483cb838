/** Mongoose schemas of the drill collections: the record as one document beside the queried fields. */
import { Schema } from 'mongoose';

const options = { versionKey: false as const, timestamps: false as const, strict: 'throw' as const, minimize: false as const };

export const drillSchema = new Schema(
  {
    _id: { type: String, required: true },
    sortKey: { type: String, required: true },
    year: { type: Number, required: true },
    status: { type: String, required: true },
    nextDueAt: { type: String, default: null },
    version: { type: Number, required: true },
    doc: { type: Schema.Types.Mixed, required: true },
  },
  options,
);
drillSchema.index({ year: 1, sortKey: 1, _id: 1 });
drillSchema.index({ sortKey: 1, _id: 1 });
drillSchema.index({ status: 1, nextDueAt: 1 });

export const drillPlanSchema = new Schema({ _id: Number, doc: { type: Schema.Types.Mixed, required: true } }, options);
