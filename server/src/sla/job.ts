/** The SLA escalation timers as a job of the hub scheduler (platform/scheduler.ts). */
import { EVENTS } from '@cert-hub/shared';
import type { ScheduledJob } from '../platform/scheduler.js';
import type { SlaTimerRepository } from '../store/port.js';
import type { SlaService } from './service.js';

export function slaEscalationJob(sla: SlaService, timers: SlaTimerRepository): ScheduledJob {
  return {
    name: 'sla',
    nextDueAt: () => timers.nextDueAt(),
    runDue: () => sla.runDue(),
    // Re-arming an incident records its new due time; a policy change re-arms every incident.
    wakeOn: (event) => event.type === EVENTS.incidentSlaDueChanged || event.entity === 'sla_policy',
  };
}
