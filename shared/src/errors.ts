/** The error format of every API answer that is not a success (design.md, HTTP API conventions). */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'version_conflict',
  'conflict',
  'unprocessable',
  'rate_limited',
  'setup_unavailable',
  'internal',
  'insufficient_storage',
  'store_busy',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field problem in `error.details[]`: see issues.ts for `code` and `params`. */
export interface FieldIssue {
  path: string;
  code?: string;
  params?: Record<string, unknown>;
  message: string;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
