import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, SEVERITY_LABELS, STATUS_LABELS, type IncidentStatus, type Severity } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';

const STATUS_COLORS: Record<IncidentStatus, string> = {
  received: 'blue',
  triage: 'purple',
  initial_response: 'orange',
  containment: 'volcano',
  recovery: 'cyan',
  closed: 'green',
  rejected: 'default',
};
const SEVERITY_COLORS: Record<Severity, string> = { low: 'default', medium: 'gold', high: 'orange', critical: 'red' };

export function StatusTag({ status }: { status: string }) {
  const label = useLabel();
  const s = status as IncidentStatus;
  return <Tag color={STATUS_COLORS[s]}>{label(STATUS_LABELS[s], status)}</Tag>;
}

export function SeverityTag({ severity }: { severity: string | null }) {
  const label = useLabel();
  if (!severity) return null;
  const s = severity as Severity;
  return <Tag color={SEVERITY_COLORS[s]}>{label(SEVERITY_LABELS[s], severity)}</Tag>;
}

export function useCategoryLabel() {
  const label = useLabel();
  return (code: string) =>
    label(
      INCIDENT_CATEGORIES.find((c) => c.code === code),
      code,
    );
}

/** The badges that matter at a glance: serious (R2), late (R1), drill. */
export function IncidentFlags({ serious, lateReport, drill }: { serious: boolean; lateReport: boolean; drill: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      {serious && (
        <Tooltip title={t('incidents.seriousHint')}>
          <Tag color="red" data-testid="serious-badge">
            {t('incidents.serious')}
          </Tag>
        </Tooltip>
      )}
      {lateReport && (
        <Tooltip title={t('incidents.lateHint')}>
          <Tag color="gold">{t('incidents.late')}</Tag>
        </Tooltip>
      )}
      {drill ? <Tag color="geekblue">{t('incidents.drill')}</Tag> : null}
    </>
  );
}
