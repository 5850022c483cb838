/** On-call HTTP routes: a team's roster, and who is on call now across teams. */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { idSchema, setOnCallRosterInput } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentRoster } from './presenter.js';
import type { OnCallService } from './service.js';

export interface OnCallRouteDeps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  oncall: OnCallService;
}

const byTeam = z.strictObject({ id: idSchema });

export function onCallRoutes(d: OnCallRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  r.get('/teams/:id/oncall', ...guard, validate({ params: byTeam }), async (req, res) => {
    const { roster, now } = await d.oncall.get(actorOf(req), valid(req, { params: byTeam }).params.id);
    res.json({ roster: roster ? presentRoster(roster) : null, now });
  });

  const put = { params: byTeam, body: setOnCallRosterInput };
  r.put('/teams/:id/oncall', ...guard, validate(put), async (req, res) => {
    const v = valid(req, put);
    res.json(presentRoster(await d.oncall.set(actorOf(req), v.params.id, v.body)));
  });

  r.get('/oncall/now', ...guard, async (req, res) => {
    res.json({ items: await d.oncall.now(actorOf(req)), nextCursor: null });
  });
  return r;
}
