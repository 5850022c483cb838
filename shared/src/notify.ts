/**
 * Notifications, SLA and audit (issue 8, part 2): the vocabulary and request schemas shared by
 * the hub and the console.
 */
import { z } from 'zod';
import { durationMs } from './durations.js';
import { SEVERITIES } from './incidents.js';
import { paginationQuery } from './schemas.js';
import type { ActorView } from './views.js';

/** What a notification is about; each user chooses the channels per kind. */
export const NOTIFICATION_KINDS = [
  'incident_created',
  'agency_question',
  'incident_closed',
  'mention',
  'serious',
  'sla_escalation',
  /** A reporting round's deadline is near and the agency has not submitted (not about an incident). */
  'report_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Serious-incident alerts reach coordinators and leaders whatever their preferences. */
export const UNMUTABLE_KINDS: readonly NotificationKind[] = ['serious'];

export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Socket event carrying a new notification to its recipient only. */
export const NOTIFICATION_SOCKET_EVENT = 'notification:new';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  incidentId: string | null;
  /** Where the console opens it when it is not about an incident (e.g. a reporting round). */
  link: string | null;
  /** Shown with the "DIỄN TẬP" / "DRILL" prefix. */
  drill: boolean;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListView {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

export interface NotificationPreferencesView {
  /** `kind:channel` pairs turned off. */
  muted: string[];
  unmutable: readonly string[];
}

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryView {
  id: string;
  channel: 'email' | 'webhook';
  target: string;
  subject: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface SlaPolicyView {
  scope: SlaScope;
  acknowledge: string | null;
  leaveTriage: string | null;
  contain: string | null;
  escalationDelay: string;
  version: number;
  updatedAt: string;
}

export interface AuditEntryView {
  seq: number;
  eventSeq: number;
  at: string;
  type: string;
  entity: string;
  entityId: string;
  incidentId: string | null;
  actor: ActorView | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditVerifyView {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
}

export const listNotificationsQuery = paginationQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const markNotificationsReadInput = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

const mutedPair = z
  .string()
  .refine((v) => {
    const [kind, channel] = v.split(':');
    return (
      (NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '') && (NOTIFICATION_CHANNELS as readonly string[]).includes(channel ?? '')
    );
  }, 'must be kind:channel')
  .refine((v) => !(UNMUTABLE_KINDS as readonly string[]).includes(v.split(':')[0] ?? ''), 'serious-incident alerts cannot be muted');

export const notificationPreferencesInput = z.strictObject({ muted: z.array(mutedPair).max(50) });

export const webhookInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** At least 16 characters: it signs every request. */
  secret: z.string().min(16).max(200),
  eventTypes: z
    .array(z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'must be an event name such as incident.created'))
    .min(1)
    .max(100),
  active: z.boolean().default(true),
});
export const webhookUpdateInput = webhookInput.partial().strict();

export const listDeliveriesQuery = paginationQuery.extend({ status: z.enum(['pending', 'sending', 'sent', 'failed']).optional() });

/** True for an ISO-8601 duration tinyduration can read and that is longer than zero. */
export function isPositiveDuration(value: string): boolean {
  try {
    return durationMs(value) > 0;
  } catch {
    return false;
  }
}

const duration = z.string().max(40).refine(isPositiveDuration, 'must be a positive ISO-8601 duration such as PT15M');

export const SLA_SCOPES = ['default', 'serious', ...SEVERITIES] as const;
export type SlaScope = (typeof SLA_SCOPES)[number];

export const slaPolicyInput = z.strictObject({
  scope: z.enum(SLA_SCOPES),
  acknowledge: duration.nullable(),
  leaveTriage: duration.nullable(),
  contain: duration.nullable(),
  /** At least a minute: each step must leave people time to act. */
  escalationDelay: duration.refine((v) => !isPositiveDuration(v) || durationMs(v) >= 60_000, 'must be at least PT1M'),
  /** The version you edited, to replace an existing policy (absent to create). */
  version: z.number().int().min(1).optional(),
});

export const auditQuery = paginationQuery.extend({
  type: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  incidentId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
