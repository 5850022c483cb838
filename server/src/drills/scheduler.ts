/**
 * The drill injects as a job of the hub scheduler (platform/scheduler.ts). Due times are
 * stored on the drill (start + offset + time paused), so nothing lives only in memory: at
 * boot the scheduler reads them back and fires what fell due while the hub was down.
 */
import type { ScheduledJob } from '../platform/scheduler.js';
import type { DrillRepository } from '../store/port.js';
import type { DrillService } from './service.js';

export function drillInjectsJob(drills: DrillService, repo: DrillRepository): ScheduledJob {
  return {
    name: 'drill-injects',
    nextDueAt: () => repo.getNextDueAt(),
    runDue: () => drills.fireDue(),
    // Starting, pausing, resuming or re-planning a drill moves its injects' due times.
    wakeOn: (event) => event.entity === 'drill',
  };
}
