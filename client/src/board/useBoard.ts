import { useCallback, useEffect, useRef, useState } from 'react';
import type { DomainEventMessage, IncidentCardView, IncidentStatus, IncidentView } from '@cert-hub/shared';
import { api, query } from '../api/client.js';
import { useDomainEvents, useLive } from '../realtime/LiveProvider.js';
import { columnQuery, mergeCards, type BoardFilters } from './cards.js';

/** Columns whose cards are fetched page by page; "closed" only collects what closes live. */
export const FETCHED_COLUMNS: IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery'];
export const BOARD_PAGE = 50;

interface Page {
  items: IncidentCardView[];
  nextCursor: string | null;
}

/**
 * The board's cards: the first page of each column in the compact card projection (all
 * columns at once), more on demand, kept current by domain events. Every change carries
 * the incident's version; an older version never replaces a newer one.
 */
export function useBoard(onCreated: (incident: IncidentView) => void, filters: BoardFilters, userId: string) {
  const live = useLive();
  const [incidents, setIncidents] = useState<Map<string, IncidentCardView>>(new Map());
  const [loading, setLoading] = useState(true);
  const [cursors, setCursors] = useState<Partial<Record<IncidentStatus, string | null>>>({});
  const filterKey = JSON.stringify(filters);
  const filterRef = useRef(filters);
  filterRef.current = filters;

  const upsert = useCallback((incoming: IncidentCardView) => setIncidents((current) => mergeCards(current, [incoming])), []);

  const fetchColumn = useCallback(
    (status: IncidentStatus, cursor: string | null) =>
      api<Page>(`/incidents${query({ ...columnQuery(status, filterRef.current, userId), limit: BOARD_PAGE, cursor })}`),
    [userId],
  );

  useEffect(() => {
    if (!live) return;
    let cancelled = false;
    setLoading(true);
    void Promise.all(FETCHED_COLUMNS.map((status) => fetchColumn(status, null))).then((pages) => {
      if (cancelled) return;
      // A filter change starts over; live updates received meanwhile are kept by version.
      setIncidents((current) =>
        mergeCards(
          new Map([...current].filter(([, c]) => c.status === 'closed')),
          pages.flatMap((p) => p.items),
        ),
      );
      setCursors(Object.fromEntries(FETCHED_COLUMNS.map((status, k) => [status, pages[k]!.nextCursor])));
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [live, fetchColumn, filterKey]);

  const loadMore = useCallback(
    async (status: IncidentStatus) => {
      const cursor = cursors[status];
      if (!cursor) return;
      const page = await fetchColumn(status, cursor);
      setIncidents((current) => mergeCards(current, page.items));
      setCursors((c) => ({ ...c, [status]: page.nextCursor }));
    },
    [cursors, fetchColumn],
  );

  useDomainEvents((m: DomainEventMessage) => {
    if (!m.incident) return;
    if (m.event.type === 'incident.created') onCreated(m.incident);
    upsert(m.incident);
  });

  return { incidents, loading, upsert, loadMore, hasMore: (status: IncidentStatus) => Boolean(cursors[status]) };
}

/** A clock for "how long in this column", ticking every `ms`. */
export function useNow(ms = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
