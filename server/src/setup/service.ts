/**
 * First start: a store with no users has no administrator and no default password. The
 * hub prints a one-time setup token; whoever holds it creates the first administrator
 * through the console's setup screen (or `npm run create-admin`).
 */
import crypto from 'node:crypto';
import type { SetupInput } from '@cert-hub/shared';
import { DomainError } from '../platform/errors.js';
import type { UserService } from '../registry/users.service.js';
import type { UserRecord } from '../store/port.js';

const unavailable = () => new DomainError('setup_unavailable', 'Setup is already complete; sign in instead');

export class SetupService {
  private tokenHash: string | null = null;

  constructor(private readonly users: UserService) {}

  async required(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /** Makes a fresh one-time token if the hub needs setting up; returns it to print once. */
  async issueToken(): Promise<string | null> {
    if (!(await this.required())) return null;
    const token = crypto.randomBytes(18).toString('base64url');
    this.tokenHash = crypto.createHash('sha256').update(token).digest('hex');
    return token;
  }

  async createFirstAdmin(input: SetupInput): Promise<UserRecord> {
    if (!(await this.required()) || !this.tokenHash) throw unavailable();
    const given = crypto.createHash('sha256').update(input.token).digest();
    if (!crypto.timingSafeEqual(given, Buffer.from(this.tokenHash, 'hex')))
      throw new DomainError('forbidden', 'The setup token is wrong; copy it from the hub’s start-up log');
    this.tokenHash = null; // one use, even if the create below fails
    return this.users.create(null, {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      role: 'admin',
      agencyId: null,
      teamIds: [],
    });
  }
}
