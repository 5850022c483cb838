/** The routing fields that leave the server. */
import type { RoutingRuleView, UpwardNotificationView } from '@cert-hub/shared';
import type { RoutingRuleRecord, UpwardNotificationRecord } from '../store/port.js';

export const presentRule = (r: RoutingRuleRecord): RoutingRuleView => ({
  id: r.id,
  position: r.position,
  name: r.name,
  description: r.description,
  enabled: r.enabled,
  conditions: structuredClone(r.conditions),
  actions: structuredClone(r.actions),
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const presentUpward = (n: UpwardNotificationRecord): UpwardNotificationView => ({
  id: n.id,
  incidentId: n.incidentId,
  recipientKind: n.recipientKind,
  recipientTeamId: n.recipientTeamId,
  recipientName: n.recipientName,
  status: n.status,
  channel: n.channel,
  sentAt: n.sentAt,
  sentBy: n.sentBy,
  documentNumber: n.documentNumber,
  content: n.content,
  tlp: n.tlp,
  acknowledgedAt: n.acknowledgedAt,
  acknowledgement: n.acknowledgement,
  followUps: n.followUps.map((f) => ({ at: f.at, by: f.by, note: f.note })),
  version: n.version,
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
});
