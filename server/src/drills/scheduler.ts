/**
 * The inject timer. Due times are stored on the drill (start + offset + time paused), so
 * nothing lives only in memory: at boot the timer reads them back and fires what is due,
 * then sleeps until the next due time. It also wakes at least every `pollMs`, so a drill
 * started on another hub node (or a test's fake clock moved forward) is noticed.
 */
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { DrillService } from './service.js';
import type { DrillRepository } from '../store/port.js';

export interface DrillTimer {
  stop: () => void;
}

export function startDrillTimer(drills: DrillService, repo: DrillRepository, clock: Clock, logger: Logger, pollMs = 1000): DrillTimer {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = async () => {
    if (stopped) return;
    try {
      await drills.fireDue();
      const next = await repo.getNextDueAt();
      const wait = next ? Math.max(0, Date.parse(next) - clock.now().getTime()) : pollMs;
      schedule(Math.min(wait, pollMs));
    } catch (error) {
      logger.error({ err: error }, 'drill injects could not fire; retrying');
      schedule(pollMs);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void arm(), ms);
    timer.unref();
  };
  void arm();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
