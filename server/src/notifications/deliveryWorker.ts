/**
 * Sends the outbox: every pending e-mail and webhook due by the clock, claimed atomically so
 * that two workers (or two hub nodes) never send one twice. A failure is retried with
 * exponential backoff; after the last attempt the delivery stays `failed` for the admins' page.
 */
import type { Logger } from '../platform/logger.js';
import type { ScheduledJob } from '../platform/scheduler.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { DeliveryRecord, DeliveryRepository } from '../store/port.js';
import { postWebhook, type Mailer } from './channels.js';

export interface DeliveryPolicy {
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** How long a claimed delivery is held before another worker may take it (a crash mid-send). */
  leaseMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, leaseMs: 120_000 };

export class DeliveryWorker {
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly mailer: Mailer | null,
    private readonly logger: Logger,
    private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  ) {}

  /** Sends what is due; overlapping calls share one run. */
  runDue(): Promise<void> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    const store = this.deps.store;
    for (;;) {
      const now = this.deps.clock.now();
      const due = await store.deliveries.listDue(now.toISOString(), 20);
      if (due.length === 0) return;
      let claimedAny = false;
      for (const delivery of due) {
        const leaseUntil = new Date(now.getTime() + this.policy.leaseMs).toISOString();
        if (!(await store.deliveries.claim(delivery.id, delivery.attempts, now.toISOString(), leaseUntil))) continue;
        claimedAny = true;
        await store.deliveries.finish(await this.attempt(delivery));
      }
      if (!claimedAny) return;
    }
  }

  private async attempt(delivery: DeliveryRecord): Promise<DeliveryRecord> {
    const attempts = delivery.attempts + 1;
    try {
      await this.send(delivery);
      return { ...delivery, status: 'sent', attempts, lastError: null, sentAt: this.deps.clock.now().toISOString() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, attempts, err: message }, 'delivery failed');
      const failed = attempts >= this.policy.maxAttempts;
      const wait = this.policy.baseDelayMs * 2 ** (attempts - 1);
      return {
        ...delivery,
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: message.slice(0, 500),
        nextAttemptAt: new Date(this.deps.clock.now().getTime() + wait).toISOString(),
      };
    }
  }

  private async send(delivery: DeliveryRecord): Promise<void> {
    if (delivery.channel === 'email') {
      if (!this.mailer) throw new Error('SMTP is not configured');
      const { subject, text } = delivery.payload as { subject: string; text: string };
      await this.mailer.send(delivery.target, subject, text);
      return;
    }
    const webhook = await this.deps.store.webhooks.get(delivery.target);
    if (!webhook) throw new Error('webhook deleted');
    await postWebhook(webhook.url, webhook.secret, JSON.stringify(delivery.payload), this.deps.clock.now());
  }
}

/**
 * The outbox as a job of the hub scheduler. Deliveries are queued by the notification service
 * (which wakes the scheduler, see app.ts); a retry's or a lease's due time is set here.
 */
export function outboxJob(worker: DeliveryWorker, deliveries: DeliveryRepository): ScheduledJob {
  return { name: 'deliveries', nextDueAt: () => deliveries.nextDueAt(), runDue: () => worker.runDue() };
}
