/**
 * The "validate" step of every route: parses body, query and params with the shared zod
 * schemas and hands the typed result on in `req.valid`. Failures are 400 with field details.
 */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { codedIssue } from '@cert-hub/shared';
import { badRequest } from '../platform/errors.js';

export interface ValidationSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
export interface Validated<V extends ValidationSchemas> {
  body: Out<V['body']>;
  query: Out<V['query']>;
  params: Out<V['params']>;
}

/** Field problems as stable codes with parameters (and English), which clients translate. */
export function issuesOf(error: z.ZodError) {
  return error.issues.map(codedIssue);
}

export function validate<V extends ValidationSchemas>(schemas: V) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const valid: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input: unknown = part === 'body' ? (req.body ?? {}) : { ...(req[part] as object) };
      const result = schema.safeParse(input);
      if (!result.success) return next(badRequest(`Invalid request ${part}`, issuesOf(result.error)));
      valid[part] = result.data;
    }
    req.valid = valid;
    next();
  };
}

/** Reads what `validate(schemas)` parsed, typed by the same schemas. */
export function valid<V extends ValidationSchemas>(req: Request, _schemas: V): Validated<V> {
  return req.valid as Validated<V>;
}
