/** Request schemas for incidents, shared by the API and the console's report form. */
import { z } from 'zod';
import { incidentListView } from './incidentCard.js';
import { IMPACTS, INCIDENT_CATEGORY_CODES, INCIDENT_STATUSES, SEVERITIES, TLP_LEVELS } from './incidents.js';
import { ISSUE } from './issues.js';
import { domainSchema, idSchema, paginationQuery, phoneSchema } from './schemas.js';

const hex = (length: number, code: typeof ISSUE.md5 | typeof ISSUE.sha1 | typeof ISSUE.sha256) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(new RegExp(`^[0-9a-f]{${length}}$`), code);

/** An indicator of compromise, checked for its type. */
export const indicatorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ip'), value: z.union([z.ipv4(), z.ipv6()], { error: ISSUE.ip_address }) }),
  z.strictObject({ type: z.literal('domain'), value: domainSchema }),
  z.strictObject({
    type: z.literal('url'),
    value: z.url({ protocol: /^(https?|ftp)$/, error: ISSUE.web_url }).max(2048),
  }),
  z.strictObject({ type: z.literal('md5'), value: hex(32, ISSUE.md5) }),
  z.strictObject({ type: z.literal('sha1'), value: hex(40, ISSUE.sha1) }),
  z.strictObject({ type: z.literal('sha256'), value: hex(64, ISSUE.sha256) }),
  z.strictObject({ type: z.literal('email'), value: z.email().max(254) }),
]);
export type IndicatorInput = z.infer<typeof indicatorSchema>;

const longText = (max: number) => z.string().trim().max(max);

export const createIncidentInput = z.strictObject({
  agencyId: idSchema,
  systemId: idSchema.nullable().optional(),
  systemName: longText(300).nullable().optional(),
  systemLevel: z.number().int().min(1).max(5).nullable().optional(),
  nationalCritical: z.boolean().optional(),
  sector: z.string().max(50).nullable().optional(),
  title: longText(300).min(5),
  category: z.enum(INCIDENT_CATEGORY_CODES),
  description: longText(20_000).min(10),
  detectedAt: z.iso.datetime({ offset: true, error: ISSUE.date_time_with_zone }),
  detectionMethod: longText(2000).nullable().optional(),
  impacts: z.array(z.enum(IMPACTS)).max(IMPACTS.length).default([]),
  indicators: z.array(indicatorSchema).max(200).default([]),
  actionsTaken: longText(10_000).nullable().optional(),
  supportRequested: z.boolean().default(false),
  /** R2 (c): can the agency control and handle it on its own? null/absent: not answered. */
  canHandleAlone: z.boolean().nullable().optional(),
  /** It may exceed the agency's capacity: an emergency report, made at once (R1). */
  mayExceedCapacity: z.boolean().optional(),
  tlp: z.enum(TLP_LEVELS).default('amber'),
  /** Who to call back, when it is not the signed-in focal point (phone reports, machine sources). */
  contact: z
    .strictObject({ name: longText(200).min(2), phone: phoneSchema, email: z.email().max(254).nullable().optional() })
    .nullable()
    .optional(),
});
export type CreateIncidentInput = z.infer<typeof createIncidentInput>;

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listIncidentsQuery = paginationQuery.extend({
  status: z.enum(INCIDENT_STATUSES).optional(),
  /** Only the open ones (received … recovery): what the live board shows. */
  open: boolString.optional(),
  assigneeId: idSchema.optional(),
  agencyId: idSchema.optional(),
  teamId: idSchema.optional(),
  category: z.enum(INCIDENT_CATEGORY_CODES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  serious: boolString.optional(),
  drill: boolString.optional(),
  /** Only incidents past their SLA due time (the board's "overdue" filter). */
  overdue: boolString.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().max(200).optional(),
  /** `card`: the board's compact projection (IncidentCardView) instead of full incidents. */
  view: incidentListView.optional(),
});

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, ISSUE.idempotency_key);

export const createApiKeyInput = z.strictObject({
  name: longText(200).min(2),
  agencyIds: z.array(idSchema).min(1).max(500),
});

export const commentInput = z.strictObject({
  body: longText(10_000).min(1),
  /** `agency`: the reporting agency sees it (questions and replies); `internal`: responders only. */
  visibility: z.enum(['agency', 'internal']).default('internal'),
});

export const confirmClosureInput = z.strictObject({
  version: z.number().int().min(1),
  note: longText(2000).nullable().optional(),
});

export const closingReportInput = z.strictObject({
  rootCause: longText(10_000).min(3),
  actionsTaken: longText(10_000).min(3),
  damage: longText(10_000).min(1),
  recoveryTime: longText(500).min(1),
  recommendations: longText(10_000).min(1),
});

export const transitionInput = z.strictObject({
  to: z.enum(INCIDENT_STATUSES),
  version: z.number().int().min(1),
  reason: longText(2000).min(3).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(INCIDENT_CATEGORY_CODES).optional(),
  closingReport: closingReportInput.optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const updateIncidentInput = z.strictObject({
  version: z.number().int().min(1),
  title: longText(300).min(5).optional(),
  severity: z.enum(SEVERITIES).nullable().optional(),
  category: z.enum(INCIDENT_CATEGORY_CODES).optional(),
  assigneeIds: z.array(idSchema).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentInput>;

export const eventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  /** `card`: each event carries the board's card of its incident instead of the whole incident. */
  view: incidentListView.default('full'),
});

export const setPlaybookInput = z.strictObject({
  tasks: z.array(z.string().trim().min(2).max(300)).min(1).max(50),
});

export const addTaskInput = z.strictObject({ title: z.string().trim().min(2).max(300), version: z.number().int().min(1) });
export const setTaskInput = z.strictObject({ done: z.boolean(), version: z.number().int().min(1) });
