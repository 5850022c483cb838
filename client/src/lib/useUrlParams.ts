import { useSearchParams } from 'react-router-dom';

/** Filters kept in the URL (shareable, survive a reload): read one, or set/clear one. */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { get, set };
}
