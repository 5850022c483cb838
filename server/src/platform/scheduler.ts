/**
 * The hub's clock-driven background work: fires due SLA escalation steps and sends due
 * deliveries. Everything it acts on is stored with its due time, so a restart loses nothing:
 * the first tick after boot fires whatever fell due while the hub was down. The interval only
 * decides how soon a due item is noticed; what is due is decided by the injected clock.
 */
import type { Logger } from './logger.js';

export interface ScheduledJob {
  name: string;
  run: () => Promise<unknown>;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
    /** Runs once at start, before the first tick (re-arming what may have been missed). */
    private readonly boot: () => Promise<unknown> = async () => undefined,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    this.running = this.boot()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error }, 'scheduler boot failed'),
      )
      .finally(() => (this.running = null));
    void this.running.then(() => this.tick());
  }

  /** Runs every job once now (overlapping ticks share one run). */
  tick(): Promise<void> {
    this.running ??= (async () => {
      for (const job of this.jobs) {
        try {
          await job.run();
        } catch (error) {
          this.logger.error({ err: error, job: job.name }, 'scheduled job failed');
        }
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Stops ticking and waits for a running tick, so the store can close after. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
