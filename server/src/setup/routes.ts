/** First start: is setup needed, and creating the first administrator with the printed token. */
import { z } from 'zod';
import { setupInput } from '@cert-hub/shared';
import { presentSessionUser } from '../auth/presenter.js';
import { route, type Route } from '../http/route.js';

export const setupRoutes: Route[] = [
  route({
    method: 'get',
    path: '/setup',
    tag: 'setup',
    summary: 'Whether the first administrator must be created',
    auth: 'public',
    response: z.object({ required: z.boolean() }),
    handler: async ({ services }) => ({ required: await services.setup.required() }),
  }),
  route({
    method: 'post',
    path: '/setup',
    tag: 'setup',
    summary: 'Create the first administrator with the printed token',
    auth: 'public',
    body: setupInput,
    status: 201,
    present: presentSessionUser,
    handler: ({ services, body }) => services.setup.createFirstAdmin(body),
  }),
];
