/**
 * Field problems as stable codes with parameters, so every client can say them in its own
 * language. The hub's own rules put their code in the zod message (`.regex(re, ISSUE.phone)`);
 * everything else is one of zod's standard issue codes (too_small, invalid_format, ...).
 * The API adds an English `message` for people reading raw JSON; the console translates
 * `code` + `params` and never shows that message.
 */
import type { z } from 'zod';

/** English wording of the hub's own codes (the API's `message`; the console has its own catalogue). */
export const HUB_ISSUE_MESSAGES = {
  identifier: 'must be an identifier',
  phone: 'must be a phone number',
  password_too_long: 'must be at most 72 bytes',
  username: 'use 3-64 letters, digits, dot, dash or underscore',
  domain: 'must be a domain name',
  ip_or_cidr: 'must be an IP address or CIDR range',
  ip_address: 'must be an IPv4 or IPv6 address',
  web_url: 'must be an http(s) or ftp URL',
  md5: 'must be an MD5 hash (32 hex digits)',
  sha1: 'must be a SHA-1 hash (40 hex digits)',
  sha256: 'must be a SHA-256 hash (64 hex digits)',
  date_time_with_zone: 'must be an ISO 8601 date-time with a time zone',
  idempotency_key: 'use 8-200 letters, digits or _.:-',
  sector_code: 'use lowercase letters, digits and underscore',
  focal_point_required: 'every agency needs at least one focal point',
  focal_point_247: 'at least one focal point must be reachable 24/7 (Circular 20/2017)',
  focal_point_needs_agency: 'a focal point must belong to an agency',
  only_focal_points_have_agency: 'only focal points belong to an agency',
  only_responders_have_teams: 'only responders and coordinators belong to teams',
  in_future: 'must not be in the future',
  taken: 'taken',
  required: 'required',
  not_on_handling_team: 'not on a handling team',
  no_such_agency: 'no such agency',
  no_such_sector: 'no such sector',
  no_such_team: 'no such team',
  merged_agency: 'merged agency',
  same_agency: 'is this agency',
  not_agency_system: 'not a system of this agency',
  wrong_password: 'wrong password',
  reset_link_invalid: 'the reset link is wrong, already used or expired; ask the administrator for a new one',
  file_empty: 'empty',
  file_too_large: 'too large',
} as const;
export type HubIssueCode = keyof typeof HUB_ISSUE_MESSAGES;

/** The codes, for schemas: `.regex(re, ISSUE.phone)`. */
export const ISSUE = Object.fromEntries(Object.keys(HUB_ISSUE_MESSAGES).map((code) => [code, code])) as {
  [K in HubIssueCode]: K;
};

export const isHubIssueCode = (value: unknown): value is HubIssueCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(HUB_ISSUE_MESSAGES, value);

/** One field problem as the API sends it (`error.details[]`). */
export interface CodedIssue {
  path: string;
  /** A hub code (HUB_ISSUE_MESSAGES) or one of zod's issue codes. */
  code: string;
  params?: Record<string, unknown>;
  /** English, for API readers; clients translate `code` + `params`. */
  message: string;
}

/** A field problem raised by a service rather than a schema. */
export const fieldIssue = (path: string, code: HubIssueCode, params?: Record<string, unknown>): CodedIssue => ({
  path,
  code,
  ...(params ? { params } : {}),
  message: HUB_ISSUE_MESSAGES[code],
});

// The parameters of zod's standard issues that a translation needs.
const PARAM_KEYS = ['minimum', 'maximum', 'inclusive', 'exact', 'origin', 'expected', 'format', 'values', 'divisor', 'keys'] as const;

/** A zod issue as a coded issue: the hub's code when the schema gave one, else zod's own. */
export function codedIssue(issue: z.core.$ZodIssue): CodedIssue {
  const path = issue.path.map(String).join('.');
  const params: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const value = (issue as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    // Numbers from zod can be bigint; JSON cannot carry those.
    params[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params);
  if (isHubIssueCode(issue.message)) return { path, code: issue.message, params, message: HUB_ISSUE_MESSAGES[issue.message] };
  if (issue.code === 'custom' && issue.params && typeof issue.params.code === 'string')
    return { path, code: issue.params.code, params, message: issue.message };
  return { path, code: issue.code, params, message: issue.message };
}
