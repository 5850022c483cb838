import type { DeliveryView, NotificationKind, NotificationView, WebhookView } from '@cert-hub/shared';
import type { DeliveryRecord, NotificationRecord, WebhookRecord } from '../store/port.js';

export const presentNotification = (n: NotificationRecord): NotificationView => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  incidentId: n.incidentId,
  link: n.link ?? null,
  drill: n.drill,
  title: n.title,
  body: n.body,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

/** The secret is never shown again after it is set. */
export const presentWebhook = (w: WebhookRecord): WebhookView => ({
  id: w.id,
  name: w.name,
  url: w.url,
  eventTypes: w.eventTypes,
  active: w.active,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export const presentDelivery = (d: DeliveryRecord): DeliveryView => ({
  id: d.id,
  channel: d.channel,
  target: d.target,
  subject: typeof d.payload.subject === 'string' ? d.payload.subject : typeof d.payload.type === 'string' ? d.payload.type : null,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  lastError: d.lastError,
  createdAt: d.createdAt,
  sentAt: d.sentAt,
});
