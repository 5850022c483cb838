/** Time comes from here, never from Date.now() inside services, so tests can move it. */
export interface Clock {
  now(): Date;
  /**
   * Calls `fire` once, when this clock reads `at` or later (soon, if it already does); returns
   * a cancel. Timers never keep the process alive: a hub that is shutting down just stops.
   */
  wakeAt(at: Date, fire: () => void): () => void;
}

/**
 * Node's timers cannot wait longer than ~24.8 days, and the wall clock can be set while we
 * wait: a long wait is cut into hours, each checking the clock again.
 */
const MAX_SLICE_MS = 3_600_000;

export const systemClock: Clock = {
  now: () => new Date(),
  wakeAt(at, fire) {
    let timer: NodeJS.Timeout | null = null;
    const wait = () => {
      const left = at.getTime() - Date.now();
      if (left <= 0) {
        timer = null;
        fire();
        return;
      }
      timer = setTimeout(wait, Math.min(left, MAX_SLICE_MS));
      timer.unref();
    };
    timer = setTimeout(wait, 0);
    timer.unref();
    return () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
  },
};

/** A clock tests set and advance by hand; timers fire when it is moved past their time. */
export class FakeClock implements Clock {
  private current: number;
  private readonly alarms = new Set<{ at: number; fire: () => void }>();

  constructor(start: Date | string = '2026-11-20T02:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
    this.ring();
  }
  advance(ms: number): void {
    this.current += ms;
    this.ring();
  }
  wakeAt(at: Date, fire: () => void): () => void {
    const alarm = { at: at.getTime(), fire };
    this.alarms.add(alarm);
    if (alarm.at <= this.current) this.ring();
    return () => this.alarms.delete(alarm);
  }
  /** How many timers wait on this clock (tests check a stopped hub leaves none behind). */
  get pendingTimers(): number {
    return this.alarms.size;
  }

  /** Fires due timers on the next microtask: the caller that moved the clock goes on first. */
  private ring(): void {
    for (const alarm of [...this.alarms]) {
      if (alarm.at > this.current) continue;
      this.alarms.delete(alarm);
      queueMicrotask(alarm.fire);
    }
  }
}
