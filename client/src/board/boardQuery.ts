/**
 * What the board asks the hub for: its filters (kept in the URL), one list query per column,
 * and the first pages asked for the moment a session starts. This module is small and has no
 * UI, so the sign-in page can carry it: on a slow link the board's first cards then travel in
 * parallel with the board's code instead of after it.
 */
import type { IncidentCardView, IncidentStatus, SessionUser } from '@cert-hub/shared';
import { api, query } from '../api/client.js';
import { canVisit } from '../app/navigation.js';

/** The board's filters as the list API takes them, so a column's pages hold only matching cards. */
export interface BoardFilters {
  team?: string | undefined;
  agency?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  mine: boolean;
  serious: boolean;
  overdue: boolean;
  kind: string;
}

/** Columns whose cards are fetched page by page, "closed" included so it is not empty after a reload. */
export const FETCHED_COLUMNS: IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed'];
export const BOARD_PAGE = 50;

/** One page of a column, and where the event log stood before it was read. */
export interface ColumnPage {
  items: IncidentCardView[];
  nextCursor: string | null;
  lastSeq: number;
}

/** The filters in the board's address (`?team=…&mine=true…`). */
export function boardFilters(params: URLSearchParams): BoardFilters {
  const get = (key: string) => params.get(key) ?? undefined;
  return {
    team: get('team'),
    agency: get('agency'),
    severity: get('severity'),
    category: get('category'),
    mine: get('mine') === 'true',
    serious: get('serious') === 'true',
    overdue: get('overdue') === 'true',
    kind: get('kind') ?? 'all',
  };
}

export function columnQuery(status: string, filters: BoardFilters, userId: string): Record<string, string | undefined> {
  return {
    view: 'card',
    status,
    teamId: filters.team,
    agencyId: filters.agency,
    severity: filters.severity,
    category: filters.category,
    assigneeId: filters.mine ? userId : undefined,
    serious: filters.serious ? 'true' : undefined,
    overdue: filters.overdue ? 'true' : undefined,
    drill: filters.kind === 'all' ? undefined : String(filters.kind === 'drill'),
  };
}

/** The API path of one page of a column. */
export function columnPath(status: IncidentStatus, filters: BoardFilters, userId: string, cursor: string | null): string {
  return `/incidents${query({ ...columnQuery(status, filters, userId), limit: BOARD_PAGE, cursor })}`;
}

/** First pages asked for before the board mounted, by API path, with when they were asked. */
const early = new Map<string, { page: Promise<ColumnPage>; at: number }>();
/** A page asked for longer ago than this is not worth showing: the board asks again. */
const EARLY_PAGE_TTL_MS = 30_000;

/**
 * Asks for the board's first page of every column now, when `target` (the address the user
 * is about to land on) is the board and the user may see it. Called as soon as the access
 * token arrives; the board takes the answers instead of asking again.
 */
export function prefetchBoard(target: string, user: SessionUser): void {
  const url = new URL(target, 'http://console.invalid');
  if (url.pathname !== '/board' || !canVisit(user.role, '/board')) return;
  const filters = boardFilters(url.searchParams);
  for (const status of FETCHED_COLUMNS) {
    const path = columnPath(status, filters, user.id, null);
    const page = api<ColumnPage>(path);
    // Nobody may ever take it (the user went elsewhere): a failure is the board's to see, not an unhandled rejection.
    page.catch(() => undefined);
    early.set(path, { page, at: Date.now() });
  }
}

/** The first page at `path` asked for early (once), or null: then the caller asks itself. */
export function takePrefetched(path: string): Promise<ColumnPage> | null {
  const entry = early.get(path);
  early.delete(path);
  if (!entry || Date.now() - entry.at > EARLY_PAGE_TTL_MS) return null;
  // A failed early request (e.g. the session rotated meanwhile) is asked again, as the board would have.
  return entry.page.catch(() => api<ColumnPage>(path));
}
