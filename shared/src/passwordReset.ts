/**
 * One-time password-reset links (issue #12, item 8): an administrator issues a link for a
 * user who forgot their password; whoever opens it sets a new password once, before it expires.
 */
import { z } from 'zod';
import { passwordSchema } from './schemas.js';

/** What the administrator receives once: the token to put in the link, and when it stops working. */
export interface PasswordResetLinkView {
  token: string;
  /** Console path the link opens, e.g. `/reset-password?token=…` (the console prefixes its own origin). */
  path: string;
  expiresAt: string;
}

export const completePasswordResetInput = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});
export type CompletePasswordResetInput = z.infer<typeof completePasswordResetInput>;
