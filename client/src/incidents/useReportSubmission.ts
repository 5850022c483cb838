import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyView, type IncidentView, type Page, type SystemView } from '@cert-hub/shared';
import { api, ApiError, apiUpload } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { TIME_ZONE } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { errorText } from '../messages/issues.js';
import { sendUntilAnswered, type Attempt } from './persistentSend.js';
import { discardDraft, loadDraft, newDraft, saveDraft, type ReportDraft } from './reportDraft.js';

export const OTHER_SYSTEM = '__other__';
export const MAX_FILES = 20;

export type Phase =
  | { kind: 'editing' }
  | { kind: 'sending'; attempt: Attempt }
  | { kind: 'uploading'; name: string; attempt: Attempt }
  | { kind: 'done'; incident: { id: string; code: string }; rejected: string[] };

/** The picked wall-clock time read as Hà Nội time, whatever the browser's zone. */
const toIso = (value: Dayjs) => dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), TIME_ZONE).toISOString();
const fromIso = (iso: string) => dayjs(dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm'));

/** Form values as they are kept in the draft (dates as ISO strings). */
function serialise(values: Record<string, unknown>): Record<string, unknown> {
  const detectedAt = values.detectedAt as Dayjs | undefined;
  return { ...values, detectedAt: detectedAt && dayjs.isDayjs(detectedAt) ? toIso(detectedAt) : undefined };
}
function deserialise(values: Record<string, unknown>): Record<string, unknown> {
  return { ...values, detectedAt: typeof values.detectedAt === 'string' ? fromIso(values.detectedAt) : undefined };
}

/**
 * The state of an initial report being written and sent: its draft in the browser (restored
 * after a reload, files included), the registry choices, and the sending phases (retried
 * until the hub answers, then each file).
 */
export function useReportSubmission() {
  const { t } = useTranslation();
  const user = useUser();
  const [form] = Form.useForm();
  const showError = useApiError();
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [systems, setSystems] = useState<SystemView[]>([]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<ReportDraft | null>(null);
  const isAgency = user.role === 'focal_point';
  const agencyId = Form.useWatch('agencyId', form) as string | undefined;
  const systemChoice = Form.useWatch('systemId', form) as string | undefined;

  // Open the draft (or start one, with its Idempotency-Key) before anything is typed.
  useEffect(() => {
    void (async () => {
      const existing = await loadDraft(user.id);
      const current = existing ?? newDraft();
      if (!existing) await saveDraft(user.id, current);
      latest.current = current;
      setDraft(current);
      if (existing) {
        setRestored(Object.keys(existing.values).length > 0 || existing.files.length > 0);
        form.setFieldsValue(deserialise(existing.values));
        if (existing.incidentId) void send(current);
      } else {
        form.setFieldsValue({ agencyId: user.agencyId ?? undefined, tlp: 'amber', impacts: [], indicators: [], supportRequested: true });
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.id]);

  useEffect(() => {
    if (isAgency) return;
    void fetchAll<AgencyView>('/agencies').then(setAgencies, showError);
  }, [isAgency, showError]);

  useEffect(() => {
    const id = isAgency ? user.agencyId : agencyId;
    if (!id) return setSystems([]);
    void api<Page<SystemView>>(`/systems?agencyId=${id}&limit=200`).then((p) => setSystems(p.items), showError);
  }, [isAgency, user.agencyId, agencyId, showError]);

  // The latest draft lives in a ref: a debounced save must not write back an older copy.
  const update = (change: (current: ReportDraft) => ReportDraft) => {
    if (!latest.current) return latest.current;
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
    void saveDraft(user.id, next);
    return next;
  };
  const persist = (next: ReportDraft) => update(() => next);

  const onValuesChange = () => {
    if (phase.kind !== 'editing') return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(
      () =>
        update((d) => ({ ...d, values: serialise(form.getFieldsValue(true) as Record<string, unknown>), savedAt: dayjs().toISOString() })),
      250,
    );
  };

  const buildBody = (values: Record<string, unknown>) => {
    const fromRegistry = values.systemId && values.systemId !== OTHER_SYSTEM;
    return {
      agencyId: isAgency ? user.agencyId : values.agencyId,
      systemId: fromRegistry ? values.systemId : null,
      systemName: fromRegistry ? null : values.systemName || null,
      systemLevel: fromRegistry ? null : (values.systemLevel ?? null),
      title: values.title,
      category: values.category,
      description: values.description,
      detectedAt: values.detectedAt,
      detectionMethod: values.detectionMethod || null,
      impacts: values.impacts ?? [],
      indicators: ((values.indicators as { type: string; value: string }[] | undefined) ?? []).filter((i) => i?.value),
      actionsTaken: values.actionsTaken || null,
      supportRequested: Boolean(values.supportRequested),
      // R2 (c) and R1's emergency report, as the agency answers them.
      canHandleAlone: values.canHandleAlone === 'yes' ? true : values.canHandleAlone === 'no' ? false : null,
      mayExceedCapacity: Boolean(values.mayExceedCapacity),
      tlp: values.tlp,
      contact: !isAgency && values.contactName ? { name: values.contactName, phone: values.contactPhone } : null,
    };
  };

  /** Sends the report (if not yet acknowledged), then every file not yet acknowledged. */
  const send = async (start: ReportDraft) => {
    let current = start;
    try {
      if (!current.incidentId) {
        const body = buildBody(current.values);
        const incident = await sendUntilAnswered(
          () => api<IncidentView>('/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': current.key } }),
          (attempt) => setPhase({ kind: 'sending', attempt }),
        );
        current = { ...current, incidentId: incident.id, incidentCode: incident.code };
        persist(current);
      }
      const rejected: string[] = [];
      for (const [index, file] of current.files.entries()) {
        if (current.uploaded.includes(index)) continue;
        try {
          await sendUntilAnswered(
            () => apiUpload(`/incidents/${current.incidentId}/attachments`, file, { 'Idempotency-Key': `${current.key}-file-${index}` }),
            (attempt) => setPhase({ kind: 'uploading', name: file.name, attempt }),
          );
        } catch (error) {
          rejected.push(
            t('incidents.fileRejected', {
              name: file.name,
              reason: error instanceof ApiError ? errorText(t, error.code) : t('common.offline'),
            }),
          );
        }
        current = { ...current, uploaded: [...current.uploaded, index] };
        persist(current);
      }
      await discardDraft(user.id);
      setPhase({ kind: 'done', incident: { id: current.incidentId!, code: current.incidentCode! }, rejected });
    } catch (error) {
      setPhase({ kind: 'editing' });
      showError(error, form);
    }
  };

  const submit = async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    const next = update((d) => ({ ...d, values: serialise(form.getFieldsValue(true) as Record<string, unknown>) }));
    if (next) await send(next);
  };

  const startOver = async () => {
    await discardDraft(user.id);
    const fresh = newDraft();
    await saveDraft(user.id, fresh);
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setPhase({ kind: 'editing' });
    form.resetFields();
    form.setFieldsValue({ agencyId: user.agencyId ?? undefined, tlp: 'amber', impacts: [], indicators: [], supportRequested: true });
  };

  const step = phase.kind === 'editing' ? 0 : phase.kind === 'sending' ? 1 : phase.kind === 'uploading' ? 3 : 2;
  const status = useMemo(() => {
    if (phase.kind === 'sending')
      return phase.attempt.retryInMs
        ? { type: 'warning' as const, text: t('incidents.retrying', { seconds: Math.round(phase.attempt.retryInMs / 1000) }) }
        : { type: 'info' as const, text: t('incidents.sending', { attempt: phase.attempt.attempt }) };
    if (phase.kind === 'uploading')
      return phase.attempt.retryInMs
        ? { type: 'warning' as const, text: t('incidents.retrying', { seconds: Math.round(phase.attempt.retryInMs / 1000) }) }
        : { type: 'info' as const, text: t('incidents.uploading', { name: phase.name, attempt: phase.attempt.attempt }) };
    return null;
  }, [phase, t]);

  return {
    form,
    draft,
    restored,
    phase,
    agencies,
    systems,
    isAgency,
    systemChoice,
    update,
    onValuesChange,
    submit,
    startOver,
    step,
    status,
  };
}
