import { Router, type RequestHandler } from 'express';
import { eventsQuery } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import type { EventFeed } from './feed.js';

/** `GET /api/events?after=<seq>`: what a client missed, in order, filtered for the caller. */
export function eventRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; feed: EventFeed }): Router {
  const r = Router();
  const q = { query: eventsQuery };
  r.get('/events', d.authenticate, d.rateLimit, validate(q), async (req, res) => {
    const { after, limit } = valid(req, q).query;
    res.json(await d.feed.after(actorOf(req), after, limit));
  });
  r.get('/events/head', d.authenticate, d.rateLimit, async (_req, res) => {
    res.json({ lastSeq: await d.feed.head() });
  });
  return r;
}
