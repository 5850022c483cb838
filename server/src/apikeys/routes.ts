/** Machine-source API keys (SOC/SIEM intake), issued and revoked by an administrator. */
import { z } from 'zod';
import { createApiKeyInput, idSchema, type IssuedApiKeyView } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { presentApiKey } from './presenter.js';

const byId = z.strictObject({ id: idSchema });

export const apiKeyRoutes: Route[] = [
  route({
    method: 'get',
    path: '/api-keys',
    tag: 'machine intake',
    summary: 'Machine-source API keys',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: (await services.apiKeys.list(actor)).map(presentApiKey), nextCursor: null }),
  }),
  route({
    method: 'post',
    path: '/api-keys',
    tag: 'machine intake',
    summary: 'Issue a key (shown once)',
    auth: 'signed-in',
    body: createApiKeyInput,
    status: 201,
    handler: async ({ services, actor, body, res }) => {
      const { record, key } = await services.apiKeys.issue(actor, body);
      res.setHeader('Cache-Control', 'no-store');
      const issued: IssuedApiKeyView = { ...presentApiKey(record), key };
      return issued;
    },
  }),
  route({
    method: 'post',
    path: '/api-keys/:id/revoke',
    tag: 'machine intake',
    summary: 'Revoke a key',
    auth: 'signed-in',
    params: byId,
    present: presentApiKey,
    handler: ({ services, actor, params }) => services.apiKeys.revoke(actor, params.id),
  }),
];
