/**
 * Guards in front of the JSON parser: a write must say it is JSON (415 otherwise), and a
 * parsed body must not carry prototype-polluting keys anywhere (400).
 */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, badRequest } from '../platform/errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function requireJson(req: Request, _res: Response, next: NextFunction) {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (WRITE_METHODS.has(req.method) && hasBody && !req.is('application/json'))
    return next(new DomainError('unsupported_media_type', 'Send the request body as application/json'));
  next();
}

function findForbiddenKey(value: unknown, path: string, depth: number): string | null {
  if (depth > 32) return path || '(root)';
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (found) return found;
  }
  return null;
}

export function rejectPollutedBody(req: Request, _res: Response, next: NextFunction) {
  const bad = findForbiddenKey(req.body, '', 0);
  if (bad)
    return next(badRequest('Request body contains a forbidden key or is nested too deeply', [{ path: bad, message: 'not allowed' }]));
  next();
}
