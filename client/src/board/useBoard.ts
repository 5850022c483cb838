import { useCallback, useEffect, useState } from 'react';
import type { DomainEventMessage, IncidentView } from '@cert-hub/shared';
import { fetchAll } from '../lib/useCursorList.js';
import { useDomainEvents, useLive } from '../realtime/LiveProvider.js';

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
    void fetchAll<IncidentView>('/incidents', { open: 'true' }).then((items) => {
      if (cancelled) return;
      items.forEach(upsert);
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
