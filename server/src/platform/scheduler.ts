/**
 * The hub's one timer for clock-driven work: SLA escalation steps, the delivery outbox, drill
 * injects, report reminders. Each is a job that says when it next has work (read from the
 * store, where every due time is kept, so a restart loses nothing) and does the work that is
 * due. The scheduler arms a single timer on the injected clock for the earliest due time, is
 * woken when a due time may have changed (the jobs name the committed events that move
 * theirs), and runs due jobs one at a time. A job that fails is logged and tried again after
 * `retryMs` on the clock; the others run on time regardless.
 */
import type { EventRecord } from '../store/port.js';
import type { Clock } from './clock.js';
import type { EventBus } from './eventBus.js';
import type { Logger } from './logger.js';

export interface ScheduledJob {
  name: string;
  /** When this job next has work, read from the store (null: nothing pending). */
  nextDueAt: () => Promise<string | null>;
  /** Does the work due by the clock now, moving its stored due times past now. */
  runDue: () => Promise<unknown>;
  /** Committed events after which this job's due time may have changed. */
  wakeOn?: (event: EventRecord) => boolean;
}

export interface SchedulerOptions {
  clock: Clock;
  logger: Logger;
  /** Where the jobs' `wakeOn` events come from. */
  bus?: EventBus | undefined;
  /** Runs once at start, before the first pass (re-arming what may have been missed). */
  boot?: () => Promise<unknown>;
  /**
   * Real milliseconds between re-reads of the due times without a wake: the safety net for
   * changes this process cannot observe (another hub node on the same MongoDB, a write that
   * records no event). 0 turns it off.
   */
  recheckMs?: number;
  /** How long, on the clock, a failed job waits before it is tried again. */
  retryMs?: number;
}

/** Runs in a row, within one pass, that may leave work due before the job is backed off. */
const MAX_RUNS_LEAVING_WORK = 3;

interface Due {
  job: ScheduledJob;
  /** Clock milliseconds of the job's next work, after any retry wait; null: nothing pending. */
  at: number | null;
}

export class Scheduler {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly retryMs: number;
  /** Per failed job: the clock time before which it is not tried again. */
  private readonly retryAfter = new Map<string, number>();
  private state: 'idle' | 'started' | 'stopped' = 'idle';
  private cancelAlarm: (() => void) | null = null;
  private recheck: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Passes run strictly one after another on this chain. */
  private chain: Promise<void> = Promise.resolve();
  /** A pass queued but not yet begun: later wakes join it, as it reads due times when it begins. */
  private queued: Promise<void> | null = null;

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly options: SchedulerOptions,
  ) {
    this.clock = options.clock;
    this.logger = options.logger;
    this.retryMs = options.retryMs ?? 5_000;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'started';
    this.unsubscribe =
      this.options.bus?.subscribe((event) => {
        if (this.jobs.some((job) => job.wakeOn?.(event))) void this.wake();
      }) ?? null;
    const recheckMs = this.options.recheckMs ?? 0;
    if (recheckMs > 0) {
      this.recheck = setInterval(() => void this.wake(), recheckMs);
      this.recheck.unref();
    }
    const boot = this.options.boot;
    if (boot)
      this.chain = this.chain.then(async () => {
        try {
          await boot();
        } catch (error) {
          this.logger.error({ err: error }, 'scheduler boot failed');
        }
      });
    void this.wake();
  }

  /** Re-reads the due times, runs what is due and re-arms the timer (only once started). */
  wake(): Promise<void> {
    return this.state === 'started' ? this.pass() : Promise.resolve();
  }

  /**
   * Runs what is due now and resolves when done — also on a scheduler that was never started
   * (tests drive the jobs of a hub that serves no HTTP this way after moving the fake clock).
   */
  tick(): Promise<void> {
    return this.state === 'stopped' ? Promise.resolve() : this.pass();
  }

  /** Stops the timer and waits for a running job, so the store can close after. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.cancelAlarm?.();
    this.cancelAlarm = null;
    if (this.recheck) clearInterval(this.recheck);
    this.recheck = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.chain;
  }

  /** A method, not a narrowed field: stop() may run while a pass awaits. */
  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private pass(): Promise<void> {
    if (!this.queued) {
      const pass = this.chain.then(async () => {
        this.queued = null;
        await this.runDueJobs();
      });
      this.queued = pass;
      this.chain = pass.catch((error: unknown) => this.logger.error({ err: error }, 'scheduler pass failed'));
    }
    return this.queued;
  }

  private async runDueJobs(): Promise<void> {
    // Per job in this pass: when it last began, and how many runs in a row left work due by then.
    const began = new Map<string, { at: number; runsLeavingWork: number }>();
    while (!this.stopped()) {
      const now = this.clock.now().getTime();
      const dues = await this.readDueTimes(now);
      const ready = dues.filter((d): d is Due & { at: number } => d.at !== null && d.at <= now).sort((a, b) => a.at - b.at);
      if (ready.length === 0) return this.arm(dues);
      for (const { job, at } of ready) {
        if (this.stopped()) return;
        const last = began.get(job.name);
        // Work due by the time the job last began is still there. Once or twice that is work
        // queued while it ran (same clock time); again and again, something refuses it (a
        // conflicting write, a bug): then it waits like after a failure instead of spinning.
        const runsLeavingWork = last !== undefined && at <= last.at ? last.runsLeavingWork + 1 : 0;
        if (runsLeavingWork >= MAX_RUNS_LEAVING_WORK) {
          this.logger.warn({ job: job.name, dueAt: new Date(at).toISOString() }, 'scheduled job left due work; retrying later');
          this.retryAfter.set(job.name, now + this.retryMs);
          continue;
        }
        began.set(job.name, { at: now, runsLeavingWork });
        await this.runJob(job, now);
      }
    }
  }

  /** Runs a job begun at clock time `now`; a failure waits `retryMs` from then. */
  private async runJob(job: ScheduledJob, now: number): Promise<void> {
    try {
      await job.runDue();
      this.retryAfter.delete(job.name);
    } catch (error) {
      this.logger.error({ err: error, job: job.name }, 'scheduled job failed; retrying later');
      this.retryAfter.set(job.name, now + this.retryMs);
    }
  }

  private async readDueTimes(now: number): Promise<Due[]> {
    const dues: Due[] = [];
    for (const job of this.jobs) {
      const retryAfter = this.retryAfter.get(job.name) ?? Number.NEGATIVE_INFINITY;
      try {
        const next = await job.nextDueAt();
        const at = next === null ? Number.NaN : Date.parse(next);
        if (Number.isNaN(at)) {
          this.retryAfter.delete(job.name);
          dues.push({ job, at: null });
        } else dues.push({ job, at: Math.max(at, retryAfter) });
      } catch (error) {
        this.logger.error({ err: error, job: job.name }, 'could not read when a scheduled job is due; retrying later');
        const retryAt = now + this.retryMs;
        this.retryAfter.set(job.name, retryAt);
        dues.push({ job, at: retryAt });
      }
    }
    return dues;
  }

  /** One timer, for the earliest due time of all jobs. */
  private arm(dues: Due[]): void {
    this.cancelAlarm?.();
    this.cancelAlarm = null;
    if (this.state !== 'started') return;
    const times = dues.map((d) => d.at).filter((at): at is number => at !== null);
    if (times.length === 0) return;
    this.cancelAlarm = this.clock.wakeAt(new Date(Math.min(...times)), () => void this.wake());
  }
}
