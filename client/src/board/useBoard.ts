import { useCallback, useEffect, useState } from 'react';
import type { DomainEventMessage, IncidentView, Page } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { fetchAll } from '../lib/useCursorList.js';
import { useDomainEvents, useLive } from '../realtime/LiveProvider.js';

/** How many closed incidents the board shows (newest first); the incident list has the rest. */
const RECENTLY_CLOSED = 50;

/**
 * The board's incidents: a snapshot of the open ones, kept current by domain events. Every
 * change carries the incident's version; an older version never replaces a newer one, so
 * the snapshot and the events converge in whatever order they arrive.
 */
export function useBoard(onCreated: (incident: IncidentView) => void) {
  const live = useLive();
  const [incidents, setIncidents] = useState<Map<string, IncidentView>>(new Map());
  const [loading, setLoading] = useState(true);

  const upsert = useCallback((incoming: IncidentView) => {
    setIncidents((current) => {
      const existing = current.get(incoming.id);
      if (existing && existing.version >= incoming.version) return current;
      const next = new Map(current);
      next.set(incoming.id, incoming);
      return next;
    });
  }, []);

  useEffect(() => {
    if (!live) return;
    let cancelled = false;
    // Open incidents, plus the most recently closed so "Kết thúc" is not empty after a reload.
    void Promise.all([
      fetchAll<IncidentView>('/incidents', { open: 'true' }),
      api<Page<IncidentView>>(`/incidents?status=closed&limit=${RECENTLY_CLOSED}`).then((page) => page.items),
    ]).then(([open, closed]) => {
      if (cancelled) return;
      [...open, ...closed].forEach(upsert);
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [live, upsert]);

  useDomainEvents((m: DomainEventMessage) => {
    if (!m.incident) return;
    if (m.event.type === 'incident.created') onCreated(m.incident);
    upsert(m.incident);
  });

  return { incidents, loading, upsert };
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
