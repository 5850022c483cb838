/**
 * One-time password-reset links. An administrator issues a link for a user; the token is
 * `<userId>.<secret>` so it finds its user without a lookup table, and only the SHA-256 of the
 * whole token is kept on the user record (a copy of the database opens no account). Using
 * the link sets the password, ends every session of the user and clears the token: one use.
 * A newer link replaces an older one. Expiry runs on the injected clock.
 */
import crypto from 'node:crypto';
import { EVENTS, fieldIssue, type CompletePasswordResetInput, type PasswordResetLinkView } from '@cert-hub/shared';
import { forbidden, notFound, unprocessable, versionConflict } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import { registryPolicy as can } from '../registry/policy.js';
import type { UserRecord } from '../store/port.js';
import type { Actor } from './actor.js';
import type { PasswordHasher } from './passwords.js';
import { hashToken } from './tokens.js';

export const DEFAULT_PASSWORD_RESET_TTL_HOURS = 24;

export interface PasswordResetDeps extends ServiceDeps {
  hasher: PasswordHasher;
  ttlHours: number;
}

const invalidLink = () => unprocessable('The reset link is wrong, already used or expired', [fieldIssue('token', 'reset_link_invalid')]);

export class PasswordResetService {
  constructor(private readonly deps: PasswordResetDeps) {}

  async issue(actor: Actor, userId: string): Promise<PasswordResetLinkView> {
    if (!can.writeUser(actor)) throw forbidden();
    const user = await this.deps.store.users.get(userId);
    if (!user) throw notFound('User');
    const token = `${user.id}.${crypto.randomBytes(24).toString('base64url')}`;
    return commit(this.deps, actor, async (tx, record, now) => {
      const expiresAt = new Date(Date.parse(now) + this.deps.ttlHours * 3_600_000).toISOString();
      const next: UserRecord = {
        ...user,
        passwordReset: { tokenHash: hashToken(token), expiresAt, issuedBy: actor.id, issuedAt: now },
        version: user.version + 1,
        updatedAt: now,
      };
      if (!(await tx.users.update(next, user.version))) throw versionConflict('user', await tx.users.get(user.id));
      // The token itself is never recorded: the event says who issued a link for whom, and until when.
      await record({ type: EVENTS.userPasswordResetIssued, entity: 'user', entityId: user.id, version: next.version, data: { expiresAt } });
      return { token, path: `/reset-password?token=${encodeURIComponent(token)}`, expiresAt };
    });
  }

  /** Sets the new password through the link; the user's sessions all end. */
  async complete(input: CompletePasswordResetInput): Promise<void> {
    const userId = input.token.split('.')[0] ?? '';
    const user = userId ? await this.deps.store.users.get(userId) : null;
    const pending = user?.passwordReset;
    if (!user || !pending || user.disabled) throw invalidLink();
    const given = Buffer.from(hashToken(input.token), 'hex');
    if (!crypto.timingSafeEqual(given, Buffer.from(pending.tokenHash, 'hex'))) throw invalidLink();
    if (Date.parse(pending.expiresAt) <= this.deps.clock.now().getTime()) throw invalidLink();
    const passwordHash = await this.deps.hasher.hash(input.password);
    await commit(this.deps, null, async (tx, record, now) => {
      const next: UserRecord = {
        ...user,
        passwordHash,
        passwordReset: null,
        sessionEpoch: user.sessionEpoch + 1,
        version: user.version + 1,
        updatedAt: now,
      };
      // A second use racing the first loses here: the version moved and the token is gone.
      if (!(await tx.users.update(next, user.version))) throw invalidLink();
      await tx.sessions.revokeAllForUser(user.id, now);
      await record({
        type: EVENTS.userPasswordChanged,
        entity: 'user',
        entityId: user.id,
        version: next.version,
        data: { by: 'reset_link' },
      });
    });
  }
}
