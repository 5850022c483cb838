/**
 * Serious incidents (R2 as corrected) and their upward notifications. The flag follows the
 * hub's computation (a)+(b) with the agency's answer (c), unless a coordinator decided;
 * every flip records exactly one `incident.serious_changed`, and a real (non-drill) serious
 * incident gets one upward notification per recipient to prepare, send and track.
 */
import {
  EVENTS,
  assessSerious,
  isSerious,
  seriousReasonsOf,
  type SeriousAssessmentUpdate,
  type SeriousDecisionInput,
  type SeriousnessState,
  type UpdateUpwardNotificationInput,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable, VersionConflict } from '../platform/errors.js';
import { incidentPolicy } from '../incidents/policy.js';
import { byId, updateVersioned, type RecordEvent, type ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentRecord, Repositories, UpwardNotificationRecord } from '../store/port.js';
import { OPEN_STATUSES } from '@cert-hub/shared';
import { routingPolicy } from './policy.js';

/** The provincial leadership is told of every serious incident (Tiểu ban ATANM tỉnh; UBND tỉnh). */
export const PROVINCIAL_LEADERSHIP = 'Lãnh đạo tỉnh (Tiểu ban An toàn, An ninh mạng tỉnh; UBND tỉnh)';

/** The state of an incident filed before R2 was corrected, read from its computed flag. */
export function seriousnessOf(i: IncidentRecord): SeriousnessState {
  return (
    i.seriousness ?? {
      meetsCriteria: i.serious,
      criteria: [...i.seriousReasons],
      canHandleAlone: null,
      mayExceedCapacity: false,
      decision: null,
    }
  );
}

/** The incident with `serious`/`seriousReasons` following its seriousness state. */
export function withSeriousness(i: IncidentRecord, s: SeriousnessState): IncidentRecord {
  return { ...i, seriousness: s, serious: isSerious(s), seriousReasons: seriousReasonsOf(s) };
}

/**
 * After an incident was written: one `incident.serious_changed` if the flag flipped, and
 * the upward notifications prepared when a real incident became serious (once per incident).
 */
