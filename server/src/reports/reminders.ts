/**
 * The reminders of the reporting cycle as a job of the hub scheduler (platform/scheduler.ts).
 * Due times live on the rounds in the store, so a restart loses none: at boot the scheduler
 * reads them back and runs what fell due while the hub was down.
 */
import { EVENTS } from '@cert-hub/shared';
import type { Clock } from '../platform/clock.js';
import type { EventBus } from '../platform/eventBus.js';
import type { Logger } from '../platform/logger.js';
import { Scheduler, type ScheduledJob } from '../platform/scheduler.js';
import type { Store } from '../store/port.js';
import type { ReportService } from './service.js';

export function reportRemindersJob(store: Store, reports: ReportService): ScheduledJob {
  return {
    name: 'report-reminders',
    nextDueAt: () => store.reportRounds.getNextReminderAt(),
    runDue: () => reports.runDueReminders(),
    wakeOn: (event) => event.type === EVENTS.reportRoundOpened,
  };
}

/**
 * A scheduler running only the reminders, for a process that serves no HTTP but should still
 * remind (the reports test re-opens a store this way); the hub's own scheduler, built in
 * app.ts, already runs this job.
 */
export function startReportReminders(deps: { store: Store; clock: Clock; bus: EventBus; logger: Logger }, reports: ReportService) {
  const scheduler = new Scheduler([reportRemindersJob(deps.store, reports)], { clock: deps.clock, logger: deps.logger, bus: deps.bus });
  scheduler.start();
  return {
    /** Runs what is due now (tests call this after moving the fake clock). */
    runNow: () => scheduler.tick(),
    // Stops the timer at once; a pass already running finishes by itself (callers run none).
    stop: () => void scheduler.stop(),
  };
}
