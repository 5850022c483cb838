import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { DomainEventMessage } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { LiveConnection, type ConnectionState } from './LiveConnection.js';

const LiveContext = createContext<LiveConnection | null>(null);

/** One live connection per signed-in console, started from the log's current head. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    let live: LiveConnection | null = null;
    let cancelled = false;
    void api<{ lastSeq: number }>('/events/head').then(({ lastSeq }) => {
      if (cancelled) return;
      live = new LiveConnection(lastSeq);
      setConnection(live);
    });
    return () => {
      cancelled = true;
      live?.close();
    };
  }, []);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);

/** Calls `listener` for every domain event this user receives (live or caught up). */
export function useDomainEvents(listener: (m: DomainEventMessage) => void) {
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
