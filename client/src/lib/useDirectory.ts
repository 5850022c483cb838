import { useEffect, useState } from 'react';
import type { AgencyView, SectorView, TeamView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { fetchAll } from './useCursorList.js';

/** Lookups to show names for ids: agencies, teams and sectors the user may see. */
export function useDirectory() {
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [sectors, setSectors] = useState<SectorView[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void fetchAll<AgencyView>('/agencies').then(setAgencies, () => undefined);
    void fetchAll<TeamView>('/teams').then(setTeams, () => undefined);
    void api<{ items: SectorView[] }>('/sectors').then(
      (r) => setSectors(r.items),
      () => undefined,
    );
  }, [version]);
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? '—';
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  return { agencies, teams, sectors, agencyName, teamName, refresh: () => setVersion((v) => v + 1) };
}

/** Debounces a value typed into a search box. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
