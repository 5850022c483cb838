import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_CATEGORIES,
  requirementsOf,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type IncidentCardView,
  type IncidentStatus,
  type IncidentView,
} from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';

interface Props {
  /** The card is enough: the move needs only id, status, version, category and severity. */
  incident: IncidentCardView;
  to: IncidentStatus | null;
  onClose: () => void;
  onMoved: (incident: IncidentView) => void;
  /** A 409: someone else moved it first; here is the current incident. */
  onConflict?: (current: IncidentView) => void;
}

/**
 * Moves an incident, asking for what the move needs (domain.md §4): a reason to reject,
 * severity and category to leave triage, the closing report to close. The version sent is
 * the one the user saw when they started the move.
 */
export function TransitionModal({ incident, to, onClose, onMoved, onConflict }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm();
  const showError = useApiError();
  const needs = to ? requirementsOf(incident.status as IncidentStatus, to) : [];
  // Closing with the playbook's checklist unfinished is allowed, but never unnoticed. A board
  // card has no checklist, so closing from the board asks the hub for it.
  const closing = needs.includes('closing_report');
  const [tasks, setTasks] = useState<NonNullable<IncidentView['tasks']> | null>(
    'tasks' in incident ? ((incident as IncidentView).tasks ?? []) : null,
  );
  useEffect(() => {
    if (!closing || tasks !== null) return;
    api<IncidentView>(`/incidents/${incident.id}`).then(
      (full) => setTasks(full.tasks ?? []),
      () => setTasks([]),
    );
  }, [closing, tasks, incident.id]);
  const openTasks = (tasks ?? []).filter((task) => !task.done);

  const submit = async (values: Record<string, string>) => {
    if (!to) return;
    const body: Record<string, unknown> = { to, version: incident.version };
    if (needs.includes('reason')) body.reason = values.reason;
    if (needs.includes('classification')) Object.assign(body, { severity: values.severity, category: values.category });
    if (needs.includes('closing_report'))
      body.closingReport = {
        rootCause: values.rootCause,
        actionsTaken: values.actionsTaken,
        damage: values.damage,
        recoveryTime: values.recoveryTime,
        recommendations: values.recommendations,
      };
    try {
      onMoved(await api<IncidentView>(`/incidents/${incident.id}/transitions`, { method: 'POST', body }));
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.details as { current?: IncidentView } | undefined)?.current;
        if (current) onConflict?.(current);
        onClose();
      }
      showError(e, form);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={to !== null}
      title={to ? `${incident.code} → ${label(STATUS_LABELS[to])}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v as Record<string, string>)}
        name="transition"
        initialValues={{ severity: incident.severity ?? undefined, category: incident.category }}
      >
        {needs.includes('reason') && (
          <Form.Item name="reason" label={t('incidents.rejectReason')} rules={[required, { min: 3 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {needs.includes('classification') && (
          <>
            <Form.Item name="severity" label={t('incidents.severity')} rules={[required]}>
              <Select options={SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS[s]) }))} />
            </Form.Item>
            <Form.Item name="category" label={t('incidents.category')} rules={[required]}>
              <Select options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))} />
            </Form.Item>
          </>
        )}
        {needs.includes('closing_report') && openTasks.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="checklist-warning"
            style={{ marginBottom: 16 }}
            message={t('usability.checklistWarning', { done: (tasks ?? []).length - openTasks.length, total: (tasks ?? []).length })}
            description={t('usability.checklistOpen', { tasks: openTasks.map((task) => task.title).join('; ') })}
          />
        )}
        {needs.includes('closing_report') &&
          (['rootCause', 'actionsTaken', 'damage', 'recoveryTime', 'recommendations'] as const).map((field) => (
            <Form.Item key={field} name={field} label={t(`incidents.${field}`)} rules={[required]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ))}
        {needs.length === 0 && to && <Typography.Text>{label(STATUS_LABELS[to])}</Typography.Text>}
      </Form>
    </Modal>
  );
}
