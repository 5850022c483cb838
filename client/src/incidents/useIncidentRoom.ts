import { useCallback, useEffect, useState } from 'react';
import { EVENTS, type AttachmentView, type CommentView, type DomainEventView, type IncidentView } from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';
import { useDomainEvents, useIncidentStore, useWatchedIncident } from '../realtime/LiveProvider.js';

/** Adds timeline entries by their place in the log, each once, oldest first. */
export function mergeTimeline(current: DomainEventView[], incoming: DomainEventView[]): DomainEventView[] {
  const fresh = incoming.filter((e) => !current.some((c) => c.seq === e.seq));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.seq - b.seq);
}

/**
 * The state of one incident's page. The incident comes from the console's incident store
 * (live events update it there); the page reads its timeline, comments and files once, then
 * applies each event: the event itself is the new timeline entry, and only what an event
 * cannot carry is read again (a comment's text, a file's details).
 */
export function useIncidentRoom(id: string) {
  const showError = useApiError();
  const store = useIncidentStore();
  const incident = useWatchedIncident(id);
  const [missing, setMissing] = useState(false);
  const [events, setEvents] = useState<DomainEventView[]>([]);
  const [comments, setComments] = useState<CommentView[]>([]);
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);

  const onError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else showError(e);
    },
    [showError],
  );
  const loadComments = useCallback(
    () => api<{ items: CommentView[] }>(`/incidents/${id}/comments`).then((r) => setComments(r.items), onError),
    [id, onError],
  );
  const loadAttachments = useCallback(
    () => api<{ items: AttachmentView[] }>(`/incidents/${id}/attachments`).then((r) => setAttachments(r.items), onError),
    [id, onError],
  );

  useEffect(() => {
    setMissing(false);
    setEvents([]);
    setComments([]);
    setAttachments([]);
    void api<IncidentView>(`/incidents/${id}`).then((i) => store.put(i), onError);
    // Events delivered while the timeline is on its way are merged with it, not lost.
    void api<{ items: DomainEventView[] }>(`/incidents/${id}/timeline`).then(
      (r) => setEvents((current) => mergeTimeline(current, r.items)),
      onError,
    );
    void loadComments();
    void loadAttachments();
  }, [id, store, onError, loadComments, loadAttachments]);

  // The incident itself is already in the store when this runs (the store hears events first).
  useDomainEvents((m) => {
    if (m.event.incidentId !== id) return;
    setEvents((current) => mergeTimeline(current, [m.event]));
    if (m.event.type === EVENTS.incidentCommentAdded) void loadComments();
    if (m.event.type === EVENTS.incidentAttachmentAdded) void loadAttachments();
  });

  /** The answer to one's own change (or a 409's current record) goes through the same rule. */
  const setIncident = useCallback((next: IncidentView) => store.put(next), [store]);

  return { incident, missing, events, comments, attachments, setIncident, loadComments, loadAttachments };
}
