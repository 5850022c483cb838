import { EVENTS, type CreateTeamInput, type UpdateTeamInput, fieldIssue } from '@cert-hub/shared';
import type { z } from 'zod';
import type { setTeamMembersInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import {
  byId,
  changedFields,
  commit,
  updateVersioned,
  writeVersioned,
  type RecordEvent,
  type ServiceDeps,
} from '../platform/unitOfWork.js';
import type { PageQuery, PageResult, Repositories, TeamRecord } from '../store/port.js';
import { registryPolicy as can } from './policy.js';

const TRACKED: (keyof TeamRecord)[] = ['name', 'kind', 'isStanding', 'organization', 'sectorCode', 'description', 'phone', 'email'];
const MEMBER_ROLES = new Set(['responder', 'coordinator']);

export interface TeamWithMembers {
  team: TeamRecord;
  memberIds: string[];
}

export class TeamService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, query: PageQuery & { q?: string; kind?: TeamRecord['kind'] }): Promise<PageResult<TeamWithMembers>> {
    if (!can.readTeams(actor)) throw forbidden();
    const page = await this.deps.store.teams.list(query);
    return { items: await Promise.all(page.items.map((t) => this.withMembers(actor, t))), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<TeamWithMembers> {
    const team = await this.deps.store.teams.get(id);
    if (!team || !can.readTeams(actor)) throw notFound('Team');
    return this.withMembers(actor, team);
  }

  /** The team every report goes to until routing rules exist (the provincial CERT). */
  async standingTeam(): Promise<TeamRecord | null> {
    return (await this.deps.store.teams.listStanding())[0] ?? null;
  }

  async create(actor: Actor, input: CreateTeamInput): Promise<TeamWithMembers> {
    if (!can.writeTeam(actor)) throw forbidden();
    await this.checkSector(input.sectorCode);
    return commit(this.deps, actor, async (tx, record, now) => {
      const team: TeamRecord = {
        id: this.deps.ids(),
        name: input.name,
        kind: input.kind,
        isStanding: input.isStanding,
        organization: input.organization ?? null,
        sectorCode: input.sectorCode ?? null,
        description: input.description ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.teams.insert(team);
      if (team.isStanding) await this.clearOtherStanding(tx, team.id, now, record);
      await record({
        type: EVENTS.teamCreated,
        entity: 'team',
        entityId: team.id,
        version: 1,
        data: { name: team.name, kind: team.kind, isStanding: team.isStanding },
      });
      return { team, memberIds: [] };
    });
  }

  async update(actor: Actor, id: string, input: UpdateTeamInput): Promise<TeamWithMembers> {
    const { memberIds } = await this.get(actor, id);
    if (!can.writeTeam(actor)) throw forbidden();
    await this.checkSector(input.sectorCode);
    const { version, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const team = await updateVersioned(this.deps, actor, {
      ...this.teamSlot(id),
      expected: version,
      change: (current) => ({ ...current, ...defined }),
      after: async (next, current, record, tx, now) => {
        if (next.isStanding && !current.isStanding) await this.clearOtherStanding(tx, id, now, record);
        await record({
          type: EVENTS.teamUpdated,
          entity: 'team',
          entityId: id,
          version: next.version,
          data: { changes: changedFields(current, next, TRACKED) },
        });
      },
    });
    return { team, memberIds };
  }

  /** Sets who is on the team: only responders and coordinators can be members. */
  async setMembers(actor: Actor, id: string, input: z.infer<typeof setTeamMembersInput>): Promise<TeamWithMembers> {
    const { memberIds: before } = await this.get(actor, id);
    if (!can.setTeamMembers(actor)) throw forbidden();
    const wanted = [...new Set(input.userIds)];
    const users = await Promise.all(wanted.map((uid) => this.deps.store.users.get(uid)));
    const problems = wanted
      .map((uid, i) => ({ uid, user: users[i] }))
      .filter(({ user }) => !user || !MEMBER_ROLES.has(user.role))
      .map(({ uid, user }) => ({
        path: `userIds.${wanted.indexOf(uid)}`,
        message: user ? 'only responders and coordinators join teams' : 'no such user',
      }));
    if (problems.length) throw unprocessable('Some users cannot be members of this team', problems);
    const leaving = before.filter((uid) => !wanted.includes(uid));
    const joining = wanted.filter((uid) => !before.includes(uid));
    const team = await updateVersioned(this.deps, actor, {
      ...this.teamSlot(id),
      expected: input.version,
      change: (current) => current, // the team's own fields stay; its version marks the new membership
      after: async (next, _current, record, tx, now) => {
        for (const uid of [...leaving, ...joining]) {
          const user = await tx.users.get(uid);
          if (!user) continue;
          const teamIds = leaving.includes(uid) ? user.teamIds.filter((t) => t !== id) : [...new Set([...user.teamIds, id])];
          await writeVersioned('user', byId(tx.users, uid), user, { ...user, teamIds, version: user.version + 1, updatedAt: now });
        }
        await record({
          type: EVENTS.teamMembersChanged,
          entity: 'team',
          entityId: id,
          version: next.version,
          data: { added: joining, removed: leaving },
        });
      },
    });
    return { team, memberIds: wanted };
  }

  /** A team as a versioned record; a conflict carries its members too. */
  private teamSlot(id: string) {
    return {
      entity: 'team' as const,
      what: 'Team',
      slot: (tx: Repositories) => byId(tx.teams, id),
      conflictView: async (latest: TeamRecord, tx: Repositories) => ({
        ...latest,
        memberIds: (await tx.users.listByTeam(latest.id)).map((u) => u.id),
      }),
    };
  }

  private async withMembers(actor: Actor, team: TeamRecord): Promise<TeamWithMembers> {
    const memberIds = can.readTeamMembers(actor) ? (await this.deps.store.users.listByTeam(team.id)).map((u) => u.id) : [];
    return { team, memberIds };
  }

  /** Only one team is the standing team (cơ quan thường trực). */
  private async clearOtherStanding(tx: Repositories, keepId: string, now: string, record: RecordEvent) {
    for (const other of await tx.teams.listStanding()) {
      if (other.id === keepId) continue;
      const next = await writeVersioned('team', byId(tx.teams, other.id), other, {
        ...other,
        isStanding: false,
        version: other.version + 1,
        updatedAt: now,
      });
      await record({
        type: EVENTS.teamUpdated,
        entity: 'team',
        entityId: other.id,
        version: next.version,
        data: { changes: { isStanding: [true, false] } },
      });
    }
  }

  private async checkSector(sectorCode: string | null | undefined) {
    if (sectorCode && !(await this.deps.store.sectors.get(sectorCode)))
      throw unprocessable('Unknown sector', [fieldIssue('sectorCode', 'no_such_sector')]);
  }
}
