/**
 * Login brute-force limits per account and per client address. Every attempt takes a point
 * BEFORE the password is checked (atomically, in the limiter), so a parallel burst cannot
 * have more attempts evaluated than the limit; a success clears the account's count and
 * gives the address its point back. Counters live in memory (per hub process).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../platform/errors.js';

export interface LoginThrottleOptions {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

function tooManyAttempts(refusal: unknown): DomainError {
  const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 1000;
  return new DomainError('rate_limited', 'Too many failed attempts; try again later', {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

export class LoginThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(options: LoginThrottleOptions) {
    this.byAccount = new RateLimiterMemory({ points: options.maxFailuresPerAccount, duration: options.windowSeconds });
    this.byAddress = new RateLimiterMemory({ points: options.maxFailuresPerAddress, duration: options.windowSeconds });
  }

  /**
   * Takes one attempt from the account, then from the address, or throws 429 (nothing is
   * evaluated) when either is exhausted. An attempt refused for its account does not also
   * spend the address's budget, so one attacked account does not lock out a shared address.
   */
  async reserve(account: string, address: string): Promise<void> {
    try {
      await this.byAccount.consume(account);
    } catch (refusal) {
      throw tooManyAttempts(refusal);
    }
    try {
      await this.byAddress.consume(address);
    } catch (refusal) {
      await this.byAccount.reward(account, 1);
      throw tooManyAttempts(refusal);
    }
  }

  /** A correct password: the account starts afresh and the address gets its attempt back. */
  async recordSuccess(account: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(account), this.byAddress.reward(address, 1)]);
  }
}
