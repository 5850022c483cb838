/**
 * Sign-in, session rotation and sign-out, password changes. Refresh tokens rotate on every
 * use; presenting one that was already used revokes its whole family (a stolen token is
 * worthless once either party uses it).
 */
import { EVENTS, fieldIssue } from '@cert-hub/shared';
import type { z } from 'zod';
import type { changePasswordInput, loginInput, updateMeInput } from '@cert-hub/shared';
import { DomainError, unauthenticated } from '../platform/errors.js';
import { byId, updateVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { SessionRecord, UserRecord } from '../store/port.js';
import { actorOf, type Actor } from './actor.js';
import type { LoginThrottle } from './loginThrottle.js';
import type { PasswordHasher } from './passwords.js';
import { SessionCache } from './sessionCache.js';
import { hashToken, newRefreshToken, type TokenService } from './tokens.js';

export interface AuthDeps extends ServiceDeps {
  tokens: TokenService;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  refreshTtlDays: number;
  /** Per-session identity cache; off when absent. */
  sessionCache?: SessionCache;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserRecord;
}

const invalidCredentials = () => new DomainError('invalid_credentials', 'Wrong username or password');

export class AuthService {
  private readonly cache: SessionCache;

  constructor(private readonly deps: AuthDeps) {
    this.cache = deps.sessionCache ?? new SessionCache(false);
  }

  async login(input: z.infer<typeof loginInput>, client: ClientInfo): Promise<IssuedSession> {
    const username = input.username.toLowerCase();
    // The attempt is counted before bcrypt runs: a burst gets at most the limit evaluated.
    await this.deps.throttle.reserve(username, client.ip);
    const user = await this.deps.store.users.getByUsername(username);
    const ok = user ? await this.deps.hasher.verify(input.password, user.passwordHash) : await this.deps.hasher.verifyDummy(input.password);
    if (!user || !ok || user.disabled) throw invalidCredentials();
    await this.deps.throttle.recordSuccess(username, client.ip);
    return this.startSession(user, this.deps.ids(), client);
  }

  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    if (!refreshToken) throw unauthenticated('No session; sign in again');
    const { store, clock } = this.deps;
    const now = clock.now();
    const session = await store.sessions.getByTokenHash(hashToken(refreshToken));
    if (!session || session.revokedAt) throw unauthenticated('Session ended; sign in again');
    if (session.rotatedAt || !(await store.sessions.markRotated(session.id, now.toISOString()))) {
      // A used token came back: somebody holds a copy. End every session of this login.
      await store.sessions.revokeFamily(session.familyId, now.toISOString());
      this.cache.invalidateAll();
      throw unauthenticated('Session ended; sign in again');
    }
    if (new Date(session.expiresAt) <= now) throw unauthenticated('Session expired; sign in again');
    const user = await store.users.get(session.userId);
    if (!user || user.disabled || user.sessionEpoch !== session.sessionEpoch) {
      await store.sessions.revokeFamily(session.familyId, now.toISOString());
      this.cache.invalidateAll();
      throw unauthenticated('Session ended; sign in again');
    }
    return this.startSession(user, session.familyId, client);
  }

  async logout(actor: Actor | null, refreshToken: string | undefined): Promise<void> {
    const { store, clock } = this.deps;
    const at = clock.now().toISOString();
    const byToken = refreshToken ? await store.sessions.getByTokenHash(hashToken(refreshToken)) : null;
    const bySession = actor?.sessionId ? await store.sessions.get(actor.sessionId) : null;
    for (const session of [byToken, bySession]) if (session) await store.sessions.revokeFamily(session.familyId, at);
    this.cache.invalidateAll();
  }

  /** Resolves an access token to the acting user, checking the session is still alive. */
  async authenticate(accessToken: string): Promise<{ actor: Actor; expiresAt: number } | null> {
    const claims = this.deps.tokens.verifyAccess(accessToken);
    if (!claims) return null;
    const { session, user } = await this.identity(claims.sid, claims.sub);
    if (!session || session.revokedAt || session.userId !== claims.sub) return null;
    if (!user || user.disabled || user.sessionEpoch !== session.sessionEpoch) return null;
    return { actor: actorOf(user, session.id), expiresAt: claims.exp * 1000 };
  }

  private async identity(sessionId: string, userId: string): Promise<{ session: SessionRecord | null; user: UserRecord | null }> {
    const cached = this.cache.get(sessionId);
    if (cached && cached.user.id === userId) return cached;
    const generation = this.cache.generation;
    const [session, user] = await Promise.all([this.deps.store.sessions.get(sessionId), this.deps.store.users.get(userId)]);
    if (session && user) this.cache.set(sessionId, { session, user }, generation);
    return { session, user };
  }

  async me(actor: Actor): Promise<UserRecord> {
    const user = actor.kind === 'user' ? await this.deps.store.users.get(actor.id) : null;
    if (!user) throw unauthenticated();
    return user;
  }

  /** Changing one's password ends every session, this one included. */
  async changePassword(actor: Actor, input: z.infer<typeof changePasswordInput>, client: ClientInfo): Promise<void> {
    const user = await this.deps.store.users.get(actor.id);
    if (!user) throw unauthenticated();
    // The current password is guessed against the same per-account budget as sign-in: a
    // stolen access token is no password oracle.
    await this.deps.throttle.reserve(user.username, client.ip);
    if (!(await this.deps.hasher.verify(input.currentPassword, user.passwordHash)))
      throw new DomainError('unprocessable', 'The current password is wrong', [fieldIssue('currentPassword', 'wrong_password')]);
    await this.deps.throttle.recordSuccess(user.username, client.ip);
    const passwordHash = await this.deps.hasher.hash(input.newPassword);
    // Checked against the version whose password was verified: a concurrent change is a conflict.
    await updateVersioned(this.deps, actor, {
      entity: 'user',
      slot: (tx) => byId(tx.users, user.id),
      expected: user.version,
      change: (current) => ({ ...current, passwordHash, sessionEpoch: current.sessionEpoch + 1 }),
      after: async (next, _current, record, tx, now) => {
        await tx.sessions.revokeAllForUser(user.id, now);
        await record({ type: EVENTS.userPasswordChanged, entity: 'user', entityId: user.id, version: next.version, data: { by: 'self' } });
      },
    });
  }

  async updateMe(actor: Actor, input: z.infer<typeof updateMeInput>): Promise<UserRecord> {
    const user = await this.deps.store.users.get(actor.id);
    if (!user) throw unauthenticated();
    // Only the fields sent change, on whatever version is current.
    return updateVersioned(this.deps, actor, {
      entity: 'user',
      slot: (tx) => byId(tx.users, user.id),
      expected: 'any',
      change: (current) => ({
        ...current,
        displayName: input.displayName ?? current.displayName,
        phone: input.phone !== undefined ? input.phone : current.phone,
        email: input.email !== undefined ? input.email : current.email,
      }),
      after: async (next, _current, record) => {
        await record({ type: EVENTS.userUpdated, entity: 'user', entityId: user.id, version: next.version, data: { self: true } });
      },
    });
  }

  private async startSession(user: UserRecord, familyId: string, client: ClientInfo): Promise<IssuedSession> {
    const now = this.deps.clock.now();
    const refreshToken = newRefreshToken();
    const refreshExpiresAt = new Date(now.getTime() + this.deps.refreshTtlDays * 86_400_000);
    const session: SessionRecord = {
      id: this.deps.ids(),
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      sessionEpoch: user.sessionEpoch,
      expiresAt: refreshExpiresAt.toISOString(),
      createdAt: now.toISOString(),
      rotatedAt: null,
      revokedAt: null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip,
    };
    await this.deps.store.sessions.insert(session);
    return {
      accessToken: this.deps.tokens.signAccess({ sub: user.id, sid: session.id }),
      refreshToken,
      refreshExpiresAt,
      user,
    };
  }
}
