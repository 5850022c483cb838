import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { createApiKeyInput, idSchema, type IssuedApiKeyView } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentApiKey } from './presenter.js';
import type { ApiKeyService } from './service.js';

const byId = z.strictObject({ id: idSchema });

export function apiKeyRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; apiKeys: ApiKeyService }): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];
  r.get('/api-keys', ...guard, async (req, res) => {
    res.json({ items: (await d.apiKeys.list(actorOf(req))).map(presentApiKey), nextCursor: null });
  });
  const issue = { body: createApiKeyInput };
  r.post('/api-keys', ...guard, validate(issue), async (req, res) => {
    const { record, key } = await d.apiKeys.issue(actorOf(req), valid(req, issue).body);
    const body: IssuedApiKeyView = { ...presentApiKey(record), key };
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(body);
  });
  r.post('/api-keys/:id/revoke', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentApiKey(await d.apiKeys.revoke(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  return r;
}
