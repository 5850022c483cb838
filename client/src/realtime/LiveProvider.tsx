import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client.js';
import { IncidentStore } from './incidentStore.js';
import { LiveConnection, type ConnectionState, type LiveMessage } from './LiveConnection.js';

const LiveContext = createContext<LiveConnection | null>(null);
const StoreContext = createContext<IncidentStore | null>(null);

/**
 * One live connection per signed-in console, started from the log's current head, and the
 * one incident store it feeds.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const [store] = useState(() => new IncidentStore());
  useEffect(() => {
    let live: LiveConnection | null = null;
    let unfollow: (() => void) | null = null;
    let cancelled = false;
    void api<{ lastSeq: number }>('/events/head').then(({ lastSeq }) => {
      if (cancelled) return;
      live = new LiveConnection(lastSeq);
      // The store subscribes first: pages reacting to an event already read its incident there.
      unfollow = store.follow(live);
      setConnection(live);
    });
    return () => {
      cancelled = true;
      unfollow?.();
      live?.close();
    };
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>
    </StoreContext.Provider>
  );
}

export const useLive = () => useContext(LiveContext);

/** The console's incident store (outside a signed-in workspace: a store of this component's own). */
export function useIncidentStore(): IncidentStore {
  const store = useContext(StoreContext);
  const [own] = useState(() => (store ? null : new IncidentStore()));
  return (store ?? own)!;
}

/** Every incident the console knows, re-rendering when any changes. */
export function useIncidentMap() {
  const store = useIncidentStore();
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** One whole incident, kept whole while the caller is mounted (null until someone put it whole). */
export function useWatchedIncident(id: string) {
  const store = useIncidentStore();
  useEffect(() => store.watch(id), [store, id]);
  return useSyncExternalStore(store.subscribe, () => store.full(id));
}

/** Calls `listener` for every domain event this user receives (live: the whole incident; caught up: its card). */
export function useDomainEvents(listener: (m: LiveMessage) => void) {
  const live = useLive();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => live?.subscribe((m) => latest.current(m)), [live]);
}

export function useConnectionState(): ConnectionState {
  const live = useLive();
  const [state, setState] = useState<ConnectionState>(live?.state ?? 'connecting');
  useEffect(() => {
    if (!live) return;
    setState(live.state);
    return live.onState(setState);
  }, [live]);
  return state;
}
