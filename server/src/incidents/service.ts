/**
 * Incident use cases: intake (exactly once, with the R1/R2 rules applied), search, the
 * lifecycle, questions between CERT and agency, and the agency's confirmation of the
 * closing report. Every change records an event in the same transaction.
 */
import crypto from 'node:crypto';
import {
  assessSerious,
  canTransition,
  isSerious,
  seriousReasonsOf,
  EVENTS,
  formatIncidentCode,
  isAgencyVisibleEvent,
  isLateReport,
  requirementsOf,
  OPEN_STATUSES,
  TRANSITIONS,
  vietnamYear,
  type UpdateIncidentInput,
  type CreateIncidentInput,
  type IncidentView,
  type IncidentEventData,
  type TransitionInput,
  fieldIssue,
} from '@cert-hub/shared';
import type { z } from 'zod';
import type { commentInput, confirmClosureInput, listIncidentsQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { DomainError, badRequest, forbidden, notFound, unprocessable, versionConflict } from '../platform/errors.js';
import { authorsOf, type Author } from '../audit/authors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import {
  DuplicateKeyError,
  type CommentRecord,
  type EventRecord,
  type IncidentRecord,
  type PageResult,
  type Repositories,
} from '../store/port.js';
import { incidentPolicy as can } from './policy.js';
import { presentIncident } from './presenter.js';
import type { PlaybookService } from './playbooks.js';
import type { RoutingService } from '../routing/service.js';
import { afterSeriousness } from '../routing/serious.js';

/** Clocks drift: a detection time up to this far in the future is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface CreateResult {
  incident: IncidentRecord;
  /** True when an Idempotency-Key retry returned the first result. */
  replayed: boolean;
  /** On a replay: the first answer exactly as it was sent (null for keys stored before answers were kept). */
  firstAnswer: IncidentView | null;
}

