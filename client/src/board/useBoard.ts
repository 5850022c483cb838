import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EventsPage, IncidentCardView, IncidentStatus } from '@cert-hub/shared';
import { api, query } from '../api/client.js';
import type { LiveMessage } from '../realtime/LiveConnection.js';
import { useDomainEvents, useIncidentMap, useIncidentStore, useLive } from '../realtime/LiveProvider.js';
import { columnPath, FETCHED_COLUMNS, takePrefetched, type BoardFilters, type ColumnPage } from './boardQuery.js';

export { BOARD_PAGE, FETCHED_COLUMNS } from './boardQuery.js';

/**
 * The board's cards: the first page of each column in the compact card projection (all
 * columns at once), more on demand, kept current by domain events. The cards themselves live
 * in the console's incident store (newest version wins, see realtime/reconcile.ts); the board
 * keeps which incidents it has admitted (its pages and the live events it received).
 *
 * The pages are asked for at once, not after the live connection has found the log's head
 * (one round trip less on a slow link); the first ones were usually asked for already when
 * the session started (boardQuery.ts), while this code was still on its way. Each page says where the log stood before it was
 * read; if the live connection started later than that, the events in between are fetched
 * from the feed, so nothing committed meanwhile is lost.
 */
export function useBoard(onCreated: (incident: IncidentCardView) => void, filters: BoardFilters, userId: string) {
  const live = useLive();
  const store = useIncidentStore();
  const known = useIncidentMap();
  const [admitted, setAdmitted] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState(true);
  const [cursors, setCursors] = useState<Partial<Record<IncidentStatus, string | null>>>({});
  const [snapshotSeq, setSnapshotSeq] = useState<number | null>(null);
  const filterKey = JSON.stringify(filters);
  const filterRef = useRef(filters);
  filterRef.current = filters;

  /** Puts copies in the store and on this board. */
  const admit = useCallback(
    (entries: IncidentCardView[]) => {
      if (entries.length === 0) return;
      store.put(...entries);
      setAdmitted((current) => (entries.every((e) => current.has(e.id)) ? current : new Set([...current, ...entries.map((e) => e.id)])));
    },
    [store],
  );
  const upsert = useCallback((incoming: IncidentCardView) => admit([incoming]), [admit]);
  const incidents = useMemo(() => {
    const map = new Map<string, IncidentCardView>();
    for (const id of admitted) {
      const entry = known.get(id);
      if (entry) map.set(id, entry);
    }
    return map;
  }, [known, admitted]);

  const fetchColumn = useCallback(
    (status: IncidentStatus, cursor: string | null) => {
      const path = columnPath(status, filterRef.current, userId, cursor);
      return (cursor === null ? takePrefetched(path) : null) ?? api<ColumnPage>(path);
    },
    [userId],
  );

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setSnapshotSeq(null);
    // A filter change starts over; the store keeps every copy by version meanwhile.
    setAdmitted(new Set());
    const positions: number[] = [];
    // Each column shows as soon as its page arrives; the first one ends the spinner.
    for (const status of FETCHED_COLUMNS) {
      void fetchColumn(status, null).then((page) => {
        if (cancelled) return;
        admit(page.items);
        setCursors((c) => ({ ...c, [status]: page.nextCursor }));
        setLoading(false);
        positions.push(page.lastSeq);
        if (positions.length === FETCHED_COLUMNS.length) setSnapshotSeq(Math.min(...positions));
      });
    }
    return () => {
      cancelled = true;
    };
  }, [fetchColumn, filterKey, admit]);

  // Bridges the snapshot to the live connection: events after the snapshot's position that
  // the connection will not deliver (it follows from its own, possibly later, start). The
  // board needs only cards.
  useEffect(() => {
    if (!live || snapshotSeq === null || snapshotSeq >= live.seq) return;
    let cancelled = false;
    const until = live.seq;
    void (async () => {
      let after = snapshotSeq;
      while (!cancelled && after < until) {
        const page = await api<EventsPage<IncidentCardView>>(`/events${query({ after, limit: 500, view: 'card' })}`);
        admit(page.events.flatMap((m) => (m.incident ? [m.incident] : [])));
        if (page.lastSeq <= after) break;
        after = page.lastSeq;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [live, snapshotSeq, admit]);

  const loadMore = useCallback(
    async (status: IncidentStatus) => {
      const cursor = cursors[status];
      if (!cursor) return;
      const page = await fetchColumn(status, cursor);
      admit(page.items);
      setCursors((c) => ({ ...c, [status]: page.nextCursor }));
    },
    [cursors, fetchColumn, admit],
  );

  useDomainEvents((m: LiveMessage) => {
    if (!m.incident) return;
    if (m.event.type === 'incident.created') onCreated(m.incident);
    admit([m.incident]);
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
