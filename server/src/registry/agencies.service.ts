import { EVENTS, normalizeSearch, type CreateAgencyInput, type UpdateAgencyInput, fieldIssue } from '@cert-hub/shared';
import type { z } from 'zod';
import type { mergeAgencyInput, setFocalPointsInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { resolveActors, type Actors } from '../audit/actors.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { byId, changedFields, commit, updateVersioned, writeVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { AgencyRecord, EventRecord, PageQuery, PageResult } from '../store/port.js';
import { registryPolicy as can } from './policy.js';

const TRACKED: (keyof AgencyRecord)[] = ['name', 'shortName', 'type', 'province', 'parentId', 'address', 'phone', 'email', 'website'];

export class AgencyService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    query: PageQuery & { q?: string; type?: AgencyRecord['type']; includeMerged?: boolean },
  ): Promise<PageResult<AgencyRecord>> {
    if (actor.role === 'focal_point') {
      // A focal point's world is their own agency.
      const own = actor.agencyId ? await this.deps.store.agencies.get(actor.agencyId) : null;
      const matches =
        own &&
        (!query.type || own.type === query.type) &&
        (!query.q || normalizeSearch([own.name, own.shortName ?? '', ...own.formerNames].join(' ')).includes(normalizeSearch(query.q)));
      return { items: matches && !query.cursor ? [own] : [], nextCursor: null };
    }
    return this.deps.store.agencies.list(query);
  }

  async get(actor: Actor, id: string): Promise<AgencyRecord> {
    const agency = await this.deps.store.agencies.get(id);
    if (!agency || !can.readAgency(actor, agency.id)) throw notFound('Agency');
    return agency;
  }

  /** Every recorded change of the agency, with who made them. */
  async history(actor: Actor, id: string): Promise<{ events: EventRecord[]; actors: Actors }> {
    const agency = await this.get(actor, id);
    if (!can.readAgencyHistory(actor, agency.id)) throw forbidden();
    const events = await this.deps.store.events.listForEntity('agency', agency.id, 500);
    return {
      events,
      actors: await resolveActors(
        this.deps.store,
        events.map((e) => e.actorId),
      ),
    };
  }

  async create(actor: Actor, input: CreateAgencyInput): Promise<AgencyRecord> {
    if (!can.createAgency(actor)) throw forbidden();
    if (input.parentId) await this.requireLiveAgency(input.parentId, 'parentId');
    return commit(this.deps, actor, async (tx, record, now) => {
      const agency: AgencyRecord = {
        id: this.deps.ids(),
        name: input.name,
        shortName: input.shortName ?? null,
        type: input.type,
        province: input.province,
        parentId: input.parentId ?? null,
        address: input.address ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        website: input.website ?? null,
        focalPoints: [],
        mergedIntoId: null,
        formerNames: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.agencies.insert(agency);
      await record({ type: EVENTS.agencyCreated, entity: 'agency', entityId: agency.id, version: 1, data: { name: agency.name } });
      return agency;
    });
  }

  /** A rename keeps the id (so every record stays attached) and remembers the old name. */
  async update(actor: Actor, id: string, input: UpdateAgencyInput): Promise<AgencyRecord> {
    await this.get(actor, id);
    if (!can.updateAgency(actor)) throw forbidden();
    if (input.parentId) {
      if (input.parentId === id) throw unprocessable('An agency cannot be its own parent', [fieldIssue('parentId', 'same_agency')]);
      await this.requireLiveAgency(input.parentId, 'parentId');
    }
    const { version, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return updateVersioned(this.deps, actor, {
      entity: 'agency',
      slot: (tx) => byId(tx.agencies, id),
      expected: version,
      change: (current) => {
        const next: AgencyRecord = { ...current, ...defined };
        if (next.name !== current.name && !next.formerNames.includes(current.name))
          next.formerNames = [...current.formerNames, current.name];
        return next;
      },
      after: async (next, current, record) => {
        await record({
          type: EVENTS.agencyUpdated,
          entity: 'agency',
          entityId: id,
          version: next.version,
          data: { changes: changedFields(current, next, TRACKED) },
        });
      },
    });
  }

  async setFocalPoints(actor: Actor, id: string, input: z.infer<typeof setFocalPointsInput>): Promise<AgencyRecord> {
    await this.get(actor, id);
    if (!can.setFocalPoints(actor, id)) throw forbidden();
    const focalPoints = input.focalPoints.map((f, i) => ({
      name: f.name,
      position: f.position ?? null,
      phone: f.phone,
      email: f.email,
      available247: f.available247,
      primary: f.primary || (i === 0 && !input.focalPoints.some((p) => p.primary)),
    }));
    return updateVersioned(this.deps, actor, {
      entity: 'agency',
      slot: (tx) => byId(tx.agencies, id),
      expected: input.version,
      change: (current) => ({ ...current, focalPoints }),
      // R6: the change is an event the provincial coordinator is notified of.
      after: async (next, current, record) => {
        await record({
          type: EVENTS.agencyFocalPointsChanged,
          entity: 'agency',
          entityId: id,
          version: next.version,
          data: { before: current.focalPoints, after: focalPoints },
        });
      },
    });
  }

  /**
   * Merging moves the source's systems and accounts to the target and marks the source as
   * merged; the source record and its event history stay, pointing to the target.
   */
  async merge(actor: Actor, id: string, input: z.infer<typeof mergeAgencyInput>): Promise<AgencyRecord> {
    await this.get(actor, id);
    if (!can.mergeAgency(actor)) throw forbidden();
    if (input.intoAgencyId === id)
      throw unprocessable('An agency cannot be merged into itself', [fieldIssue('intoAgencyId', 'same_agency')]);
    await this.requireLiveAgency(input.intoAgencyId, 'intoAgencyId');
    return updateVersioned(this.deps, actor, {
      entity: 'agency',
      slot: (tx) => byId(tx.agencies, id),
      expected: input.version,
      change: (source) => {
        if (source.mergedIntoId) throw unprocessable('This agency has already been merged');
        return { ...source, mergedIntoId: input.intoAgencyId };
      },
      after: async (merged, source, record, tx, now) => {
        const target = await tx.agencies.get(input.intoAgencyId);
        if (!target || target.mergedIntoId)
          throw unprocessable('That agency was merged into another', [fieldIssue('intoAgencyId', 'merged_agency')]);
        const survivor = await writeVersioned('agency', byId(tx.agencies, target.id), target, {
          ...target,
          formerNames: [...new Set([...target.formerNames, source.name, ...source.formerNames])],
          focalPoints: [...target.focalPoints, ...source.focalPoints.map((f) => ({ ...f, primary: false }))].slice(0, 10),
          version: target.version + 1,
          updatedAt: now,
        });
        const systemsMoved = await tx.systems.reassignAgency(source.id, target.id, now);
        // The successor agency follows its predecessor's incidents (their event history is unchanged).
        const incidentsMoved = await tx.incidents.reassignAgency(source.id, target.id, now);
        const users = await tx.users.listByAgency(source.id);
        for (const user of users)
          await writeVersioned('user', byId(tx.users, user.id), user, {
            ...user,
            agencyId: target.id,
            version: user.version + 1,
            updatedAt: now,
          });
        const data = {
          from: source.id,
          fromName: source.name,
          into: target.id,
          intoName: target.name,
          systemsMoved,
          incidentsMoved,
          usersMoved: users.length,
        };
        await record({ type: EVENTS.agencyMerged, entity: 'agency', entityId: source.id, version: merged.version, data });
        await record({ type: EVENTS.agencyMerged, entity: 'agency', entityId: target.id, version: survivor.version, data });
      },
    });
  }

  private async requireLiveAgency(id: string, field: string): Promise<AgencyRecord> {
    const agency = await this.deps.store.agencies.get(id);
    if (!agency) throw unprocessable('Unknown agency', [fieldIssue(field, 'no_such_agency')]);
    if (agency.mergedIntoId) throw unprocessable('That agency was merged into another', [fieldIssue(field, 'merged_agency')]);
    return agency;
  }
}
