/**
 * Errors the domain raises on purpose. They carry a stable code (the console translates it)
 * and never an HTTP status: the web layer's error handler (`http/errorHandler.ts`) maps each
 * code to its status, so services stay independent of how they are served.
 */
import type { ErrorCode } from '@cert-hub/shared';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new DomainError('validation_failed', message, details);
export const unauthenticated = (message = 'Sign in first') => new DomainError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('forbidden', message);
export const notFound = (what = 'Resource') => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
export const versionConflict = (current: unknown) =>
  new DomainError('version_conflict', 'Someone else changed this record; here is the current version', { current });
export const unprocessable = (message: string, details?: unknown) => new DomainError('unprocessable', message, details);

/**
 * A stale `version`, carrying the current RECORD (or null when there is none yet). Services
 * throw this instead of presenting the record themselves: the route that called the service
 * presents it for its caller (http/route.ts), and answers 409 `version_conflict` with it in
 * `details.current`. Outside a route it is never shown (no presenter, no details).
 */
export class StaleVersion extends DomainError {
  constructor(readonly current: unknown) {
    super('version_conflict', 'Someone else changed this record; here is the current version');
  }
}
export const staleVersion = (current: unknown) => new StaleVersion(current);
