/**
 * The one place a domain error code becomes an HTTP status. `Record<ErrorCode, …>` makes a new
 * code without a status a compile error.
 */
import type { ErrorCode } from '@cert-hub/shared';

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  setup_unavailable: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  store_busy: 503,
  insufficient_storage: 507,
};
