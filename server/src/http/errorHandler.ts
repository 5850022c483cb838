import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { fieldIssue, type ApiErrorBody } from '@cert-hub/shared';
import { InvalidCursorError } from '../store/cursor.js';
import { DuplicateKeyError, isDiskFull, StorageFullError, StoreBusyError } from '../store/errors.js';
import type { Logger } from '../platform/logger.js';
import { DomainError, VersionConflict } from '../platform/errors.js';
import { conflictDetails } from './conflicts.js';
import { HTTP_STATUS_OF } from './errors.js';
import { issuesOf } from './validate.js';

/** body-parser marks its own errors with `type` and `status`. */
interface ParserError {
  type?: string;
  status?: number;
}

const MALFORMED_MULTIPART = /^(Multipart: |Malformed |Unexpected end of (form|file)|Unsupported content type|Missing Content-Type)/;

function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return new DomainError('validation_failed', 'Invalid request', issuesOf(error));
  if (error instanceof InvalidCursorError)
    return new DomainError('validation_failed', 'Invalid cursor', [{ path: 'cursor', message: 'not a cursor from this server' }]);
  // Store errors the port names: answered as what they mean, never as a 500.
  if (error instanceof DuplicateKeyError) return new DomainError('conflict', 'A record with the same unique key already exists');
  if (error instanceof StorageFullError || isDiskFull(error))
    return new DomainError('insufficient_storage', 'The server’s disk is full; nothing was saved. Try again later.');
  if (error instanceof StoreBusyError) return new DomainError('store_busy', 'The server is busy; nothing was saved. Try again.');
  const multerError = error as { name?: string; code?: string };
  if (multerError?.name === 'MulterError')
    return multerError.code === 'LIMIT_FILE_SIZE'
      ? new DomainError('payload_too_large', 'The file is larger than the limit', [fieldIssue('file', 'file_too_large')])
      : new DomainError('validation_failed', 'Send exactly one file in a field named "file"', [
          { path: 'file', message: String(multerError.code) },
        ]);
  // busboy's own errors for a malformed multipart body (no boundary, truncated, bad part header).
  const message = (error as { message?: unknown })?.message;
  if (error instanceof Error && !('code' in error) && typeof message === 'string' && MALFORMED_MULTIPART.test(message))
    return new DomainError('validation_failed', 'The multipart body is malformed', [{ path: 'file', message: 'malformed multipart' }]);
  const parser = error as ParserError;
  switch (parser?.type) {
    case 'entity.parse.failed':
      return new DomainError('invalid_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new DomainError('payload_too_large', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError('unsupported_media_type', 'Unsupported body encoding');
    case 'request.aborted':
      return new DomainError('validation_failed', 'The request was aborted');
  }
  if (parser?.status && parser.status >= 400 && parser.status < 500) return new DomainError('validation_failed', 'Bad request');
  return null;
}

/** `instanceof` on the generic class narrows to `VersionConflict<any>`; this keeps the type. */
const isVersionConflict = (error: unknown): error is VersionConflict => error instanceof VersionConflict;

export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toDomainError(error);
    const status = known ? HTTP_STATUS_OF[known.code] : 500;
    if (status === 503) res.setHeader('Retry-After', '1');
    if (status === 429 && known?.details && typeof known.details === 'object' && 'retryAfterSeconds' in known.details)
      res.setHeader('Retry-After', String((known.details as { retryAfterSeconds: number }).retryAfterSeconds));
    const details = isVersionConflict(known) ? conflictDetails(known, req.actor) : known?.details;
    const body: ApiErrorBody = known
      ? { error: { code: known.code, message: known.message, ...(details !== undefined ? { details } : {}) } }
      : { error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } };
    if (!known) logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(status).json(body);
  };
}

export function notFoundHandler(_req: Request, res: Response) {
  const body: ApiErrorBody = { error: { code: 'not_found', message: 'No such API endpoint' } };
  res.status(404).json(body);
}