export async function afterSeriousness(
  tx: Repositories,
  record: RecordEvent,
  ids: () => string,
  at: string,
  wasSerious: boolean,
  incident: IncidentRecord,
  by: 'assessment' | 'coordinator',
  reason: string | null,
): Promise<void> {
  if (wasSerious === incident.serious) return;
  await record({
    type: EVENTS.incidentSeriousChanged,
    entity: 'incident',
    entityId: incident.id,
    incidentId: incident.id,
    version: incident.version,
    data: { serious: incident.serious, reason, by },
  });
  if (!incident.serious || incident.drill !== null) return;
  if ((await tx.upwardNotifications.listByIncident(incident.id)).length > 0) return;
  const nationalBodies = (await tx.teams.list({ limit: 200, kind: 'national_body' })).items;
  const recipients = [
    ...nationalBodies.map((t) => ({ kind: 'national_body' as const, teamId: t.id, name: t.name })),
    { kind: 'provincial_leadership' as const, teamId: null, name: PROVINCIAL_LEADERSHIP },
  ];
  const prepared: UpwardNotificationRecord[] = recipients.map((r) => ({
    id: ids(),
    incidentId: incident.id,
    recipientKind: r.kind,
    recipientTeamId: r.teamId,
    recipientName: r.name,
    status: 'prepared',
    channel: null,
    sentAt: null,
    sentBy: null,
    documentNumber: null,
    content: `${incident.code}: ${incident.title}`,
    tlp: incident.tlp,
    acknowledgedAt: null,
    acknowledgement: null,
    followUps: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  for (const n of prepared) await tx.upwardNotifications.insert(n);
  await record({
    type: EVENTS.upwardNotificationPrepared,
    entity: 'incident',
    entityId: incident.id,
    incidentId: incident.id,
    version: incident.version,
    data: { recipients: prepared.map((n) => ({ id: n.id, recipientName: n.recipientName, recipientKind: n.recipientKind })) },
  });
}

export class SeriousService {
  constructor(private readonly deps: ServiceDeps) {}

  /** A coordinator confirms, declares or withdraws "serious" with a reason, or clears the decision. */
  async decide(actor: Actor, id: string, input: SeriousDecisionInput): Promise<IncidentRecord> {
    const current = await this.readable(actor, id);
    if (!routingPolicy.coordinate(actor)) throw forbidden('Only coordinators decide whether an incident is serious');
    const state = seriousnessOf(current);
    if (input.action === 'confirm' && !isSerious(state))
      throw unprocessable('Nothing to confirm: the incident is not serious; declare it instead', [
        { path: 'action', message: 'not serious' },
      ]);
    const decision =
      input.action === 'clear'
        ? null
        : { serious: input.action !== 'withdraw', reason: input.reason, by: actor.id, at: this.deps.clock.now().toISOString() };
    return this.write(actor, current, input.version, { ...state, decision }, 'coordinator', input.reason, { action: input.action });
  }

  /** Impacts, the system or the agency's answers changed: the hub re-assesses. */
  async reassess(actor: Actor, id: string, input: SeriousAssessmentUpdate): Promise<IncidentRecord> {
    const current = await this.readable(actor, id);
    const agencyAnswer = actor.role === 'focal_point' && actor.agencyId === current.agencyId;
    if (!agencyAnswer && !incidentPolicy.work(actor, current)) throw forbidden();
    // The agency answers for itself (condition c and capacity); the CERT also corrects impacts and the system.
    if (agencyAnswer && (input.impacts !== undefined || input.systemLevel !== undefined || input.nationalCritical !== undefined))
      throw forbidden('The agency answers whether it can handle the incident; the CERT updates impacts and the system');
    const state = seriousnessOf(current);
    const next: IncidentRecord = {
      ...current,
      impacts: input.impacts ? [...new Set(input.impacts)] : current.impacts,
      systemLevel: input.systemLevel !== undefined ? input.systemLevel : current.systemLevel,
      nationalCritical: input.nationalCritical ?? current.nationalCritical,
    };
    const assessed = assessSerious(
      {
        systemLevel: next.systemLevel,
        nationalCritical: next.nationalCritical,
        impacts: next.impacts,
        canHandleAlone: input.canHandleAlone !== undefined ? input.canHandleAlone : state.canHandleAlone,
        mayExceedCapacity: input.mayExceedCapacity ?? state.mayExceedCapacity,
      },
      state.decision,
    );
    return this.write(actor, next, input.version, assessed, 'assessment', null, {});
  }

  /** A registry system's level or critical flag changed: re-assess its open incidents. */
  async reassessSystem(systemId: string): Promise<number> {
    const system = await this.deps.store.systems.get(systemId);
    if (!system) return 0;
    let changed = 0;
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.incidents.list({ statuses: OPEN_STATUSES, limit: 200, cursor });
      for (const i of page.items) {
        if (i.systemId !== systemId) continue;
        if (i.systemLevel === system.level && i.nationalCritical === system.nationalCritical) continue;
        const state = seriousnessOf(i);
        const assessed = assessSerious(
          {
            systemLevel: system.level,
            nationalCritical: system.nationalCritical,
            impacts: i.impacts,
            canHandleAlone: state.canHandleAlone,
            mayExceedCapacity: state.mayExceedCapacity,
          },
          state.decision,
        );
        try {
          await this.write(
            null,
            { ...i, systemLevel: system.level, nationalCritical: system.nationalCritical },
            i.version,
            assessed,
            'assessment',
            null,
            { systemId },
          );
          changed++;
        } catch (error) {
          // Someone changed the incident meanwhile; their write stands and the next change re-assesses.
          if (!(error instanceof VersionConflict)) throw error;
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return changed;
  }

  async listUpward(actor: Actor, incidentId: string): Promise<UpwardNotificationRecord[]> {
    const incident = await this.readable(actor, incidentId);
    if (!incidentPolicy.seesInternal(actor)) throw notFound('Incident');
    return this.deps.store.upwardNotifications.listByIncident(incident.id);
  }

  async updateUpward(actor: Actor, incidentId: string, notificationId: string, input: UpdateUpwardNotificationInput) {
    const { current } = await this.upwardOf(actor, incidentId, notificationId);
    const now = this.deps.clock.now().toISOString();
    const next: UpwardNotificationRecord = { ...current };
    if (input.channel !== undefined) next.channel = input.channel;
    if (input.documentNumber !== undefined) next.documentNumber = input.documentNumber;
    if (input.content !== undefined) next.content = input.content;
    if (input.tlp !== undefined) next.tlp = input.tlp;
    if (input.sent === true && !current.sentAt) {
      next.sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : now;
      next.sentBy = actor.id;
    } else if (input.sent === false) {
      next.sentAt = null;
      next.sentBy = null;
    } else if (input.sentAt !== undefined && current.sentAt) {
      next.sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : null;
    }
    if (input.acknowledgement !== undefined) next.acknowledgement = input.acknowledgement;
    if (input.acknowledged === true && !current.acknowledgedAt) next.acknowledgedAt = now;
    if (input.acknowledged === false) next.acknowledgedAt = null;
    if (next.acknowledgedAt && !next.sentAt)
      throw unprocessable('Record when it was sent before its acknowledgement', [{ path: 'acknowledged', message: 'not sent yet' }]);
    if (next.sentAt && !next.channel)
      throw unprocessable('Say by which channel it was sent', [{ path: 'channel', message: 'required once sent' }]);
    next.status = next.acknowledgedAt ? 'acknowledged' : next.sentAt ? 'sent' : 'prepared';
    return this.saveUpward(actor, current, input.version, next, {
      status: next.status,
      channel: next.channel,
      documentNumber: next.documentNumber,
    });
  }

  async addFollowUp(actor: Actor, incidentId: string, notificationId: string, version: number, note: string) {
    const { current } = await this.upwardOf(actor, incidentId, notificationId);
    const followUp = { at: this.deps.clock.now().toISOString(), by: actor.id, note };
    return this.saveUpward(actor, current, version, { ...current, followUps: [...current.followUps, followUp] }, { followUp: note });
  }

  private async upwardOf(actor: Actor, incidentId: string, notificationId: string) {
    const incident = await this.readable(actor, incidentId);
    if (!routingPolicy.coordinate(actor)) throw forbidden('Only coordinators record upward notifications');
    const current = await this.deps.store.upwardNotifications.get(notificationId);
    if (!current || current.incidentId !== incident.id) throw notFound('Upward notification');
    return { incident, current };
  }

  /** `next` was computed from `current` as read; the version check guarantees it is still that one. */
  private async saveUpward(
    actor: Actor,
    current: UpwardNotificationRecord,
    expected: number,
    next: UpwardNotificationRecord,
    data: Record<string, unknown>,
  ) {
    return updateVersioned(this.deps, actor, {
      entity: 'upward_notification',
      what: 'Upward notification',
      slot: (tx) => byId(tx.upwardNotifications, current.id),
      expected,
      change: () => next,
      after: async (_saved, _stored, record) => {
        await record({
          type: EVENTS.upwardNotificationUpdated,
          entity: 'incident',
          entityId: current.incidentId,
          incidentId: current.incidentId,
          data: { notificationId: current.id, recipientName: current.recipientName, ...data },
        });
      },
    });
  }

  private async readable(actor: Actor, id: string): Promise<IncidentRecord> {
    const incident = await this.deps.store.incidents.get(id);
    if (!incident || !incidentPolicy.read(actor, incident)) throw notFound('Incident');
    return incident;
  }

  /** `base` is the incident as read with the new facts; `expected` the version the caller saw. */
  private write(
    actor: Actor | null,
    base: IncidentRecord,
    expected: number,
    state: SeriousnessState,
    by: 'assessment' | 'coordinator',
    reason: string | null,
    extra: Record<string, unknown>,
  ): Promise<IncidentRecord> {
    return updateVersioned(this.deps, actor, {
      entity: 'incident',
      what: 'Incident',
      slot: (tx) => byId(tx.incidents, base.id),
      expected,
      change: () => withSeriousness({ ...base }, state),
      after: async (next, stored, record, tx, at) => {
        await record({
          type: EVENTS.incidentSeriousAssessed,
          entity: 'incident',
          entityId: next.id,
          incidentId: next.id,
          version: next.version,
          data: {
            by,
            reason,
            serious: next.serious,
            meetsCriteria: state.meetsCriteria,
            canHandleAlone: state.canHandleAlone,
            mayExceedCapacity: state.mayExceedCapacity,
            impacts: next.impacts,
            systemLevel: next.systemLevel,
            ...extra,
          },
        });
        await afterSeriousness(tx, record, this.deps.ids, at, stored.serious, next, by, reason);
      },
    });
  }
}
