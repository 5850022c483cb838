import { Router } from 'express';
import { setupInput } from '@cert-hub/shared';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentSessionUser } from '../auth/presenter.js';
import type { SetupService } from './service.js';

export function setupRoutes(setup: SetupService, rateLimit: RateLimit): Router {
  const r = Router();
  r.get('/setup', rateLimit, async (_req, res) => {
    res.json({ required: await setup.required() });
  });
  const create = { body: setupInput };
  r.post('/setup', rateLimit, validate(create), async (req, res) => {
    res.status(201).json(presentSessionUser(await setup.createFirstAdmin(valid(req, create).body)));
  });
  return r;
}
