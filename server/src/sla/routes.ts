import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { SLA_SCOPES, slaPolicyInput } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentSlaPolicy as present } from './presenter.js';
import type { SlaService } from './service.js';

const byScope = z.strictObject({ scope: z.enum(SLA_SCOPES) });

export function slaRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; sla: SlaService }): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];
  r.get('/sla/policies', ...guard, async (req, res) => {
    res.json({ items: (await d.sla.listPolicies(actorOf(req))).map(present), nextCursor: null });
  });
  // Create or replace the policy of one scope (send `version` to replace).
  const put = { body: slaPolicyInput };
  r.post('/sla/policies', ...guard, validate(put), async (req, res) => {
    res.json(present(await d.sla.putPolicy(actorOf(req), valid(req, put).body)));
  });
  r.delete('/sla/policies/:scope', ...guard, validate({ params: byScope }), async (req, res) => {
    await d.sla.deletePolicy(actorOf(req), valid(req, { params: byScope }).params.scope);
    res.status(204).end();
  });
  return r;
}