/** A stable hash of a request body, for "same key, different body" detection. */
function hashBody(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

const idempotencyMismatch = () =>
  new DomainError('unprocessable', 'This Idempotency-Key was already used for a different report; use a new key for a new report');

export class IncidentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly playbooks: PlaybookService,
    private readonly routing: RoutingService,
  ) {}

  /**
   * `drill` is set only by the drill scheduler (drills/scheduler.ts): the same intake path,
   * marked as a drill incident and also routed to the inject's target team.
   */
  async create(
    actor: Actor,
    input: CreateIncidentInput,
    idempotencyKey: string | null,
    drill: { drillId: string; injectId: string; targetTeamId: string | null } | null = null,
  ): Promise<CreateResult> {
    const scope = `incident.create:${actor.kind}:${actor.id}`;
    const requestHash = hashBody(input);
    if (idempotencyKey) {
      const earlier = await this.replay(actor, scope, idempotencyKey, requestHash, this.deps.store);
      if (earlier) return earlier;
    }
    if (!can.create(actor, input.agencyId)) {
      if (actor.role === 'focal_point' || actor.role === 'machine') throw forbidden('You can only report incidents of your own agency');
      throw forbidden();
    }
    const now = this.deps.clock.now();
    const detectedAt = new Date(input.detectedAt);
    if (detectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw badRequest('The detection time is in the future', [fieldIssue('detectedAt', 'in_future')]);

    const agency = await this.deps.store.agencies.get(input.agencyId);
    if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [fieldIssue('agencyId', 'no_such_agency')]);
    const system = await this.resolveSystem(input);
    const seriousness = assessSerious({
      systemLevel: system.level,
      nationalCritical: system.nationalCritical,
      impacts: input.impacts,
      canHandleAlone: input.canHandleAlone ?? null,
      mayExceedCapacity: input.mayExceedCapacity ?? false,
    });
    const reportedVia = actor.role === 'focal_point' ? 'agency' : actor.role === 'machine' ? 'machine' : 'cert';
    const decision = await this.routing.decide(
      {
        category: input.category,
        severity: null,
        serious: isSerious(seriousness),
        systemLevel: system.level,
        sector: system.sector,
        agencyId: agency.id,
        agencyType: agency.type,
        tlp: input.tlp,
        impacts: input.impacts,
        hasIndicators: input.indicators.length > 0,
        source: reportedVia,
      },
      now,
    );
    const routing = decision.routing;
    if (drill?.targetTeamId && !routing.teamIds.includes(drill.targetTeamId)) {
      routing.teamIds.push(drill.targetTeamId);
      routing.informedTeamIds.push(drill.targetTeamId);
      routing.reasons.push('drill_target_team');
    }
    const checklist = await this.playbooks.tasksFor(decision.playbook ?? input.category);
    const contact = input.contact
      ? { name: input.contact.name, phone: input.contact.phone, email: input.contact.email ?? null }
      : await this.defaultContact(actor, agency.focalPoints);

    try {
      return await commit(this.deps, actor, async (tx, record, at) => {
        if (idempotencyKey) {
          // Checked again inside the transaction: two retries racing must not both create.
          const earlier = await this.replay(actor, scope, idempotencyKey, requestHash, tx);
          if (earlier) return earlier;
        }
        const year = vietnamYear(now);
        const sequence = await tx.counters.next(`incident:${year}`);
        const incident: IncidentRecord = {
          id: this.deps.ids(),
          code: formatIncidentCode(year, sequence),
          agencyId: agency.id,
          reporter: { kind: actor.kind, id: actor.id, name: actor.displayName },
          reportedVia,
          contact,
          systemId: system.id,
          systemName: system.name,
          systemLevel: system.level,
          nationalCritical: system.nationalCritical,
          sector: system.sector,
          title: input.title,
          category: input.category,
          description: input.description,
          detectedAt: detectedAt.toISOString(),
          detectionMethod: input.detectionMethod ?? null,
          impacts: [...new Set(input.impacts)],
          indicators: dedupeIndicators(input.indicators),
          actionsTaken: input.actionsTaken ?? null,
          supportRequested: input.supportRequested,
          tlp: input.tlp,
          status: 'received',
          severity: null,
          serious: isSerious(seriousness),
          seriousReasons: seriousReasonsOf(seriousness),
          seriousness,
          lateReport: isLateReport(detectedAt, now),
          reportedAt: at,
          routing,
          assigneeIds: [...routing.assigneeIds],
          tags: [...new Set(decision.tags)],
          tasks: checklist.map((title) => ({ id: this.deps.ids(), title, done: false, doneBy: null, doneAt: null })),
          drill: drill ? { drillId: drill.drillId, injectId: drill.injectId } : null,
          rejectionReason: null,
          closingReport: null,
          closureConfirmation: null,
          statusChangedAt: at,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        await tx.incidents.insert(incident);
        if (idempotencyKey)
          await tx.idempotency.insert({
            scope,
            key: idempotencyKey,
            requestHash,
            resourceId: incident.id,
            status: 201,
            createdAt: at,
            response: presentIncident(incident, actor),
          });
        await record({
          type: EVENTS.incidentCreated,
          entity: 'incident',
          entityId: incident.id,
          incidentId: incident.id,
          version: 1,
          data: {
            code: incident.code,
            title: incident.title,
            category: incident.category,
            agencyId: incident.agencyId,
            reportedVia: incident.reportedVia,
            serious: incident.serious,
            lateReport: incident.lateReport,
          } satisfies IncidentEventData<'incident.created'>,
        });
        await record({
          type: EVENTS.incidentRouted,
          entity: 'incident',
          entityId: incident.id,
          incidentId: incident.id,
          version: 1,
          data: { ...routing, ruleName: decision.ruleName, informLeaders: decision.informLeaders },
        });
        await afterSeriousness(tx, record, this.deps.ids, at, false, incident, 'assessment', null);
        return { incident, replayed: false, firstAnswer: null };
      });
    } catch (error) {
      // A concurrent retry won the race on another node (unique key): answer its result.
      if (idempotencyKey && error instanceof DuplicateKeyError) {
        const earlier = await this.replay(actor, scope, idempotencyKey, requestHash, this.deps.store);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  async list(actor: Actor, query: z.infer<typeof listIncidentsQuery>): Promise<PageResult<IncidentRecord>> {
    const scope = can.scope(actor);
    if (scope.kind === 'none') return { items: [], nextCursor: null };
    const agencyIds =
      scope.kind === 'agencies'
        ? scope.agencyIds.filter((a) => !query.agencyId || a === query.agencyId)
        : query.agencyId
          ? [query.agencyId]
          : undefined;
    const teamIds =
      scope.kind === 'teams' ? scope.teamIds.filter((t) => !query.teamId || t === query.teamId) : query.teamId ? [query.teamId] : undefined;
    const { agencyId: _a, teamId: _t, open, overdue, ...rest } = query;
    return this.deps.store.incidents.list({
      ...rest,
      agencyIds,
      teamIds,
      ...(open ? { statuses: OPEN_STATUSES } : {}),
      ...(overdue ? { overdueAt: this.deps.clock.now().toISOString() } : {}),
    });
  }

  /**
   * The event log's position. The board reads it before its card pages, so the console can
   * catch up from there and a change committed meanwhile is never lost.
   */
  async logPosition(): Promise<number> {
    return this.deps.store.events.lastSeq();
  }

  async get(actor: Actor, id: string): Promise<IncidentRecord> {
    const incident = await this.deps.store.incidents.get(id);
    if (!incident || !can.read(actor, incident)) throw notFound('Incident');
    return incident;
  }

  /** The incident's events that this actor may see (the agency sees no internal notes). */
  async timeline(actor: Actor, id: string): Promise<{ events: EventRecord[]; authors: Map<string, Author> }> {
    const incident = await this.get(actor, id);
    const all = await this.deps.store.events.listForEntity('incident', incident.id, 2000);
    const events = can.seesInternal(actor) ? all : all.filter((e) => isAgencyVisibleEvent(e.type, e.data));
    return {
      events,
      authors: await authorsOf(
        this.deps.store,
        events.map((e) => e.actorId),
      ),
    };
  }

  async comments(actor: Actor, id: string): Promise<{ comments: CommentRecord[]; authors: Map<string, Author> }> {
    const incident = await this.get(actor, id);
    const all = await this.deps.store.comments.listByIncident(incident.id);
    const comments = can.seesInternal(actor) ? all : all.filter((c) => c.visibility === 'agency');
    return {
      comments,
      authors: await authorsOf(
        this.deps.store,
        comments.map((c) => c.authorId),
      ),
    };
  }

  /** The server's view of who wrote these comments (role and organisation beside every name). */
  authors(ids: string[]): Promise<Map<string, Author>> {
    return authorsOf(this.deps.store, ids);
  }

  async addComment(actor: Actor, id: string, input: z.infer<typeof commentInput>): Promise<CommentRecord> {
    const incident = await this.get(actor, id);
    // An agency's message is always visible to both sides.
    const visibility = actor.role === 'focal_point' ? 'agency' : input.visibility;
    if (!can.comment(actor, incident, visibility)) throw forbidden();
    return commit(this.deps, actor, async (tx, record, at) => {
      const comment: CommentRecord = {
        id: this.deps.ids(),
        incidentId: incident.id,
        position: await tx.counters.next(`comments:${incident.id}`),
        authorId: actor.id,
        authorName: actor.displayName,
        visibility,
        body: input.body,
        createdAt: at,
      };
      await tx.comments.insert(comment);
      await record({
        type: EVENTS.incidentCommentAdded,
        entity: 'incident',
        entityId: incident.id,
        incidentId: incident.id,
        version: incident.version,
        data: {
          commentId: comment.id,
          visibility,
          fromAgency: actor.role === 'focal_point',
        } satisfies IncidentEventData<'incident.comment_added'>,
      });
      return comment;
    });
  }

  /** Moves an incident along the lifecycle; a stale version is 409, an illegal move 422. */
  async transition(actor: Actor, id: string, input: TransitionInput): Promise<IncidentRecord> {
    const current = await this.get(actor, id);
    if (!can.work(actor, current)) throw forbidden('Only responders of the teams handling this incident can move it');
    if (current.version !== input.version) throw versionConflict(presentIncident(current, actor));
    if (!canTransition(current.status, input.to))
      throw unprocessable(`Cannot move from ${current.status} to ${input.to}`, { allowed: TRANSITIONS[current.status] });
    const next: IncidentRecord = { ...current };
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
        if (!input.closingReport) throw unprocessable('Write the closing report before closing', [fieldIssue('closingReport', 'required')]);
        next.closingReport = { ...input.closingReport, submittedAt: this.deps.clock.now().toISOString(), submittedBy: actor.id };
      }
    }
    return commit(this.deps, actor, async (tx, record, at) => {
      const moved: IncidentRecord = { ...next, status: input.to, statusChangedAt: at, version: current.version + 1, updatedAt: at };
      if (!(await tx.incidents.update(moved, current.version)))
        throw versionConflict(presentIncident((await tx.incidents.get(id)) ?? current, actor));
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
      return moved;
    });
  }

  /** Classification, assignment and tags; the same version check as a move. */
  async update(actor: Actor, id: string, input: UpdateIncidentInput): Promise<IncidentRecord> {
    const current = await this.get(actor, id);
    if (!can.work(actor, current)) throw forbidden('Only responders of the teams handling this incident can change it');
    if (current.version !== input.version) throw versionConflict(presentIncident(current, actor));
    if (input.assigneeIds) {
      for (const [i, userId] of input.assigneeIds.entries()) {
        const user = await this.deps.store.users.get(userId);
        const onTeam = user && !user.disabled && user.teamIds.some((t) => current.routing.teamIds.includes(t));
        if (!onTeam)
          throw unprocessable('Assignees must be active members of the teams handling this incident', [
            fieldIssue(`assigneeIds.${i}`, 'not_on_handling_team'),
          ]);
      }
    }
    const { version: _v, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<IncidentRecord>;
    if (defined.assigneeIds) defined.assigneeIds = [...new Set(defined.assigneeIds)];
    if (defined.tags) defined.tags = [...new Set(defined.tags)];
    return commit(this.deps, actor, async (tx, record, at) => {
      const next: IncidentRecord = { ...current, ...defined, version: current.version + 1, updatedAt: at };
      if (!(await tx.incidents.update(next, current.version)))
        throw versionConflict(presentIncident((await tx.incidents.get(id)) ?? current, actor));
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
      return next;
    });
  }

  /** Ticks (or unticks) a checklist task, or adds one; responders of the handling teams. */
  async setTask(
    actor: Actor,
    id: string,
    change: { taskId: string; done: boolean } | { title: string },
    version: number,
  ): Promise<IncidentRecord> {
    const current = await this.get(actor, id);
    if (!can.work(actor, current)) throw forbidden('Only responders of the teams handling this incident can work its checklist');
    if (current.version !== version) throw versionConflict(presentIncident(current, actor));
    const tasks = [...(current.tasks ?? [])];
    const at = this.deps.clock.now().toISOString();
    let data: IncidentEventData<'incident.task_updated'>;
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
    return commit(this.deps, actor, async (tx, record, now) => {
      const next: IncidentRecord = { ...current, tasks, version: current.version + 1, updatedAt: now };
      if (!(await tx.incidents.update(next, current.version)))
        throw versionConflict(presentIncident((await tx.incidents.get(id)) ?? current, actor));
      await record({ type: EVENTS.incidentTaskUpdated, entity: 'incident', entityId: id, incidentId: id, version: next.version, data });
      return next;
    });
  }

  /** The reporting agency confirms the closing report (báo cáo kết thúc). */
  async confirmClosure(actor: Actor, id: string, input: z.infer<typeof confirmClosureInput>): Promise<IncidentRecord> {
    const current = await this.get(actor, id);
    if (!can.confirmClosure(actor, current)) throw forbidden('Only the reporting agency confirms the closing report');
    if (current.version !== input.version) throw versionConflict(presentIncident(current, actor));
    if (current.status !== 'closed' || !current.closingReport) throw unprocessable('There is no closing report to confirm yet');
    if (current.closureConfirmation) throw unprocessable('The closing report is already confirmed');
    return commit(this.deps, actor, async (tx, record, at) => {
      const next: IncidentRecord = {
        ...current,
        closureConfirmation: { at, by: actor.id, note: input.note ?? null },
        version: current.version + 1,
        updatedAt: at,
      };
      if (!(await tx.incidents.update(next, current.version))) throw versionConflict(presentIncident(current, actor));
      await record({
        type: EVENTS.incidentClosureConfirmed,
        entity: 'incident',
        entityId: id,
        incidentId: id,
        version: next.version,
        data: { note: input.note ?? null } satisfies IncidentEventData<'incident.closure_confirmed'>,
      });
      return next;
    });
  }

  /**
   * A retry of an earlier report: authorised again (the caller may have lost the right to
   * file for that agency since), then answered with the first answer, not the incident as
   * it is now (which may carry later internal data).
   */
  private async replay(
    actor: Actor,
    scope: string,
    key: string,
    requestHash: string,
    repos: Pick<Repositories, 'idempotency' | 'incidents'>,
  ): Promise<CreateResult | null> {
    const earlier = await repos.idempotency.get(scope, key);
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) throw idempotencyMismatch();
    const incident = await repos.incidents.get(earlier.resourceId);
    if (!incident) return null;
    if (!can.create(actor, incident.agencyId)) throw forbidden('You can no longer report incidents for this agency');
    return { incident, replayed: true, firstAnswer: (earlier.response as IncidentView | undefined) ?? null };
  }

  /** A system picked from the registry fills level, sector and the critical flag; it must be the agency's own. */
  private async resolveSystem(input: CreateIncidentInput) {
    if (input.systemId) {
      const system = await this.deps.store.systems.get(input.systemId);
      if (!system || system.agencyId !== input.agencyId)
        throw unprocessable('That information system is not one of this agency’s', [fieldIssue('systemId', 'not_agency_system')]);
      return {
        id: system.id,
        name: system.name,
        level: system.level,
        nationalCritical: system.nationalCritical,
        sector: system.sectorCode,
      };
    }
    return {
      id: null,
      name: input.systemName ?? null,
      level: input.systemLevel ?? null,
      nationalCritical: input.nationalCritical ?? false,
      sector: input.sector ?? null,
    };
  }

  private async defaultContact(actor: Actor, focalPoints: { name: string; phone: string; email: string; primary: boolean }[]) {
    if (actor.kind === 'user') {
      const user = await this.deps.store.users.get(actor.id);
      if (user?.phone) return { name: user.displayName, phone: user.phone, email: user.email };
    }
    const primary = focalPoints.find((f) => f.primary) ?? focalPoints[0];
    return primary ? { name: primary.name, phone: primary.phone, email: primary.email } : null;
  }
}

function dedupeIndicators(indicators: CreateIncidentInput['indicators']) {
  const seen = new Set<string>();
  return indicators.filter((i) => {
    const key = `${i.type}:${i.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
