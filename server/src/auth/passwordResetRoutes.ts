/** One-time password-reset links: an administrator issues one, the holder sets a new password. */
import { completePasswordResetInput, idSchema } from '@cert-hub/shared';
import { z } from 'zod';
import { route, type Route } from '../http/route.js';

export const passwordResetRoutes: Route[] = [
  route({
    method: 'post',
    path: '/users/:id/password-reset-link',
    tag: 'auth',
    summary: 'Issue a one-time password-reset link for a user (admin): { token, path, expiresAt }',
    auth: 'signed-in',
    params: z.strictObject({ id: idSchema }),
    status: 201,
    handler: ({ services, actor, params, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      return services.passwordReset.issue(actor, params.id);
    },
  }),
  route({
    method: 'post',
    path: '/auth/password-reset',
    tag: 'auth',
    summary: 'Set a new password with a reset link (single use; ends the user’s sessions)',
    auth: 'public',
    // Guessing links: 20 tries per address and minute, on top of the API's general limit.
    rateLimit: { perMinute: 20 },
    body: completePasswordResetInput,
    status: 204,
    handler: async ({ services, body }) => {
      await services.passwordReset.complete(body);
    },
  }),
];
