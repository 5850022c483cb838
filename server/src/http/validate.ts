/**
 * Field problems of a failed zod parse, as the API reports them. The "validate" step of every
 * route (parse params, query and body with the shared schemas) is in http/route.ts.
 */
import type { z } from 'zod';
import { codedIssue } from '@cert-hub/shared';

/** Field problems as stable codes with parameters (and English), which clients translate. */
export function issuesOf(error: z.ZodError) {
  return error.issues.map(codedIssue);
}
