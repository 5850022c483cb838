import { App, Button } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  canTransition,
  requirementsOf,
  STATUS_LABELS,
  TRANSITIONS,
  type IncidentCardView,
  type IncidentStatus,
  type IncidentView,
} from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { playChime } from './alertSound.js';

/**
 * Announces an incident arriving live: a toast that opens it, a chime unless muted, and the
 * card marked "fresh" (shown first in its column) for 15 seconds.
 */
export function useNewIncidentAnnouncer(muted: boolean) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const announce = useCallback(
    (incident: IncidentCardView) => {
      const key = `new-${incident.id}`;
      const open = () => {
        notification.destroy(key);
        void navigate(`/incidents/${incident.id}`);
      };
      notification.info({
        key,
        message: t('board.newIncident', { code: incident.code }),
        description: incident.title,
        placement: 'topRight',
        duration: 8,
        onClick: open,
        className: 'clickable-notice',
        actions: (
          <Button type="primary" size="small" onClick={open}>
            {t('usability.openIncident')}
          </Button>
        ),
      });
      if (!mutedRef.current) playChime();
      setFresh((f) => new Set(f).add(incident.id));
      setTimeout(
        () =>
          setFresh((f) => {
            const next = new Set(f);
            next.delete(incident.id);
            return next;
          }),
        15_000,
      );
    },
    [notification, t, navigate],
  );
  return { fresh, announce };
}

/**
 * Moving a card and setting its severity from the board: a refused move is explained on the
 * card, a move that needs answers opens the transition form, a 409's current record replaces
 * the stale card.
 */
export function useBoardMoves(upsert: (incident: IncidentCardView) => void) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const showError = useApiError();
  const [refusal, setRefusal] = useState<{ id: string; status: string; text: string } | null>(null);
  const [moving, setMoving] = useState<{ incident: IncidentCardView; to: IncidentStatus } | null>(null);

  const explainRefusal = (incident: IncidentCardView, to: IncidentStatus) => {
    const from = incident.status as IncidentStatus;
    const allowed = TRANSITIONS[from].map((s) => label(STATUS_LABELS[s])).join(', ') || t('board.nothingAllowed');
    setRefusal({
      id: incident.id,
      status: from,
      text: t('board.refused', { from: label(STATUS_LABELS[from]), to: label(STATUS_LABELS[to]), allowed }),
    });
    setTimeout(() => setRefusal((r) => (r?.id === incident.id ? null : r)), 6000);
  };

  const move = useCallback(
    (incident: IncidentCardView, to: IncidentStatus) => {
      const from = incident.status as IncidentStatus;
      if (from === to) return;
      if (!canTransition(from, to)) return explainRefusal(incident, to);
      if (requirementsOf(from, to).length > 0) return setMoving({ incident, to });
      void api<IncidentView>(`/incidents/${incident.id}/transitions`, { method: 'POST', body: { to, version: incident.version } }).then(
        upsert,
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 409) {
            const current = (e.details as { current?: IncidentView } | undefined)?.current;
            if (current) upsert(current);
          }
          showError(e);
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [upsert, showError],
  );

  const setSeverity = useCallback(
    (incident: IncidentCardView, severity: string) => {
      void api<IncidentView>(`/incidents/${incident.id}`, { method: 'PATCH', body: { version: incident.version, severity } }).then(
        (next) => {
          upsert(next);
          void message.success(t('common.saved'));
        },
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 409) {
            const current = (e.details as { current?: IncidentView } | undefined)?.current;
            if (current) upsert(current);
          }
          showError(e);
        },
      );
    },
    [upsert, message, showError, t],
  );

  return { refusal, moving, setMoving, move, setSeverity };
}
