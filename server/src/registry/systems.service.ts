import {
  canReviewClassification,
  EVENTS,
  fieldIssue,
  type CreateSystemInput,
  type ReviewClassificationInput,
  type UpdateSystemInput,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { byId, changedFields, commit, updateVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { PageQuery, PageResult, SystemRecord } from '../store/port.js';
import { registryPolicy as can } from './policy.js';

const TRACKED: (keyof SystemRecord)[] = ['name', 'level', 'nationalCritical', 'sectorCode', 'description', 'domains', 'ipRanges'];

export class SystemService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, query: PageQuery & { q?: string; agencyId?: string; level?: number }): Promise<PageResult<SystemRecord>> {
    let agencyIds = query.agencyId ? [query.agencyId] : undefined;
    if (actor.role === 'focal_point') agencyIds = (agencyIds ?? [actor.agencyId ?? '']).filter((id) => id === actor.agencyId);
    return this.deps.store.systems.list({ ...query, agencyIds });
  }

  async get(actor: Actor, id: string): Promise<SystemRecord> {
    const system = await this.deps.store.systems.get(id);
    if (!system || !can.readSystem(actor, system.agencyId)) throw notFound('Information system');
    return system;
  }

  async create(actor: Actor, input: CreateSystemInput): Promise<SystemRecord> {
    if (!can.writeSystem(actor, input.agencyId))
      throw forbidden(actor.role === 'focal_point' ? 'You can only register systems of your own agency' : undefined);
    await this.checkReferences(input.agencyId, input.sectorCode);
    return commit(this.deps, actor, async (tx, record, now) => {
      const system: SystemRecord = {
        id: this.deps.ids(),
        agencyId: input.agencyId,
        name: input.name,
        level: input.level,
        nationalCritical: input.nationalCritical,
        sectorCode: input.sectorCode ?? null,
        description: input.description ?? null,
        domains: [...new Set(input.domains)],
        ipRanges: [...new Set(input.ipRanges)],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.systems.insert(system);
      await record({
        type: EVENTS.systemCreated,
        entity: 'system',
        entityId: system.id,
        version: 1,
        data: { agencyId: system.agencyId, name: system.name, level: system.level },
      });
      return system;
    });
  }

  async update(actor: Actor, id: string, input: UpdateSystemInput): Promise<SystemRecord> {
    const seen = await this.get(actor, id);
    if (!can.writeSystem(actor, seen.agencyId)) throw forbidden();
    if (input.sectorCode) await this.checkReferences(seen.agencyId, input.sectorCode);
    const { version, level, nationalCritical, ...fields } = input;
    let classificationRequested: { level: SystemRecord['level']; nationalCritical: boolean } | null = null;
    return updateVersioned(this.deps, actor, {
      entity: 'system',
      slot: (tx) => byId(tx.systems, id),
      expected: version,
      change: (current, _tx, now) => {
        const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<SystemRecord>;
        const classification = { level: level ?? current.level, nationalCritical: nationalCritical ?? current.nationalCritical };
        const reclassifies = classification.level !== current.level || classification.nationalCritical !== current.nationalCritical;
        // The CERT sets a classification directly; an agency's change waits for its approval (R2).
        if (canReviewClassification(actor)) Object.assign(defined, classification);
        else if (reclassifies) {
          defined.pendingClassification = { ...classification, requestedBy: actor.id, requestedAt: now };
          classificationRequested = classification;
        }
        return { ...current, ...defined };
      },
      after: async (next, current, record) => {
        await record({
          type: EVENTS.systemUpdated,
          entity: 'system',
          entityId: id,
          version: next.version,
          data: {
            changes: changedFields(current, next, TRACKED),
            ...(classificationRequested ? { classificationRequested: { ...classificationRequested } } : {}),
          },
        });
      },
    });
  }

  /** The CERT approves (applies) or declines an agency's requested classification change. */
  async reviewClassification(actor: Actor, id: string, input: ReviewClassificationInput): Promise<SystemRecord> {
    await this.get(actor, id);
    if (!canReviewClassification(actor)) throw forbidden('Only the CERT coordinator or an administrator reviews a classification change');
    let reviewed: NonNullable<SystemRecord['pendingClassification']> | null = null;
    return updateVersioned(this.deps, actor, {
      entity: 'system',
      slot: (tx) => byId(tx.systems, id),
      expected: input.version,
      change: (current) => {
        const pending = current.pendingClassification;
        if (!pending) throw unprocessable('There is no classification change waiting for review');
        reviewed = pending;
        return {
          ...current,
          ...(input.approve ? { level: pending.level, nationalCritical: pending.nationalCritical } : {}),
          pendingClassification: null,
        };
      },
      after: async (next, _current, record) => {
        const pending = reviewed!;
        await record({
          type: EVENTS.systemClassificationReviewed,
          entity: 'system',
          entityId: id,
          version: next.version,
          data: {
            approved: input.approve,
            level: pending.level,
            nationalCritical: pending.nationalCritical,
            requestedBy: pending.requestedBy,
          },
        });
      },
    });
  }

  private async checkReferences(agencyId: string, sectorCode: string | null | undefined) {
    const agency = await this.deps.store.agencies.get(agencyId);
    if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [fieldIssue('agencyId', 'no_such_agency')]);
    if (sectorCode && !(await this.deps.store.sectors.get(sectorCode)))
      throw unprocessable('Unknown sector', [fieldIssue('sectorCode', 'no_such_sector')]);
  }
}
