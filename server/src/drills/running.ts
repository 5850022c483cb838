/**
 * Running a drill on the live board: start, pause, resume, end and close, and the injects
 * that fire on time as real intake (`drill` set) — each exactly once.
 */
import { drillMove, durationMs, EVENTS, type CreateIncidentInput, type DrillAction } from '@cert-hub/shared';
import { actorOf, systemActor, type Actor } from '../auth/actor.js';
import type { IncidentService } from '../incidents/service.js';
import { DomainError, forbidden, unprocessable, VersionConflict } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { DrillRecord } from '../store/port.js';
import { drillPolicy as can } from './policy.js';
import type { DrillRecords } from './records.js';

export class DrillRunner {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly records: DrillRecords,
    private readonly incidents: IncidentService,
  ) {}

  /** start / pause / resume / end / close; a stale `version` is 409, a move the phase does not allow 422. */
  async act(actor: Actor, id: string, action: DrillAction, version?: number): Promise<DrillRecord> {
    const current = await this.records.get(actor, id);
    if (!can.manage(actor)) throw forbidden('Only the drill controller runs a drill');
    const to = current.source === 'hub' ? drillMove(current.status, action) : null;
    if (!to) throw unprocessable(`Cannot ${action} a drill that is ${current.status}`, { status: current.status });
    const now = this.deps.clock.now();
    const at = now.toISOString();
    let changes: Partial<DrillRecord> = { status: to };
    if (action === 'start') {
      changes = {
        ...changes,
        startedAt: at,
        controllerId: actor.id,
        injects: current.injects.map((i) => ({ ...i, dueAt: new Date(now.getTime() + durationMs(i.offset)).toISOString() })),
      };
    } else if (action === 'pause') {
      changes = { ...changes, pausedAt: at };
    } else if (action === 'resume') {
      // Time spent paused moves every inject still to come.
      const paused = now.getTime() - Date.parse(current.pausedAt ?? at);
      changes = {
        ...changes,
        pausedAt: null,
        pausedMs: current.pausedMs + paused,
        injects: current.injects.map((i) =>
          i.firedAt || !i.dueAt ? i : { ...i, dueAt: new Date(Date.parse(i.dueAt) + paused).toISOString() },
        ),
      };
    } else if (action === 'end') {
      changes = { ...changes, endedAt: at, pausedAt: null };
    }
    const saved = await this.records.save(actor, current.id, version ?? current.version, changes, EVENTS.drillStatusChanged, {
      from: current.status,
      to,
      action,
    });
    if (to === 'running') await this.fireDue();
    return this.deps.store.drills.get(id).then((d) => d ?? saved);
  }

  /**
   * Fires every inject that is due (called by the drill timer and after start/resume). Each
   * fires once: the incident is created under a per-inject idempotency key (a retry or a
   * second hub node gets the same incident), and the inject is marked fired with a version
   * check, so a race or a crash between the two steps never makes a second incident.
   */
  async fireDue(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    let fired = 0;
    for (const drill of await this.deps.store.drills.listDue(now)) {
      const due = drill.injects.filter((i) => !i.firedAt && i.dueAt && i.dueAt <= now).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
      for (const inject of due) if (await this.fire(drill.id, inject.id)) fired++;
    }
    return fired;
  }

  private async fire(drillId: string, injectId: string): Promise<boolean> {
    const drill = await this.deps.store.drills.get(drillId);
    const inject = drill?.injects.find((i) => i.id === injectId);
    if (!drill || !inject || drill.status !== 'running' || inject.firedAt || !inject.dueAt) return false;
    const controller = drill.controllerId ? await this.deps.store.users.get(drill.controllerId) : null;
    const actor = controller && !controller.disabled ? actorOf(controller, null) : systemActor;
    let incidentId: string | null = null;
    let failure: string | null = null;
    if (inject.incident) {
      const { agencyId: templateAgencyId, ...template } = inject.incident;
      const input: CreateIncidentInput = { ...template, agencyId: (inject.target.agencyId ?? templateAgencyId)!, detectedAt: inject.dueAt };
      try {
        const { incident } = await this.incidents.create(actor, input, `drill:${drill.id}:${inject.id}`, {
          drillId: drill.id,
          injectId: inject.id,
          targetTeamId: inject.target.teamId,
        });
        incidentId = incident.id;
      } catch (error) {
        // Refused by intake (e.g. the target agency was merged since planning): recorded on the
        // inject once, instead of retried every second. Anything else (store down) is retried.
        if (!(error instanceof DomainError)) throw error;
        failure = error.message;
      }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.deps.store.drills.get(drillId);
      if (!current || current.injects.find((i) => i.id === injectId)?.firedAt) return false;
      const at = this.deps.clock.now().toISOString();
      const injects = current.injects.map((i) => (i.id === injectId ? { ...i, firedAt: at, incidentId, failure } : i));
      try {
        await this.records.save(
          actor,
          drillId,
          current.version,
          { injects },
          EVENTS.drillInjectFired,
          { injectId, incidentId, dueAt: inject.dueAt, message: inject.message, failure },
          incidentId,
        );
        return true;
      } catch (error) {
        // Changed meanwhile (the controller paused it, another node fired): read it again.
        if (!(error instanceof VersionConflict)) throw error;
      }
    }
    return false;
  }
}
