/**
 * Errors a service or route may raise on purpose; the error middleware turns each into
 * `{ error: { code, message, details? } }` with its status. Anything else is a 500 that
 * says nothing about internals.
 */
import type { ErrorCode } from '@cert-hub/shared';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details);
export const unauthenticated = (message = 'Sign in first') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const versionConflict = (current: unknown) =>
  new AppError(409, 'version_conflict', 'Someone else changed this record; here is the current version', { current });
export const unprocessable = (message: string, details?: unknown) => new AppError(422, 'unprocessable', message, details);
