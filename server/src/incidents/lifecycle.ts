/**
 * Working an incident: moves along the lifecycle, classification / assignment / tags, the
 * checklist, and the agency's confirmation of the closing report. Each is one versioned
 * write (a stale `version` is 409 with the incident as it is now) with its event.
 */
import {
  canTransition,
  EVENTS,
  fieldIssue,
  requirementsOf,
  TRANSITIONS,
  type IncidentEventData,
  type TransitionInput,
  type UpdateIncidentInput,
} from '@cert-hub/shared';
import type { z } from 'zod';
import type { confirmClosureInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { byId, updateVersioned, type RecordEvent, type ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentRecord, Repositories } from '../store/port.js';
import { incidentPolicy as can } from './policy.js';
import type { IncidentReader } from './reader.js';

type Change = (current: IncidentRecord, tx: Repositories, at: string) => IncidentRecord | Promise<IncidentRecord>;
type After = (next: IncidentRecord, current: IncidentRecord, record: RecordEvent) => Promise<void>;

export class IncidentLifecycle {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly reader: IncidentReader,
  ) {}

  /** Moves an incident along the lifecycle; a stale version is 409, an illegal move 422. */
  async transition(actor: Actor, id: string, input: TransitionInput): Promise<IncidentRecord> {
    const seen = await this.reader.get(actor, id);
    if (!can.work(actor, seen)) throw forbidden('Only responders of the teams handling this incident can move it');
    return this.write(
      actor,
      id,
      input.version,
      (current, _tx, at) => {
        if (!canTransition(current.status, input.to))
          throw unprocessable(`Cannot move from ${current.status} to ${input.to}`, { allowed: TRANSITIONS[current.status] });
        const next: IncidentRecord = { ...current, status: input.to, statusChangedAt: at };
        for (const requirement of requirementsOf(current.status, input.to)) {
          if (requirement === 'reason') {
            if (!input.reason) throw unprocessable('Say why this is not an incident', [fieldIssue('reason', 'required')]);
            next.rejectionReason = input.reason;
          }
          if (requirement === 'classification') {
            const severity = input.severity ?? current.severity;
            if (!severity) throw unprocessable('Classify the severity before leaving triage', [fieldIssue('severity', 'required')]);
            next.severity = severity;
            next.category = input.category ?? current.category;
          }
          if (requirement === 'closing_report') {
            if (!input.closingReport)
              throw unprocessable('Write the closing report before closing', [fieldIssue('closingReport', 'required')]);
            next.closingReport = { ...input.closingReport, submittedAt: at, submittedBy: actor.id };
          }
        }
        return next;
      },
      async (moved, current, record) => {
        await record({
          type: EVENTS.incidentStatusChanged,
          entity: 'incident',
          entityId: id,
          incidentId: id,
          version: moved.version,
          data: {
            from: current.status,
            to: moved.status,
            severity: moved.severity,
            category: moved.category,
            reason: moved.rejectionReason,
          } satisfies IncidentEventData<'incident.status_changed'>,
        });
      },
    );
  }

  /** Classification, assignment and tags; the same version check as a move. */
  async update(actor: Actor, id: string, input: UpdateIncidentInput): Promise<IncidentRecord> {
    const seen = await this.reader.get(actor, id);
    if (!can.work(actor, seen)) throw forbidden('Only responders of the teams handling this incident can change it');
    const { version, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<IncidentRecord>;
    if (defined.assigneeIds) defined.assigneeIds = [...new Set(defined.assigneeIds)];
    if (defined.tags) defined.tags = [...new Set(defined.tags)];
    return this.write(
      actor,
      id,
      version,
      async (current, tx) => {
        for (const [i, userId] of (input.assigneeIds ?? []).entries()) {
          const user = await tx.users.get(userId);
          const onTeam = user && !user.disabled && user.teamIds.some((t) => current.routing.teamIds.includes(t));
          if (!onTeam)
            throw unprocessable('Assignees must be active members of the teams handling this incident', [
              fieldIssue(`assigneeIds.${i}`, 'not_on_handling_team'),
            ]);
        }
        return { ...current, ...defined };
      },
      async (next, current, record) => {
        const changes: IncidentEventData<'incident.updated'>['changes'] = {};
        for (const key of Object.keys(defined) as (keyof IncidentRecord)[])
          if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changes[key] = [current[key], next[key]];
        await record({
          type: EVENTS.incidentUpdated,
          entity: 'incident',
          entityId: id,
          incidentId: id,
          version: next.version,
          data: { changes },
        });
      },
    );
  }

  /** Ticks (or unticks) a checklist task, or adds one; responders of the handling teams. */
  async setTask(
    actor: Actor,
    id: string,
    change: { taskId: string; done: boolean } | { title: string },
    version: number,
  ): Promise<IncidentRecord> {
    const seen = await this.reader.get(actor, id);
    if (!can.work(actor, seen)) throw forbidden('Only responders of the teams handling this incident can work its checklist');
    let data: IncidentEventData<'incident.task_updated'> | null = null;
    return this.write(
      actor,
      id,
      version,
      (current, _tx, at) => {
        const tasks = [...(current.tasks ?? [])];
        if ('taskId' in change) {
          const index = tasks.findIndex((task) => task.id === change.taskId);
          if (index === -1) throw notFound('Task');
          tasks[index] = { ...tasks[index]!, done: change.done, doneBy: change.done ? actor.id : null, doneAt: change.done ? at : null };
          data = { taskId: change.taskId, title: tasks[index].title, done: change.done };
        } else {
          if (tasks.length >= 100) throw unprocessable('A checklist holds at most 100 tasks');
          const task = { id: this.deps.ids(), title: change.title, done: false, doneBy: null, doneAt: null };
          tasks.push(task);
          data = { taskId: task.id, title: task.title, added: true };
        }
        return { ...current, tasks };
      },
      async (next, _current, record) => {
        await record({
          type: EVENTS.incidentTaskUpdated,
          entity: 'incident',
          entityId: id,
          incidentId: id,
          version: next.version,
          data: data!,
        });
      },
    );
  }

  /** The reporting agency confirms the closing report (báo cáo kết thúc). */
  async confirmClosure(actor: Actor, id: string, input: z.infer<typeof confirmClosureInput>): Promise<IncidentRecord> {
    const seen = await this.reader.get(actor, id);
    if (!can.confirmClosure(actor, seen)) throw forbidden('Only the reporting agency confirms the closing report');
    return this.write(
      actor,
      id,
      input.version,
      (current, _tx, at) => {
        if (current.status !== 'closed' || !current.closingReport) throw unprocessable('There is no closing report to confirm yet');
        if (current.closureConfirmation) throw unprocessable('The closing report is already confirmed');
        return { ...current, closureConfirmation: { at, by: actor.id, note: input.note ?? null } };
      },
      async (next, _current, record) => {
        await record({
          type: EVENTS.incidentClosureConfirmed,
          entity: 'incident',
          entityId: id,
          incidentId: id,
          version: next.version,
          data: { note: input.note ?? null } satisfies IncidentEventData<'incident.closure_confirmed'>,
        });
      },
    );
  }

  private write(actor: Actor, id: string, expected: number, change: Change, after: After): Promise<IncidentRecord> {
    return updateVersioned(this.deps, actor, {
      entity: 'incident',
      what: 'Incident',
      slot: (tx) => byId(tx.incidents, id),
      expected,
      change,
      after: (next, current, record) => after(next, current, record),
    });
  }
}
