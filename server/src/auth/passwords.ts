import bcrypt from 'bcrypt';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Spends the same time as a real check, so an unknown username is not faster. */
  verifyDummy(password: string): Promise<false>;
}

const MAX_BYTES = 72;

export function bcryptHasher(cost: number): PasswordHasher {
  let dummy: Promise<string> | null = null;
  return {
    async hash(password) {
      // bcrypt ignores bytes past 72; the schemas refuse such passwords, this is the backstop.
      if (Buffer.byteLength(password, 'utf8') > MAX_BYTES) throw new Error('password longer than 72 bytes');
      return bcrypt.hash(password, cost);
    },
    async verify(password, hash) {
      if (Buffer.byteLength(password, 'utf8') > MAX_BYTES) {
        // Refused, but only after the same work as a real check: a quick answer would tell
        // that the username exists (the unknown-user path always runs bcrypt).
        await bcrypt.compare(password.slice(0, MAX_BYTES), hash);
        return false;
      }
      return bcrypt.compare(password, hash);
    },
    async verifyDummy(password) {
      dummy ??= bcrypt.hash('dummy-password-for-timing', cost);
      await bcrypt.compare(password.slice(0, MAX_BYTES), await dummy);
      return false;
    },
  };
}
