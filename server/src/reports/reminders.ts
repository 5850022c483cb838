/**
 * The reminder timer of the reporting cycle. Due times live on the rounds in the store, so
 * this timer holds nothing that a restart could lose: at boot (and after each run, and
 * whenever a round is opened) it arms itself for the earliest due reminder. Long waits are
 * split so that a clock change is noticed within the hour.
 */
import { EVENTS } from '@cert-hub/shared';
import type { Clock } from '../platform/clock.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../store/port.js';
import type { ReportService } from './service.js';

const MAX_WAIT_MS = 3_600_000;

export function startReportReminders(deps: { store: Store; clock: Clock; bus: EventBus; logger: Logger }, reports: ReportService) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running = Promise.resolve();

  const arm = async () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const next = await deps.store.reportRounds.getNextReminderAt();
    if (next === null || stopped) return;
    const wait = Math.min(Math.max(0, Date.parse(next) - deps.clock.now().getTime()), MAX_WAIT_MS);
    timer = setTimeout(() => void run(), wait);
    timer.unref();
  };
  const run = () => {
    running = running
      .then(() => reports.runDueReminders())
      .then(() => arm())
      .catch((error: unknown) => deps.logger.error({ err: error }, 'report reminders failed'));
    return running;
  };
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === EVENTS.reportRoundOpened) void arm().catch(() => undefined);
  });
  void run();
  return {
    /** Runs what is due now (tests call this after moving the fake clock). */
    runNow: run,
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
