/** The event log a client missed (`GET /api/events?after=<seq>`), filtered for the caller, and its head. */
import { z } from 'zod';
import { eventsQuery } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';

export const eventRoutes: Route[] = [
  route({
    method: 'get',
    path: '/events',
    tag: 'realtime',
    summary: 'Events after a sequence number, filtered for the caller (`view=card`: each with its incident’s card, not the whole incident)',
    auth: 'signed-in',
    query: eventsQuery,
    handler: ({ services, actor, query }) => services.feed.after(actor, query.after, query.limit, query.view),
  }),
  route({
    method: 'get',
    path: '/events/head',
    tag: 'realtime',
    summary: 'The last sequence number',
    auth: 'signed-in',
    response: z.object({ lastSeq: z.number().int() }),
    handler: async ({ services }) => ({ lastSeq: await services.feed.head() }),
  }),
];
