/**
 * The console's HTTP client. The access token lives in memory only; the refresh token is
 * an httpOnly cookie the script never sees. A 401 triggers one refresh — serialised across
 * tabs with the Web Locks API, because a refresh token is single-use and two tabs racing
 * would look like a stolen token and end the session.
 */
import type { ApiErrorBody, FieldIssue, LoginResult, SessionUser } from '@cert-hub/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field errors as `{ path, code, params, message }` (translate code + params), when the server sent them. */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? (this.details as FieldIssue[]) : [];
  }
}

type Listener = (user: SessionUser | null) => void;

/**
 * Whether this browser may hold a refresh cookie (the cookie itself is invisible to
 * scripts). Saves a pointless 401 on every visit of a signed-out browser.
 */
const SESSION_HINT = 'certhub.session';

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export const session = {
  onChange(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(result: LoginResult | null) {
    accessToken = result?.accessToken ?? null;
    if (result) localStorage.setItem(SESSION_HINT, '1');
    else localStorage.removeItem(SESSION_HINT);
    listeners.forEach((l) => l(result?.user ?? null));
  },
  get token() {
    return accessToken;
  },
};

export async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ApiErrorBody;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(res.status, 'internal', res.statusText || 'Network error');
  }
}

async function doRefresh(): Promise<boolean> {
  const run = async () => {
    if (!localStorage.getItem(SESSION_HINT)) {
      session.set(null);
      return false;
    }
    const res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
    if (!res.ok) {
      session.set(null);
      return false;
    }
    session.set((await res.json()) as LoginResult);
    return true;
  };
  if (typeof navigator !== 'undefined' && 'locks' in navigator) return navigator.locks.request('cert-hub-refresh', run);
  return run();
}

/** Refreshes once for all concurrent callers of this tab. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= doRefresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Every request of the console goes through here: the access token is added, and a 401
 * refreshes the session once (shared by concurrent callers) and repeats the request. Sign-in
 * and refresh themselves are never retried. Returns the hub's response, whatever its status.
 */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const attempt = () => {
    const headers = new Headers(init.headers);
    if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
    return fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' });
  };
  const res = await attempt();
  if (res.status === 401 && !path.startsWith('/auth/') && (await refreshSession())) return attempt();
  return res;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await authorizedFetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const result = await api<LoginResult>('/auth/login', { method: 'POST', body: { username, password } });
  session.set(result);
  return result.user;
}

export async function logout(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST' });
  } finally {
    session.set(null);
  }
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/**
 * Uploads one file as multipart/form-data (field "file"). The browser sets the multipart
 * boundary itself.
 */
export async function apiUpload<T>(path: string, file: File, headers: Record<string, string> = {}): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await authorizedFetch(path, { method: 'POST', headers: { Accept: 'application/json', ...headers }, body });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as T;
}

/** Fetches a protected file and hands it to the browser as a download. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await authorizedFetch(path);
  if (!res.ok) throw await parseError(res);
  saveBlob(await res.blob(), fileName);
}

/** Hands bytes to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Failures worth retrying on a flaky connection: the network, timeouts, overload, server errors. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return true; // fetch threw: no answer reached us
}
