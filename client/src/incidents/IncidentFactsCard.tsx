import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPACT_LABELS, type Impact, type IncidentView } from '@cert-hub/shared';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { useDirectory } from '../lib/useDirectory.js';
import { useCategoryLabel } from './labels.js';

/** What was reported: agency, category, system, times, contact, impacts, description and first actions. */
export function IncidentFactsCard({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const categoryLabel = useCategoryLabel();
  const directory = useDirectory();
  return (
    <Card title={t('common.details')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('incidents.agency')}>{directory.agencyName(incident.agencyId)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.category')}>{categoryLabel(incident.category)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.system')}>
          {incident.systemName ?? t('common.none')}
          {incident.systemLevel ? ` · ${t('systems.levelN', { level: incident.systemLevel })}` : ''}
          {incident.nationalCritical ? ` · ${t('systems.critical')}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.detectedAt')}>{formatDateTime(incident.detectedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.reportedAt')}>{formatDateTime(incident.reportedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.reportedVia')}>
          {t(`incidents.via.${incident.reportedVia}`)} · {incident.reporter.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.contact')}>
          {incident.contact ? `${incident.contact.name} · ${incident.contact.phone}` : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.supportRequested')}>
          {incident.supportRequested ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.detectionMethod')}>{incident.detectionMethod ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.impacts')}>
          {incident.impacts.length
            ? incident.impacts.map((i) => <Tag key={i}>{label(IMPACT_LABELS[i as Impact], i)}</Tag>)
            : t('common.none')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('incidents.description')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="incident-description">
        {incident.description}
      </Typography.Paragraph>
      {incident.actionsTaken && (
        <>
          <Typography.Title level={5}>{t('incidents.actionsTaken')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{incident.actionsTaken}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
