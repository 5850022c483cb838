import { Router, type CookieOptions, type Request, type Response } from 'express';
import { changePasswordInput, loginInput, updateMeInput, type LoginResult } from '@cert-hub/shared';
import { actorOf, authenticate, authenticateOptional } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { requireSameOrigin } from '../http/sameOrigin.js';
import { valid, validate } from '../http/validate.js';
import { presentSessionUser } from './presenter.js';
import type { AuthService, ClientInfo, IssuedSession } from './service.js';

export const REFRESH_COOKIE = 'certhub_refresh';

export interface AuthRouteDeps {
  auth: AuthService;
  rateLimit: RateLimit;
  secureCookies: boolean;
  accessTtlSeconds: number;
}

export function authRoutes({ auth, rateLimit, secureCookies, accessTtlSeconds }: AuthRouteDeps): Router {
  const router = Router();
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/api/auth' };
  const sameOrigin = requireSameOrigin();
  const client = (req: Request): ClientInfo => ({ ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null });
  const answer = (res: Response, issued: IssuedSession) => {
    res.cookie(REFRESH_COOKIE, issued.refreshToken, { ...cookieOptions, expires: issued.refreshExpiresAt });
    res.setHeader('Cache-Control', 'no-store');
    const body: LoginResult = {
      accessToken: issued.accessToken,
      expiresIn: accessTtlSeconds,
      user: presentSessionUser(issued.user),
    };
    res.json(body);
  };
  const refreshCookie = (req: Request): string | undefined => {
    const value: unknown = req.cookies?.[REFRESH_COOKIE];
    return typeof value === 'string' ? value : undefined;
  };

  const login = { body: loginInput };
  router.post('/auth/login', rateLimit, validate(login), async (req, res) => {
    answer(res, await auth.login(valid(req, login).body, client(req)));
  });

  router.post('/auth/refresh', sameOrigin, rateLimit, async (req, res) => {
    try {
      answer(res, await auth.refresh(refreshCookie(req), client(req)));
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, cookieOptions);
      throw error;
    }
  });

  router.post('/auth/logout', sameOrigin, authenticateOptional(auth), rateLimit, async (req, res) => {
    await auth.logout(req.actor ?? null, refreshCookie(req));
    res.clearCookie(REFRESH_COOKIE, cookieOptions);
    res.status(204).end();
  });

  router.get('/me', authenticate(auth), rateLimit, async (req, res) => {
    res.json(presentSessionUser(await auth.me(actorOf(req))));
  });

  const patchMe = { body: updateMeInput };
  router.patch('/me', authenticate(auth), rateLimit, validate(patchMe), async (req, res) => {
    res.json(presentSessionUser(await auth.updateMe(actorOf(req), valid(req, patchMe).body)));
  });

  const changePassword = { body: changePasswordInput };
  router.post('/me/password', authenticate(auth), rateLimit, validate(changePassword), async (req, res) => {
    await auth.changePassword(actorOf(req), valid(req, changePassword).body, client(req));
    res.clearCookie(REFRESH_COOKIE, cookieOptions);
    res.status(204).end();
  });

  return router;
}
