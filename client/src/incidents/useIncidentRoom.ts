import {} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type AttachmentView, type CommentView, type DomainEventView, type IncidentView } from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';
import { useDomainEvents } from '../realtime/LiveProvider.js';

/** The state of one incident's page: the incident, its timeline, comments and files, kept current live. */
export function useIncidentRoom(id: string) {
  const showError = useApiError();
  const [incident, setIncident] = useState<IncidentView | null>(null);
  const [missing, setMissing] = useState(false);
  const [events, setEvents] = useState<DomainEventView[]>([]);
  const [comments, setComments] = useState<CommentView[]>([]);
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);

  const load = useCallback(async () => {
    try {
      const [i, tl, cs, as] = await Promise.all([
        api<IncidentView>(`/incidents/${id}`),
        api<{ items: DomainEventView[] }>(`/incidents/${id}/timeline`),
        api<{ items: CommentView[] }>(`/incidents/${id}/comments`),
        api<{ items: AttachmentView[] }>(`/incidents/${id}/attachments`),
      ]);
      setIncident(i);
      setEvents(tl.items);
      setComments(cs.items);
      setAttachments(as.items);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else showError(e);
    }
  }, [id, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  // Live: any change to this incident refreshes what is on screen.
  useDomainEvents((m) => {
    if (m.event.incidentId !== id) return;
    if (m.incident) setIncident((current) => (!current || current.version <= m.incident!.version ? m.incident : current));
    void load();
  });

  return { incident, missing, events, comments, attachments, setIncident, load };
}
