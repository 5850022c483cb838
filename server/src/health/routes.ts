/** Liveness and which store is in use (503 when the store does not answer); the API document. */
import { z } from 'zod';
import type { HealthView } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { openApiDocument } from '../openapi/document.js';

const healthView = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'mongodb']), setupRequired: z.boolean() });
/** Built once per list of routes (the list never changes while the hub runs). */
const documents = new WeakMap<readonly Route[], ReturnType<typeof openApiDocument>>();

export const healthRoutes: Route[] = [
  route({
    method: 'get',
    path: '/health',
    tag: 'operations',
    summary: 'Liveness and store kind',
    auth: 'public',
    rateLimit: false,
    response: healthView,
    handler: async ({ store, services, res }) => {
      try {
        await store.ping();
        const body: HealthView = { status: 'ok', store: store.kind, setupRequired: await services.setup.required() };
        return body;
      } catch {
        res.status(503);
        return { error: { code: 'internal', message: 'The store is not answering' } };
      }
    },
  }),
  route({
    method: 'get',
    path: '/openapi.json',
    tag: 'operations',
    summary: 'This document: the OpenAPI 3.1 description of the API',
    auth: 'public',
    rateLimit: false,
    handler: ({ routes }) => {
      let document = documents.get(routes);
      if (!document) documents.set(routes, (document = openApiDocument(routes)));
      return document;
    },
  }),
];
