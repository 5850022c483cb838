import { useCallback, useEffect, useState } from 'react';
import type { DrillAction, DrillMetricsView, DrillView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';

export type Participant = DrillView['participants'][number];
/** Sends one change to the drill (path under /drills/:id); true when the hub accepted it. */
export type PostToDrill = (path: string, body: unknown, method?: 'POST' | 'PATCH' | 'PUT') => Promise<boolean>;

/**
 * One drill's state for its page: the drill and its live metrics (re-read every few seconds
 * while it runs), the participant list being edited, and the controller's actions.
 */
export function useDrillDetail(id: string) {
  const showError = useApiError();
  const [drill, setDrill] = useState<DrillView | null>(null);
  const [metrics, setMetrics] = useState<DrillMetricsView | null>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);

  const load = useCallback(async () => {
    try {
      const [d, m] = await Promise.all([api<DrillView>(`/drills/${id}`), api<DrillMetricsView>(`/drills/${id}/metrics`)]);
      setDrill(d);
      setMetrics(m);
      setParticipants(d.participants);
    } catch (e) {
      showError(e);
    }
  }, [id, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  // The live panel follows a running drill: injects fire and teams move incidents meanwhile.
  const running = drill?.status === 'running' || drill?.status === 'paused';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [running, load]);

  const apply = (next: DrillView) => {
    setDrill(next);
    setParticipants(next.participants);
    void load();
  };
  const act = async (action: DrillAction) => {
    if (!drill) return;
    try {
      apply(await api<DrillView>(`/drills/${drill.id}/${action}`, { method: 'POST', body: { version: drill.version } }));
    } catch (e) {
      showError(e);
      void load();
    }
  };
  const post: PostToDrill = async (path, body, method = 'POST') => {
    try {
      apply(await api<DrillView>(`/drills/${id}${path}`, { method, body }));
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };

  return { drill, metrics, participants, setParticipants, act, post };
}
