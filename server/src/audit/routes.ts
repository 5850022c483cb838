import { Router, type RequestHandler } from 'express';
import { auditQuery } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentAuditEntry } from './presenter.js';
import type { AuditService } from './service.js';

export function auditRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; audit: AuditService }): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];
  const search = { query: auditQuery };
  r.get('/audit', ...guard, validate(search), async (req, res) => {
    const { page, actors } = await d.audit.search(actorOf(req), valid(req, search).query);
    res.json({ items: page.items.map((e) => presentAuditEntry(e, actors)), nextCursor: page.nextCursor });
  });
  r.get('/audit/verify', ...guard, async (req, res) => {
    res.json(await d.audit.verify(actorOf(req)));
  });
  return r;
}
