import { Router } from 'express';
import { completePasswordResetInput, idSchema } from '@cert-hub/shared';
import { z } from 'zod';
import { actorOf, authenticate } from '../http/authenticate.js';
import { createRateLimit, type RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import type { PasswordResetService } from './passwordReset.js';
import type { AuthService } from './service.js';

export interface PasswordResetRouteDeps {
  auth: AuthService;
  rateLimit: RateLimit;
  passwordReset: PasswordResetService;
  /** Uses of a reset link per address and minute, on top of the API's general limit. */
  resetAttemptsPerMinute?: number;
}

export function passwordResetRoutes(d: PasswordResetRouteDeps): Router {
  const r = Router();
  const linkLimit = createRateLimit(d.resetAttemptsPerMinute ?? 20);

  const issue = { params: z.strictObject({ id: idSchema }) };
  r.post('/users/:id/password-reset-link', authenticate(d.auth), d.rateLimit, validate(issue), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await d.passwordReset.issue(actorOf(req), valid(req, issue).params.id));
  });

  const complete = { body: completePasswordResetInput };
  r.post('/auth/password-reset', d.rateLimit, linkLimit, validate(complete), async (req, res) => {
    await d.passwordReset.complete(valid(req, complete).body);
    res.status(204).end();
  });
  return r;
}
