/**
 * Drills (diễn tập, rule R4 and §6 of the domain brief): the request schemas shared by the
 * API and the console, the phase machine, and the inject offset maths (ISO-8601 durations).
 */
import { z } from 'zod';
import { durationMs } from './durations.js';
import { createIncidentInput } from './incidentSchemas.js';
import { idSchema, paginationQuery, versionField } from './schemas.js';

export const DRILL_TYPES = ['tabletop', 'live_fire', 'combined'] as const;
export type DrillType = (typeof DRILL_TYPES)[number];

/**
 * planned (preparation) → running ⇄ paused → evaluation → closed. External drills are
 * recorded straight into `closed`: they were held elsewhere.
 */
export const DRILL_STATUSES = ['planned', 'running', 'paused', 'evaluation', 'closed'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** The four phases the plans speak of, per status. */
export const DRILL_PHASE_OF: Record<DrillStatus, 'preparation' | 'run' | 'evaluation' | 'closed'> = {
  planned: 'preparation',
  running: 'run',
  paused: 'run',
  evaluation: 'evaluation',
  closed: 'closed',
};

export const DRILL_ACTIONS = ['start', 'pause', 'resume', 'end', 'close'] as const;
export type DrillAction = (typeof DRILL_ACTIONS)[number];

const DRILL_MOVES: Record<DrillAction, { from: readonly DrillStatus[]; to: DrillStatus }> = {
  start: { from: ['planned'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  end: { from: ['running', 'paused'], to: 'evaluation' },
  close: { from: ['evaluation'], to: 'closed' },
};

/** The status a drill moves to, or null when the action is not allowed from `status`. */
export function drillMove(status: DrillStatus, action: DrillAction): DrillStatus | null {
  const move = DRILL_MOVES[action];
  return move.from.includes(status) ? move.to : null;
}

/** A drill has "taken place" (counts for R4) once it was started; external ones always. */
export const drillWasHeld = (status: DrillStatus) => status !== 'planned';

const offsetSchema = z
  .string()
  .max(40)
  .refine(
    (v) => {
      try {
        return durationMs(v) >= 0 && durationMs(v) <= 30 * 86_400_000;
      } catch {
        return false;
      }
    },
    { message: 'must be an ISO-8601 duration such as PT10M (at most 30 days, no years or months)' },
  );

const text = (max: number) => z.string().trim().max(max);
const title = text(300).min(2, 'must be at least 2 characters');

/** The incident an inject creates: the intake report without the agency and detection time, which the inject supplies. */
export const injectIncidentTemplate = createIncidentInput.omit({ agencyId: true, detectedAt: true }).extend({
  agencyId: idSchema.optional(),
});

export const injectInput = z
  .strictObject({
    /** Kept when a drill is edited or copied; generated otherwise. */
    id: idSchema.optional(),
    title: text(300).optional(),
    offset: offsetSchema,
    target: z.strictObject({ teamId: idSchema.nullable().optional(), agencyId: idSchema.nullable().optional() }).default({}),
    /** A scenario incident; absent for a message-only inject ("the press is calling"). */
    incident: injectIncidentTemplate.nullable().optional(),
    message: text(5000).nullable().optional(),
  })
  .refine((i) => i.incident || i.message, { message: 'an inject needs an incident or a message', path: ['incident'] })
  .refine((i) => !i.incident || i.incident.agencyId || i.target.agencyId, {
    message: 'an incident inject needs a target agency',
    path: ['target', 'agencyId'],
  });
export type InjectInput = z.infer<typeof injectInput>;

export const objectiveInput = z.strictObject({ id: idSchema.optional(), title, description: text(2000).nullable().optional() });

/** The scale evaluators score objectives on, set per drill (default 1-4). */
export const rubricLevelInput = z.strictObject({ score: z.number().int().min(0).max(10), label: text(200).min(1) });
export const DEFAULT_RUBRIC = [
  { score: 1, label: 'Chưa đạt' },
  { score: 2, label: 'Đạt một phần' },
  { score: 3, label: 'Đạt' },
  { score: 4, label: 'Tốt' },
];

export const participantInput = z
  .strictObject({
    id: idSchema.optional(),
    agencyId: idSchema.nullable().optional(),
    teamId: idSchema.nullable().optional(),
    name: text(200).min(2),
    position: text(200).nullable().optional(),
    /** Leaders and staff (R4: agencies send both). */
    role: z.enum(['leader', 'staff']).default('staff'),
    attended: z.boolean().default(false),
  })
  .refine((p) => p.agencyId || p.teamId, { message: 'a participant comes from an agency or a team', path: ['agencyId'] });

const drillFields = {
  name: title,
  year: z.number().int().min(2000).max(2100),
  type: z.enum(DRILL_TYPES),
  scenario: text(20_000).default(''),
  objectives: z.array(objectiveInput).max(50).default([]),
  rubric: z.array(rubricLevelInput).min(2).max(11).optional(),
  scheduledStart: z.iso.datetime({ offset: true }).nullable().optional(),
  sectorCodes: z.array(z.string().max(50)).max(20).default([]),
  participatingAgencyIds: z.array(idSchema).max(1000).default([]),
  teamIds: z.array(idSchema).max(100).default([]),
  evaluatorIds: z.array(idSchema).max(100).default([]),
  participants: z.array(participantInput).max(2000).default([]),
  injects: z.array(injectInput).max(200).default([]),
};

export const createDrillInput = z.strictObject(drillFields);
export type CreateDrillInput = z.infer<typeof createDrillInput>;

export const drillActionInput = z.strictObject({ version: versionField.optional() });

export const copyDrillInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: title.optional(),
  scheduledStart: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const setParticipantsInput = z.strictObject({ participants: z.array(participantInput).max(2000), version: versionField });

export const scoreInput = z.strictObject({
  objectiveId: idSchema,
  score: z.number().int().min(0).max(10),
  comment: text(2000).nullable().optional(),
});

export const observationInput = z.strictObject({
  text: text(5000).min(2),
  injectId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
});

export const lessonInput = z.strictObject({
  title: text(1000).min(2),
  ownerName: text(200).min(2),
  ownerAgencyId: idSchema.nullable().optional(),
  dueDate: z.iso.date(),
});

export const updateLessonInput = z.strictObject({
  status: z.enum(['open', 'done']).optional(),
  ownerName: text(200).min(2).optional(),
  dueDate: z.iso.date().optional(),
  note: text(2000).nullable().optional(),
});

export const externalDrillInput = z.strictObject({
  name: title,
  year: z.number().int().min(2000).max(2100),
  date: z.iso.date(),
  organizer: text(300).min(2),
  type: z.enum(DRILL_TYPES).default('combined'),
  participatingAgencyIds: z.array(idSchema).max(1000).default([]),
  results: z
    .array(
      z.strictObject({
        agencyId: idSchema,
        score: z.number().min(0).max(1000),
        rank: z.number().int().min(1).max(10_000).nullable().optional(),
        findings: text(5000).nullable().optional(),
      }),
    )
    .max(1000)
    .default([]),
});
export type ExternalDrillInput = z.infer<typeof externalDrillInput>;

export const listDrillsQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const drillPlanInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        title,
        month: z.number().int().min(1).max(12),
        type: z.enum(DRILL_TYPES),
        sectorCodes: z.array(z.string().max(50)).max(20).default([]),
        drillId: idSchema.nullable().optional(),
      }),
    )
    .max(100),
});

export const yearParam = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
