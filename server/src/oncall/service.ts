/**
 * On-call rosters per team: weekly rotation and one-off overrides, a primary and a backup.
 * `current(teamId, at)` is what routing (initial assignee) and escalation ask.
 */
import { EVENTS, onCallAt, type OnCallNow, type SetOnCallRosterInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { referenceRead } from '../platform/referenceCache.js';
import { saveVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { OnCallRosterRecord, UserRecord } from '../store/port.js';
import { onCallPolicy as can } from './policy.js';
import type { OnCallNowView } from './presenter.js';

export class OnCallService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Who is on call for the team at `at` (null ids when nobody is). Contract used by escalation. */
  async current(teamId: string, at: Date): Promise<{ primaryUserId: string | null; backupUserId: string | null }> {
    const roster = await referenceRead(this.deps, `oncall:${teamId}`, () => this.deps.store.onCall.get(teamId));
    const now = onCallAt(roster, at);
    return { primaryUserId: now.primaryUserId, backupUserId: now.backupUserId };
  }

  async get(actor: Actor, teamId: string): Promise<{ roster: OnCallRosterRecord | null; now: OnCallNow }> {
    if (!can.read(actor)) throw forbidden();
    if (!(await this.deps.store.teams.get(teamId))) throw notFound('Team');
    const roster = await this.deps.store.onCall.get(teamId);
    return { roster, now: onCallAt(roster, this.deps.clock.now()) };
  }

  async set(actor: Actor, teamId: string, input: SetOnCallRosterInput): Promise<OnCallRosterRecord> {
    if (!can.edit(actor)) throw forbidden('Only coordinators keep on-call rosters');
    if (!(await this.deps.store.teams.get(teamId))) throw notFound('Team');
    const members = new Map((await this.deps.store.users.listByTeam(teamId)).filter((u) => !u.disabled).map((u) => [u.id, u]));
    const details: { path: string; message: string }[] = [];
    const check = (userId: string | null, path: string) => {
      if (userId !== null && !members.has(userId)) details.push({ path, message: 'not an active member of this team' });
    };
    input.weeks.forEach((w, i) => {
      check(w.primaryUserId, `weeks.${i}.primaryUserId`);
      check(w.backupUserId, `weeks.${i}.backupUserId`);
    });
    input.overrides.forEach((o, i) => {
      check(o.primaryUserId, `overrides.${i}.primaryUserId`);
      check(o.backupUserId, `overrides.${i}.backupUserId`);
    });
    if (details.length) throw unprocessable('On-call people must be active members of the team', details);
    return saveVersioned(this.deps, actor, {
      entity: 'on_call_roster',
      slot: (tx) => ({ load: () => tx.onCall.get(teamId), write: (next, expected) => tx.onCall.save(next, expected) }),
      expected: input.version,
      change: () => ({
        teamId,
        rotationStart: new Date(input.rotationStart).toISOString(),
        weeks: input.weeks.map((w) => ({ primaryUserId: w.primaryUserId, backupUserId: w.backupUserId })),
        overrides: input.overrides.map((o) => ({
          from: new Date(o.from).toISOString(),
          to: new Date(o.to).toISOString(),
          primaryUserId: o.primaryUserId,
          backupUserId: o.backupUserId,
          reason: o.reason,
        })),
        updatedBy: actor.id,
      }),
      after: async (roster, _current, record) => {
        await record({
          type: EVENTS.onCallRosterChanged,
          entity: 'team',
          entityId: teamId,
          data: { weeks: roster.weeks.length, overrides: roster.overrides.length, version: roster.version },
        });
      },
    });
  }

  /** "Who is on call now" for every team: the coordinators' printable page. */
  async now(actor: Actor): Promise<OnCallNowView[]> {
    if (!can.read(actor)) throw forbidden();
    const at = this.deps.clock.now();
    const teams = (await this.deps.store.teams.list({ limit: 200 })).items;
    const users = new Map<string, UserRecord | null>();
    const person = async (id: string | null) => {
      if (!id) return null;
      if (!users.has(id)) users.set(id, await this.deps.store.users.get(id));
      const u = users.get(id);
      return u ? { id: u.id, displayName: u.displayName, phone: u.phone, email: u.email } : null;
    };
    const rows: OnCallNowView[] = [];
    for (const team of teams) {
      const now = onCallAt(await this.deps.store.onCall.get(team.id), at);
      rows.push({
        ...now,
        teamId: team.id,
        teamName: team.name,
        primary: await person(now.primaryUserId),
        backup: await person(now.backupUserId),
      });
    }
    return rows;
  }
}
