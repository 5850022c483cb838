/**
 * Notifications (issue 8): the in-app inbox, each user's channel preferences, the
 * administrators' outgoing webhooks, and the durable outbox of e-mail and webhook deliveries
 * (retried with backoff, failures kept for the administrators' page).
 */
import type { PageQuery, PageResult } from './port.js';

export interface NotificationRecord {
  id: string;
  userId: string;
  /** What happened, one of NOTIFICATION_KINDS in shared. */
  kind: string;
  incidentId: string | null;
  /** A console path for a notification not about an incident (absent on older entries). */
  link?: string | null;
  /** A drill incident's notification: shown with the "DIỄN TẬP" / "DRILL" prefix. */
  drill: boolean;
  title: string;
  body: string;
  /** The domain event that caused it. */
  eventSeq: number;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferencesRecord {
  userId: string;
  /** `kind:channel` pairs the user turned off (serious-incident alerts are never muted). */
  muted: string[];
  updatedAt: string;
}

export interface WebhookRecord {
  id: string;
  name: string;
  url: string;
  /** Shared secret for the HMAC-SHA256 signature; never leaves the server after creation. */
  secret: string;
  eventTypes: string[];
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface DeliveryRecord {
  id: string;
  channel: DeliveryChannel;
  /** E-mail address or webhook id. */
  target: string;
  /** E-mail: `{ subject, text }`; webhook: the JSON body to sign and send. */
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationRepository {
  insert(n: NotificationRecord): Promise<void>;
  get(id: string): Promise<NotificationRecord | null>;
  /** A user's notifications, newest first. */
  listByUser(userId: string, query: PageQuery & { unread?: boolean }): Promise<PageResult<NotificationRecord>>;
  countUnread(userId: string): Promise<number>;
  /** Marks the given (or, with null, all) unread notifications of `userId` read; returns how many. */
  markRead(userId: string, ids: string[] | null, at: string): Promise<number>;
}

export interface NotificationPreferenceRepository {
  get(userId: string): Promise<NotificationPreferencesRecord | null>;
  upsert(p: NotificationPreferencesRecord): Promise<void>;
}

export interface WebhookRepository {
  insert(w: WebhookRecord): Promise<void>;
  update(w: WebhookRecord): Promise<void>;
  get(id: string): Promise<WebhookRecord | null>;
  list(): Promise<WebhookRecord[]>;
  remove(id: string): Promise<boolean>;
}

export interface DeliveryRepository {
  insert(d: DeliveryRecord): Promise<void>;
  get(id: string): Promise<DeliveryRecord | null>;
  /** Pending deliveries due at `now`, oldest first. */
  listDue(now: string, limit: number): Promise<DeliveryRecord[]>;
  /** The earliest time `listDue` would return something (null: nothing pending or sending). */
  nextDueAt(): Promise<string | null>;
  /**
   * Atomically moves a delivery from `pending` (attempt `attempts`) to `sending`, with a lease
   * until `leaseUntil`; false when another worker claimed it first. A `sending` delivery whose
   * lease ran out (the process died mid-send) counts as pending again.
   */
  claim(id: string, attempts: number, now: string, leaseUntil: string): Promise<boolean>;
  /** Records the outcome of a claimed attempt. */
  finish(d: DeliveryRecord): Promise<void>;
  list(query: PageQuery & { status?: DeliveryStatus }): Promise<PageResult<DeliveryRecord>>;
}
