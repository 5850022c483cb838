/**
 * Incident intake: the initial report, exactly once per Idempotency-Key, with the rules
 * applied on arrival — R1 (late report), R2 (serious, as corrected), R7 (routing) — and the
 * category's playbook as the first checklist.
 */
import {
  assessSerious,
  EVENTS,
  fieldIssue,
  formatIncidentCode,
  isLateReport,
  isSerious,
  seriousReasonsOf,
  vietnamYear,
  type CreateIncidentInput,
  type IncidentEventData,
  type IncidentView,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { badRequest, forbidden, unprocessable } from '../platform/errors.js';
import { fingerprintOf, IdempotentRequest, type Replay } from '../platform/idempotency.js';
import { referenceRead } from '../platform/referenceCache.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentRecord } from '../store/port.js';
import { checklistTaskId } from '../store/incidentTasks.js';
import { afterSeriousness } from '../routing/serious.js';
import type { RoutingService } from '../routing/service.js';
import type { PlaybookService } from './playbooks.js';
import { incidentPolicy as can } from './policy.js';

/** Clocks drift: a detection time up to this far in the future is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface CreateResult {
  /** The incident as it was created (on a replay: as the first answer showed it). */
  incident: IncidentRecord;
  /** True when an Idempotency-Key retry returned the first result. */
  replayed: boolean;
  /** On a replay of a key stored before answers were kept as records: that first answer exactly as it was sent. */
  firstAnswer: IncidentView | null;
}

/** Drill injects file through intake too (drills/scheduler.ts). */
export interface DrillOrigin {
  drillId: string;
  injectId: string;
  targetTeamId: string | null;
}

/**
 * What an intake key remembers: the incident as created, so a replay answers with the first
 * state (presented by the route), not with later internal data. Keys stored by earlier
 * versions hold the presented view itself.
 */
interface FirstAnswer {
  incident: IncidentRecord;
}
const isFirstAnswer = (r: unknown): r is FirstAnswer =>
  !!r && typeof r === 'object' && 'incident' in r && typeof (r as FirstAnswer).incident === 'object';

function replayed(earlier: Replay<IncidentRecord>): CreateResult {
  if (isFirstAnswer(earlier.response)) return { incident: earlier.response.incident, replayed: true, firstAnswer: null };
  return { incident: earlier.resource, replayed: true, firstAnswer: (earlier.response as IncidentView | undefined) ?? null };
}

export class IncidentIntake {
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
    drill: DrillOrigin | null = null,
  ): Promise<CreateResult> {
    const once = new IdempotentRequest<IncidentRecord>({
      operation: 'incident.create',
      actor,
      key: idempotencyKey,
      fingerprint: fingerprintOf(input),
      mismatch: 'This Idempotency-Key was already used for a different report; use a new key for a new report',
      load: (repos, id) => repos.incidents.get(id),
      // The caller may have lost the right to file for that agency since the first request.
      authorise: (incident) => {
        if (!can.create(actor, incident.agencyId)) throw forbidden('You can no longer report incidents for this agency');
      },
    });
    const earlier = await once.earlier(this.deps.store);
    if (earlier) return replayed(earlier);
    if (!can.create(actor, input.agencyId)) {
      if (actor.role === 'focal_point' || actor.role === 'machine') throw forbidden('You can only report incidents of your own agency');
      throw forbidden();
    }
    const now = this.deps.clock.now();
    const detectedAt = new Date(input.detectedAt);
    if (detectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw badRequest('The detection time is in the future', [fieldIssue('detectedAt', 'in_future')]);

    const agency = await referenceRead(this.deps, `agency:${input.agencyId}`, () => this.deps.store.agencies.get(input.agencyId));
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

    return once.orReplay(
      this.deps.store,
      () =>
        commit(this.deps, actor, async (tx, record, at): Promise<CreateResult> => {
          // Checked again inside the transaction: two retries racing must not both create.
          const raced = await once.earlier(tx);
          if (raced) return replayed(raced);
          const year = vietnamYear(now);
          const sequence = await tx.counters.next(`incident:${year}`);
          const id = this.deps.ids();
          const incident: IncidentRecord = {
            id,
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
            tasks: checklist.map((title, k) => ({ id: checklistTaskId(id, k), title, done: false, doneBy: null, doneAt: null })),
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
          await once.remember(tx, incident.id, at, { incident } satisfies FirstAnswer);
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
        }),
      replayed,
    );
  }

  /** A system picked from the registry fills level, sector and the critical flag; it must be the agency's own. */
  private async resolveSystem(input: CreateIncidentInput) {
    if (input.systemId) {
      const systemId = input.systemId;
      const system = await referenceRead(this.deps, `system:${systemId}`, () => this.deps.store.systems.get(systemId));
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
      const user = await referenceRead(this.deps, `user:${actor.id}`, () => this.deps.store.users.get(actor.id));
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
