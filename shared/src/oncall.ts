/**
 * On-call rosters (R6: a named 24/7 contact for every team). A weekly rotation cycles
 * through its slots from `rotationStart`, each slot lasting one week; one-off overrides
 * (holidays, swaps) win over the rotation for their window. Pure and tested with instants.
 */
import { z } from 'zod';
import { idSchema, versionField } from './schemas.js';

const WEEK_MS = 7 * 86_400_000;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' });

export const onCallSlotSchema = z.strictObject({
  primaryUserId: idSchema,
  backupUserId: idSchema.nullable(),
});

export const onCallOverrideSchema = z
  .strictObject({
    from: instant,
    to: instant,
    primaryUserId: idSchema,
    backupUserId: idSchema.nullable(),
    reason: z.string().trim().min(2).max(300),
  })
  .refine((o) => new Date(o.from).getTime() < new Date(o.to).getTime(), { message: 'must end after it starts', path: ['to'] });

export const setOnCallRosterInput = z.strictObject({
  /** Null for a roster not yet saved. */
  version: versionField.nullable(),
  /** When week 1 of the rotation starts (the handover instant, e.g. Monday 08:00 +07:00). */
  rotationStart: instant,
  weeks: z.array(onCallSlotSchema).max(52),
  overrides: z.array(onCallOverrideSchema).max(200).default([]),
});
export type SetOnCallRosterInput = z.infer<typeof setOnCallRosterInput>;

export interface OnCallSlot {
  primaryUserId: string;
  backupUserId: string | null;
}
export interface OnCallOverride extends OnCallSlot {
  from: string;
  to: string;
  reason: string;
}
export interface RosterLike {
  rotationStart: string;
  weeks: readonly OnCallSlot[];
  overrides: readonly OnCallOverride[];
}

export interface OnCallNow {
  primaryUserId: string | null;
  backupUserId: string | null;
  /** Where the answer came from: an override, week N of the rotation, or nothing. */
  source: 'override' | 'rotation' | 'none';
  /** The 0-based rotation week, when from the rotation. */
  week: number | null;
  /** When this answer stops being true (next handover or override boundary), if known. */
  until: string | null;
}

/** Who is on call at `at`: the last-listed override covering it, else the rotation's week. */
export function onCallAt(roster: RosterLike | null, at: Date): OnCallNow {
  const none: OnCallNow = { primaryUserId: null, backupUserId: null, source: 'none', week: null, until: null };
  if (!roster) return none;
  const t = at.getTime();
  for (let i = roster.overrides.length - 1; i >= 0; i--) {
    const o = roster.overrides[i]!;
    if (new Date(o.from).getTime() <= t && t < new Date(o.to).getTime())
      return { primaryUserId: o.primaryUserId, backupUserId: o.backupUserId, source: 'override', week: null, until: o.to };
  }
  const start = new Date(roster.rotationStart).getTime();
  if (roster.weeks.length === 0 || t < start) return none;
  const elapsedWeeks = Math.floor((t - start) / WEEK_MS);
  const week = elapsedWeeks % roster.weeks.length;
  const slot = roster.weeks[week]!;
  const handover = start + (elapsedWeeks + 1) * WEEK_MS;
  const nextOverride = roster.overrides
    .map((o) => new Date(o.from).getTime())
    .filter((from) => from > t && from < handover)
    .sort((a, b) => a - b)[0];
  return {
    primaryUserId: slot.primaryUserId,
    backupUserId: slot.backupUserId,
    source: 'rotation',
    week,
    until: new Date(nextOverride ?? handover).toISOString(),
  };
}

export interface OnCallRosterView extends RosterLike {
  teamId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
