import type { NextFunction, Request, Response } from 'express';
import type { ApiKeyService } from '../apikeys/service.js';
import type { AuthService } from '../auth/service.js';
import { unauthenticated } from '../platform/errors.js';

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

/** The first step of every protected route: who is calling, or 401. */
export function authenticate(auth: AuthService) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    const result = token ? await auth.authenticate(token) : null;
    if (!result) return next(unauthenticated(token ? 'Your session has ended; sign in again' : 'Sign in first'));
    req.actor = result.actor;
    next();
  };
}

/** Like authenticate, but lets anonymous callers through (sign-out). */
export function authenticateOptional(auth: AuthService) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    const result = token ? await auth.authenticate(token) : null;
    if (result) req.actor = result.actor;
    next();
  };
}

/** The actor set by `authenticate`; a route that calls this without it is a programming error. */
export function actorOf(req: Request) {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** The presented API key: `Authorization: ApiKey <key>` or `X-API-Key: <key>`. */
export function apiKeyOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('ApiKey ')) return header.slice('ApiKey '.length).trim() || null;
  const direct = req.headers['x-api-key'];
  return typeof direct === 'string' && direct ? direct : null;
}

/** For the few routes machine sources may call (filing incidents): a user token or an API key. */
export function authenticateUserOrMachine(auth: AuthService, apiKeys: ApiKeyService) {
  const user = authenticate(auth);
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = apiKeyOf(req);
    if (!key) return user(req, res, next);
    const actor = await apiKeys.authenticate(key);
    if (!actor) return next(unauthenticated('Unknown or revoked API key'));
    req.actor = actor;
    next();
  };
}
