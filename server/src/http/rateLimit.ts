/**
 * The "rate-limit" step of every route: a budget of requests per minute per signed-in user
 * (or per client address before sign-in). In memory, per hub process.
 */
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../platform/errors.js';

export type RateLimit = (req: Request, res: Response, next: NextFunction) => void;

export function createRateLimit(requestsPerMinute: number): RateLimit {
  const limiter = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 });
  return (req, _res, next) => {
    const key = req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`;
    limiter.consume(key).then(
      () => next(),
      (rejection: unknown) => {
        const retryAfterSeconds = rejection instanceof RateLimiterRes ? Math.ceil(rejection.msBeforeNext / 1000) : 60;
        next(new DomainError('rate_limited', 'Too many requests; slow down', { retryAfterSeconds }));
      },
    );
  };
}
