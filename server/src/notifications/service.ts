/**
 * Notifications (issue 8): reacts to committed domain events on the bus (never called by the
 * services that change incidents), writes each recipient's inbox entry with a
 * `notification.created` event (pushed live to that user only), and queues e-mails and signed
 * webhooks in the durable outbox the delivery worker sends and retries.
 */
import type { z } from 'zod';
import {
  EVENTS,
  UNMUTABLE_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type listDeliveriesQuery,
  type listNotificationsQuery,
  type markNotificationsReadInput,
  type notificationPreferencesInput,
  type webhookInput,
  type webhookUpdateInput,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { GroupedDrain } from '../platform/drain.js';
import { commit, type RecordEvent, type ServiceDeps } from '../platform/unitOfWork.js';
import type { DeliveryRecord, EventRecord, NotificationRecord, PageResult, Repositories, WebhookRecord } from '../store/port.js';
import { presentNotification } from './presenter.js';
import { plansFor, type NotificationPlan } from './recipients.js';

export const DRILL_PREFIX = 'DIỄN TẬP / DRILL';

/** Events whose recipients are read in one turn of the event loop (outside any transaction). */
const PLANS_PER_TURN = 8;

const KIND_LABELS: Record<NotificationKind, string> = {
  incident_created: 'Sự cố mới / New incident',
  agency_question: 'CERT đặt câu hỏi / Question from the CERT',
  incident_closed: 'Sự cố đã đóng / Incident closed',
  mention: 'Bạn được nhắc đến / You were mentioned',
  serious: 'SỰ CỐ NGHIÊM TRỌNG / SERIOUS INCIDENT',
  sla_escalation: 'Quá hạn xử lý / Response overdue',
  report_reminder: 'Nhắc nộp báo cáo / Report reminder',
};

/** A notification not about an incident, written by the service that decides it is due. */
export interface DirectNotification {
  kind: NotificationKind;
  userIds: string[];
  title: string;
  body: string;
  /** The console path it opens, e.g. `/reports/<round id>`. */
  link: string;
  /** The domain event that caused it, recorded in the same transaction. */
  eventSeq: number;
}

export interface NotificationSettings {
  /** E-mail is queued only when SMTP is configured. */
  emailEnabled: boolean;
  /** Links in e-mails point here. */
  publicUrl: string | undefined;
}

const isAdmin = (a: Actor) => a.role === 'admin';

export class NotificationService {
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly settings: NotificationSettings,
  ) {}

  /**
   * Calls `listener` after deliveries were queued or re-queued: the scheduler then re-reads the
   * outbox's due time (a webhook-only delivery records no event that could wake it).
   */
  onDeliveriesQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  private deliveriesQueued(): void {
    for (const listener of this.queuedListeners) listener();
  }

  /**
   * Follows the bus, in commit order: the events that arrived while the previous group was
   * handled are handled together, with one transaction for all their notifications.
   */
  attach(bus: EventBus, logger: Logger): () => void {
    const drain = new GroupedDrain<EventRecord>(
      (events) => this.handleAll(events),
      (error, event) => logger.error({ err: error, seq: event.seq }, 'could not notify'),
    );
    return bus.subscribe((event) => drain.push(event));
  }

  async handle(event: EventRecord): Promise<void> {
    await this.handleAll([event]);
  }

  private async handleAll(events: EventRecord[]): Promise<void> {
    const store = this.deps.store;
    const activeWebhooks = (await store.webhooks.list()).filter((w) => w.active);
    const work: { event: EventRecord; plans: NotificationPlan[]; webhooks: WebhookRecord[] }[] = [];
    for (const [i, event] of events.entries()) {
      // Reading the recipients of a whole group is long: let the event loop turn between a few.
      if (i > 0 && i % PLANS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      // Our own events only feed webhooks: a notification never notifies anyone again.
      const plans = event.type === EVENTS.notificationCreated ? [] : await plansFor(store, event);
      const webhooks = activeWebhooks.filter((w) => w.eventTypes.includes(event.type));
      if (plans.length > 0 || webhooks.length > 0) work.push({ event, plans, webhooks });
    }
    if (work.length === 0) return;
    const queued = await commit(this.deps, null, async (tx, record, at) => {
      let deliveries = 0;
      for (const { event, plans, webhooks } of work) {
        for (const webhook of webhooks) {
          await this.queueWebhook(tx, webhook, event, at);
          deliveries += 1;
        }
        for (const plan of plans) {
          for (const userId of plan.userIds) {
            const user = await tx.users.get(userId);
            if (!user || user.disabled) continue;
            const wants = await this.channelsOf(tx, userId, plan.kind);
            const notification = this.build(plan, userId, event, at);
            if (wants.has('in_app')) {
              await tx.notifications.insert(notification);
              await record({
                type: EVENTS.notificationCreated,
                entity: 'notification',
                entityId: notification.id,
                data: { userId, kind: plan.kind, incidentId: plan.incident.id, notification: presentNotification(notification) },
              });
            }
            if (wants.has('email') && this.settings.emailEnabled && user.email) {
              await tx.deliveries.insert(this.email(user.email, notification, at));
              deliveries += 1;
            }
          }
        }
      }
      return deliveries;
    });
    if (queued > 0) this.deliveriesQueued();
  }

  /**
   * Writes a notification inside the caller's transaction: the inbox entry (pushed live after
   * the commit) and the queued e-mail, each as the recipient's preferences allow. Committing
   * with the change that made it due is what makes it happen exactly once: a retried or
   * restarted run finds that change done and writes nothing.
   */
  async notifyInTx(tx: Repositories, record: RecordEvent, at: string, n: DirectNotification): Promise<number> {
    let reached = 0;
    for (const userId of new Set(n.userIds)) {
      const user = await tx.users.get(userId);
      if (!user || user.disabled) continue;
      const wants = await this.channelsOf(tx, userId, n.kind);
      const notification: NotificationRecord = {
        id: this.deps.ids(),
        userId,
        kind: n.kind,
        incidentId: null,
        link: n.link,
        drill: false,
        title: n.title,
        body: n.body,
        eventSeq: n.eventSeq,
        createdAt: at,
        readAt: null,
      };
      if (wants.has('in_app')) {
        await tx.notifications.insert(notification);
        await record({
          type: EVENTS.notificationCreated,
          entity: 'notification',
          entityId: notification.id,
          data: { userId, kind: n.kind, incidentId: null, notification: presentNotification(notification) },
        });
      }
      if (wants.has('email') && this.settings.emailEnabled && user.email)
        await tx.deliveries.insert(this.email(user.email, notification, at));
      if (wants.size > 0) reached += 1;
    }
    return reached;
  }

  private build(plan: NotificationPlan, userId: string, event: EventRecord, at: string): NotificationRecord {
    return {
      id: this.deps.ids(),
      userId,
      kind: plan.kind,
      incidentId: plan.incident.id,
      drill: plan.incident.drill !== null,
      title: `${plan.incident.code} — ${plan.incident.title}`,
      body: plan.detail,
      eventSeq: event.seq,
      createdAt: at,
      readAt: null,
    };
  }

  private async channelsOf(tx: Repositories, userId: string, kind: NotificationKind): Promise<Set<NotificationChannel>> {
    const all = new Set<NotificationChannel>(['in_app', 'email']);
    if (UNMUTABLE_KINDS.includes(kind)) return all;
    const prefs = await tx.notificationPreferences.get(userId);
    for (const pair of prefs?.muted ?? []) {
      const [mutedKind, channel] = pair.split(':');
      if (mutedKind === kind) all.delete(channel as NotificationChannel);
    }
    return all;
  }

  private email(to: string, n: NotificationRecord, at: string): DeliveryRecord {
    const prefix = n.drill ? `[${DRILL_PREFIX}] ` : '';
    const path = n.incidentId ? `/incidents/${n.incidentId}` : (n.link ?? null);
    const link = this.settings.publicUrl && path ? `\n\n${this.settings.publicUrl.replace(/\/$/, '')}${path}` : '';
    return {
      id: this.deps.ids(),
      channel: 'email',
      target: to,
      payload: {
        subject: `${prefix}[CERT Hub] ${KIND_LABELS[n.kind as NotificationKind]}: ${n.title}`,
        text: `${prefix}${KIND_LABELS[n.kind as NotificationKind]}\n${n.title}\n\n${n.body}${link}`,
      },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
      sentAt: null,
    };
  }

  private async queueWebhook(tx: Repositories, webhook: WebhookRecord, event: EventRecord, at: string) {
    await tx.deliveries.insert({
      id: this.deps.ids(),
      channel: 'webhook',
      target: webhook.id,
      payload: {
        seq: event.seq,
        type: event.type,
        entity: event.entity,
        entityId: event.entityId,
        incidentId: event.incidentId,
        at: event.at,
        data: event.data,
      },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
      sentAt: null,
    });
  }

  // ---- the inbox ----

  async list(actor: Actor, query: z.infer<typeof listNotificationsQuery>): Promise<PageResult<NotificationRecord> & { unread: number }> {
    const page = await this.deps.store.notifications.listByUser(actor.id, query);
    return { ...page, unread: await this.deps.store.notifications.countUnread(actor.id) };
  }

  async markRead(actor: Actor, input: z.infer<typeof markNotificationsReadInput>): Promise<{ unread: number }> {
    const at = this.deps.clock.now().toISOString();
    // Read marks are the user's own bookkeeping, not a domain change: no event, no audit entry.
    await this.deps.store.notifications.markRead(actor.id, 'ids' in input ? input.ids : null, at);
    return { unread: await this.deps.store.notifications.countUnread(actor.id) };
  }

  async preferences(actor: Actor): Promise<string[]> {
    return (await this.deps.store.notificationPreferences.get(actor.id))?.muted ?? [];
  }

  async setPreferences(actor: Actor, input: z.infer<typeof notificationPreferencesInput>): Promise<string[]> {
    const muted = [...new Set(input.muted)].sort();
    await this.deps.store.notificationPreferences.upsert({ userId: actor.id, muted, updatedAt: this.deps.clock.now().toISOString() });
    return muted;
  }

  // ---- webhooks (administrators) ----

  async listWebhooks(actor: Actor): Promise<WebhookRecord[]> {
    if (!isAdmin(actor)) throw forbidden();
    return this.deps.store.webhooks.list();
  }

  async createWebhook(actor: Actor, input: z.infer<typeof webhookInput>): Promise<WebhookRecord> {
    if (!isAdmin(actor)) throw forbidden();
    return commit(this.deps, actor, async (tx, record, at) => {
      const webhook: WebhookRecord = { id: this.deps.ids(), ...input, createdBy: actor.id, createdAt: at, updatedAt: at };
      await tx.webhooks.insert(webhook);
      await record({
        type: EVENTS.webhookCreated,
        entity: 'webhook',
        entityId: webhook.id,
        data: { name: input.name, url: input.url, eventTypes: input.eventTypes },
      });
      return webhook;
    });
  }

  async updateWebhook(actor: Actor, id: string, input: z.infer<typeof webhookUpdateInput>): Promise<WebhookRecord> {
    if (!isAdmin(actor)) throw forbidden();
    return commit(this.deps, actor, async (tx, record, at) => {
      const current = await tx.webhooks.get(id);
      if (!current) throw notFound('Webhook');
      const next: WebhookRecord = {
        ...current,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        updatedAt: at,
      };
      await tx.webhooks.update(next);
      const { secret: _secret, ...visible } = input;
      await record({
        type: EVENTS.webhookUpdated,
        entity: 'webhook',
        entityId: id,
        data: { changes: visible, secretChanged: input.secret !== undefined },
      });
      return next;
    });
  }

  async deleteWebhook(actor: Actor, id: string): Promise<void> {
    if (!isAdmin(actor)) throw forbidden();
    await commit(this.deps, actor, async (tx, record) => {
      if (!(await tx.webhooks.remove(id))) throw notFound('Webhook');
      await record({ type: EVENTS.webhookDeleted, entity: 'webhook', entityId: id });
    });
  }

  // ---- the outbox (administrators) ----

  async deliveries(actor: Actor, query: z.infer<typeof listDeliveriesQuery>): Promise<PageResult<DeliveryRecord>> {
    if (!isAdmin(actor)) throw forbidden();
    return this.deps.store.deliveries.list(query);
  }

  /** Sends a failed delivery again at once (its attempts start over). */
  async retryDelivery(actor: Actor, id: string): Promise<DeliveryRecord> {
    if (!isAdmin(actor)) throw forbidden();
    const current = await this.deps.store.deliveries.get(id);
    if (!current) throw notFound('Delivery');
    if (current.status !== 'failed') throw unprocessable('Only a failed delivery can be retried');
    const next: DeliveryRecord = { ...current, status: 'pending', attempts: 0, nextAttemptAt: this.deps.clock.now().toISOString() };
    await this.deps.store.deliveries.finish(next);
    this.deliveriesQueued();
    return next;
  }
}
