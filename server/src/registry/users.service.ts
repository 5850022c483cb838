import { EVENTS, roleShapeIssue, type CreateUserInput, type UpdateUserInput, fieldIssue, HUB_ISSUE_MESSAGES } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { PasswordHasher } from '../auth/passwords.js';
import { conflict, forbidden, notFound, unprocessable } from '../platform/errors.js';
import { byId, changedFields, commit, updateVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { PageQuery, PageResult, UserRecord } from '../store/port.js';
import { registryPolicy as can } from './policy.js';

const TRACKED: (keyof UserRecord)[] = ['displayName', 'role', 'agencyId', 'teamIds', 'phone', 'email', 'disabled'];

export class UserService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly hasher: PasswordHasher,
  ) {}

  async list(
    actor: Actor,
    query: PageQuery & { q?: string; role?: UserRecord['role']; agencyId?: string; teamId?: string },
  ): Promise<PageResult<UserRecord>> {
    if (!can.listUsers(actor)) throw forbidden();
    return this.deps.store.users.list(query);
  }

  async get(actor: Actor, id: string): Promise<UserRecord> {
    const user = await this.deps.store.users.get(id);
    if (!user || !can.readUser(actor, id)) throw notFound('User');
    return user;
  }

  async count(): Promise<number> {
    return this.deps.store.users.count();
  }

  async create(actor: Actor | null, input: CreateUserInput): Promise<UserRecord> {
    if (actor && !can.writeUser(actor)) throw forbidden();
    if (await this.deps.store.users.getByUsername(input.username))
      throw conflict('That username is taken', [fieldIssue('username', 'taken')]);
    await this.checkReferences(input.agencyId ?? null, input.teamIds);
    const passwordHash = await this.hasher.hash(input.password);
    return commit(this.deps, actor, async (tx, record, now) => {
      const user: UserRecord = {
        id: this.deps.ids(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        agencyId: input.agencyId ?? null,
        teamIds: [...new Set(input.teamIds)],
        phone: input.phone ?? null,
        email: input.email ?? null,
        passwordHash,
        disabled: false,
        sessionEpoch: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      if (await tx.users.getByUsername(user.username)) throw conflict('That username is taken', [fieldIssue('username', 'taken')]);
      await tx.users.insert(user);
      await record({
        type: EVENTS.userCreated,
        entity: 'user',
        entityId: user.id,
        version: 1,
        data: { username: user.username, role: user.role, agencyId: user.agencyId },
      });
      return user;
    });
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserRecord> {
    const current = await this.get(actor, id);
    if (!can.writeUser(actor)) throw forbidden();
    const { version: _v, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const draft: UserRecord = { ...current, ...defined };
    // Changing the role clears what the old role carried unless the request says otherwise.
    if (input.role && input.role !== current.role) {
      if (input.agencyId === undefined && input.role !== 'focal_point') draft.agencyId = null;
      if (input.teamIds === undefined && !['responder', 'coordinator'].includes(input.role)) draft.teamIds = [];
    }
    const shapeIssue = roleShapeIssue(draft.role, draft.agencyId, draft.teamIds);
    if (shapeIssue) throw unprocessable(HUB_ISSUE_MESSAGES[shapeIssue], [fieldIssue('role', shapeIssue)]);
    await this.checkReferences(
      draft.agencyId !== current.agencyId ? draft.agencyId : null,
      draft.teamIds.filter((t) => !current.teamIds.includes(t)),
    );
    const losesAdmin = current.role === 'admin' && !current.disabled && (draft.role !== 'admin' || draft.disabled);
    if (losesAdmin && (await this.activeAdminCount()) <= 1)
      throw unprocessable('This is the last active administrator; name another one first');
    const endSessions = draft.disabled && !current.disabled;
    return updateVersioned(this.deps, actor, {
      entity: 'user',
      slot: (tx) => byId(tx.users, id),
      expected: input.version,
      change: (stored) => ({
        ...draft,
        teamIds: [...new Set(draft.teamIds)],
        sessionEpoch: endSessions ? stored.sessionEpoch + 1 : stored.sessionEpoch,
      }),
      after: async (next, stored, record, tx, now) => {
        if (endSessions) await tx.sessions.revokeAllForUser(id, now);
        await record({
          type: EVENTS.userUpdated,
          entity: 'user',
          entityId: id,
          version: next.version,
          data: { changes: changedFields(stored, next, TRACKED) },
        });
      },
    });
  }

  /** An administrator sets a new password; every session of that user ends. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    await this.get(actor, id);
    if (!can.writeUser(actor)) throw forbidden();
    const passwordHash = await this.hasher.hash(password);
    await updateVersioned(this.deps, actor, {
      entity: 'user',
      slot: (tx) => byId(tx.users, id),
      expected: 'any', // an administrator's reset applies to whatever version is current
      change: (current) => ({ ...current, passwordHash, sessionEpoch: current.sessionEpoch + 1 }),
      after: async (next, _current, record, tx, now) => {
        await tx.sessions.revokeAllForUser(id, now);
        await record({ type: EVENTS.userPasswordChanged, entity: 'user', entityId: id, version: next.version, data: { by: 'admin' } });
      },
    });
  }

  private async activeAdminCount(): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.users.list({ role: 'admin', limit: 200, cursor });
      count += page.items.filter((u) => !u.disabled).length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  }

  private async checkReferences(agencyId: string | null, teamIds: string[]) {
    if (agencyId) {
      const agency = await this.deps.store.agencies.get(agencyId);
      if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [fieldIssue('agencyId', 'no_such_agency')]);
    }
    for (const [i, teamId] of teamIds.entries())
      if (!(await this.deps.store.teams.get(teamId))) throw unprocessable('Unknown team', [fieldIssue(`teamIds.${i}`, 'no_such_team')]);
  }
}
