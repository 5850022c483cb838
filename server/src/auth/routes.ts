/** Sessions (sign-in, refresh via the httpOnly cookie, sign-out) and the signed-in user's own profile. */
import type { CookieOptions, Request, Response } from 'express';
import { changePasswordInput, loginInput, updateMeInput, type LoginResult } from '@cert-hub/shared';
import { route, type HubContext, type Route } from '../http/route.js';
import { presentSessionUser } from './presenter.js';
import type { ClientInfo, IssuedSession } from './service.js';

export const REFRESH_COOKIE = 'certhub_refresh';

const cookieOptions = ({ settings }: HubContext): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: settings.secureCookies,
  path: '/api/auth',
});
const client = (req: Request): ClientInfo => ({ ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null });
/** Sets the refresh cookie and answers the access token. */
function answer(hub: HubContext, res: Response, issued: IssuedSession): LoginResult {
  res.cookie(REFRESH_COOKIE, issued.refreshToken, { ...cookieOptions(hub), expires: issued.refreshExpiresAt });
  res.setHeader('Cache-Control', 'no-store');
  return { accessToken: issued.accessToken, expiresIn: hub.settings.accessTokenTtlSeconds, user: presentSessionUser(issued.user) };
}
const refreshCookie = (req: Request): string | undefined => {
  const value: unknown = req.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' ? value : undefined;
};

export const authRoutes: Route[] = [
  route({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in: access token + refresh cookie',
    auth: 'public',
    body: loginInput,
    handler: async (hub) => answer(hub, hub.res, await hub.services.auth.login(hub.body, client(hub.req))),
  }),
  route({
    method: 'post',
    path: '/auth/refresh',
    tag: 'auth',
    summary: 'Rotate the refresh cookie, new access token',
    auth: 'public',
    sameOrigin: true,
    handler: async (hub) => {
      try {
        return answer(hub, hub.res, await hub.services.auth.refresh(refreshCookie(hub.req), client(hub.req)));
      } catch (error) {
        hub.res.clearCookie(REFRESH_COOKIE, cookieOptions(hub));
        throw error;
      }
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'End this login (all its refresh tokens)',
    auth: 'optional',
    sameOrigin: true,
    status: 204,
    handler: async (hub) => {
      await hub.services.auth.logout(hub.actor, refreshCookie(hub.req));
      hub.res.clearCookie(REFRESH_COOKIE, cookieOptions(hub));
    },
  }),
  route({
    method: 'get',
    path: '/me',
    tag: 'auth',
    summary: 'The signed-in user',
    auth: 'signed-in',
    present: presentSessionUser,
    handler: ({ services, actor }) => services.auth.me(actor),
  }),
  route({
    method: 'patch',
    path: '/me',
    tag: 'auth',
    summary: 'Update own profile',
    auth: 'signed-in',
    body: updateMeInput,
    present: presentSessionUser,
    handler: ({ services, actor, body }) => services.auth.updateMe(actor, body),
  }),
  route({
    method: 'post',
    path: '/me/password',
    tag: 'auth',
    summary: 'Change own password (ends every session)',
    auth: 'signed-in',
    body: changePasswordInput,
    status: 204,
    handler: async (hub) => {
      await hub.services.auth.changePassword(hub.actor, hub.body, client(hub.req));
      hub.res.clearCookie(REFRESH_COOKIE, cookieOptions(hub));
    },
  }),
];
