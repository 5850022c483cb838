import { useEffect, useState } from 'react';
import type { IncidentView } from '@cert-hub/shared';
import { fetchAll } from '../lib/useCursorList.js';

/**
 * Incidents for a home card (every page of them, the cards count them). `null` while
 * loading; no query, or one the hub refuses, gives `undefined`.
 */
export function useIncidents(params: Record<string, string | undefined> | null): IncidentView[] | null | undefined {
  const [items, setItems] = useState<IncidentView[] | null | undefined>(null);
  const key = JSON.stringify(params);
  useEffect(() => {
    let cancelled = false;
    if (key === 'null') {
      setItems(undefined);
      return;
    }
    void fetchAll<IncidentView>('/incidents', JSON.parse(key) as Record<string, string | undefined>).then(
      (all) => !cancelled && setItems(all),
      () => !cancelled && setItems(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  return items;
}
