/**
 * Cookie-authenticated endpoints (refresh, logout) must not be driven by another site. The
 * refresh cookie is SameSite=Strict, but a sibling subdomain is "same site": so a request
 * that a browser marks as coming from another origin (Origin header, or Sec-Fetch-Site) is
 * refused. Non-browser clients send neither and are unaffected (they hold the cookie
 * themselves).
 */
import type { Request, RequestHandler } from 'express';
import { DomainError } from '../platform/errors.js';

function ownOrigin(req: Request): string {
  // req.protocol and req.host honour X-Forwarded-* only when trust proxy is on.
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

export function requireSameOrigin(extraOrigins: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const crossOrigin =
      (origin !== undefined && origin !== ownOrigin(req) && !extraOrigins.includes(origin)) ||
      (origin === undefined && fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none');
    if (crossOrigin) return next(new DomainError('forbidden', 'This request must come from the hub’s own pages'));
    next();
  };
}
