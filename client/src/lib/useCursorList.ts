import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@cert-hub/shared';
import { api, query } from '../api/client.js';

/**
 * A cursor-paginated list: the first page for the given filters, "load more" for the next,
 * and reload after a change. A response for stale filters is dropped.
 */
export function useCursorList<T>(path: string, filters: Record<string, string | number | boolean | undefined>, pageSize = 50) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await api<Page<T>>(`${path}${query({ ...(JSON.parse(key) as object), limit: pageSize, cursor })}`);
        if (mine !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (mine === generation.current) setError(e);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [path, key, pageSize],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor),
    reload: () => void load(null),
  };
}

/** Every page of a list (for small registries used as lookups: agencies, teams, users). */
export async function fetchAll<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>(`${path}${query({ ...params, limit: 200, cursor })}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 5000);
  return all;
}
