/**
 * Login brute-force limits per account and per client address. Every attempt takes a point
 * BEFORE the password is checked (atomically, in the limiter), so a parallel burst cannot
 * have more attempts evaluated than the limit; a success clears the account's count and
 * gives the address its point back. Counters live in memory (per hub process).
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

  /** Takes one attempt from both counters, or throws 429 (nothing is evaluated) when either is exhausted. */
  async reserve(account: string, address: string): Promise<void> {
    const results = await Promise.allSettled([this.byAccount.consume(account), this.byAddress.consume(address)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refused.length === 0) return;
    const waits = refused.map((r) => (r.reason instanceof RateLimiterRes ? r.reason.msBeforeNext : 1000));
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new AppError(429, 'rate_limited', 'Too many failed attempts; try again later', { retryAfterSeconds });
  }

  /** A correct password: the account starts afresh and the address gets its attempt back. */
  async recordSuccess(account: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(account), this.byAddress.reward(address, 1)]);
  }
}
