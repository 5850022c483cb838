import { Router, type RequestHandler } from 'express';
import { countIncidentsQuery, type IncidentCountView } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import type { IncidentCountService } from './count.js';

/** Mounted before the incident routes, so `/incidents/count` is never read as an incident id. */
export function incidentCountRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; counts: IncidentCountService }): Router {
  const r = Router();
  const count = { query: countIncidentsQuery };
  r.get('/incidents/count', d.authenticate, d.rateLimit, validate(count), async (req, res) => {
    const body: IncidentCountView = { total: await d.counts.count(actorOf(req), valid(req, count).query) };
    res.json(body);
  });
  return r;
}
