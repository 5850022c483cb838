/**
 * Login brute-force limits: failures are counted per account and per client address; a
 * success clears the account's count. Counters live in memory (per hub process).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../http/errors.js';

export interface LoginThrottleOptions {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export class LoginThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(options: LoginThrottleOptions) {
    this.byAccount = new RateLimiterMemory({ points: options.maxFailuresPerAccount, duration: options.windowSeconds });
    this.byAddress = new RateLimiterMemory({ points: options.maxFailuresPerAddress, duration: options.windowSeconds });
  }

  /** Throws 429 when either counter is exhausted, before any password is checked. */
  async check(username: string, address: string): Promise<void> {
    const [account, origin] = await Promise.all([this.byAccount.get(username), this.byAddress.get(address)]);
    const blocked = [account, origin].filter(
      (r): r is RateLimiterRes => r !== null && r.consumedPoints >= this.limitOf(r === account ? this.byAccount : this.byAddress),
    );
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
      throw new AppError(429, 'rate_limited', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(username, 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byAccount.delete(username);
  }

  private limitOf(limiter: RateLimiterMemory) {
    return limiter.points;
  }
}
