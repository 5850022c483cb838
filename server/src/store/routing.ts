/** Store records for routing rules and the upward notifications of serious incidents. */
import type { RoutingActions, RoutingConditions, UpwardChannel, Tlp } from '@cert-hub/shared';

export interface RoutingRuleRecord {
  id: string;
  /** 0-based place in the ordered list; the first matching rule wins. */
  position: number;
  name: string;
  description: string | null;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RoutingRuleRepository {
  insert(rule: RoutingRuleRecord): Promise<void>;
  update(rule: RoutingRuleRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<RoutingRuleRecord | null>;
  /** Every rule in order (position, then id). */
  list(): Promise<RoutingRuleRecord[]>;
  delete(id: string): Promise<boolean>;
}

export interface UpwardNotificationRecord {
  id: string;
  incidentId: string;
  recipientKind: 'national_body' | 'provincial_leadership';
  recipientTeamId: string | null;
  recipientName: string;
  status: 'prepared' | 'sent' | 'acknowledged';
  channel: UpwardChannel | null;
  sentAt: string | null;
  sentBy: string | null;
  documentNumber: string | null;
  content: string | null;
  tlp: Tlp;
  acknowledgedAt: string | null;
  acknowledgement: string | null;
  followUps: { at: string; by: string; note: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UpwardNotificationRepository {
  insert(notification: UpwardNotificationRecord): Promise<void>;
  update(notification: UpwardNotificationRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<UpwardNotificationRecord | null>;
  /** An incident's notifications, oldest first. */
  listByIncident(incidentId: string): Promise<UpwardNotificationRecord[]>;
}
