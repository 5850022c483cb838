import { Alert, Avatar, Button, Card, Space, Steps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, TRANSITIONS, type IncidentStatus, type IncidentView } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';
import { IncidentFlags, SeverityTag, StatusTag } from './labels.js';
import { IncidentDocuments } from '../reports/IncidentDocuments.js';
import { TlpTag } from './IndicatorHelp.js';
import { PrintButton } from './PrintButton.js';

const LIFECYCLE: IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed'];

/** The incident's code, flags, who else has it open, where it is in the lifecycle and where it may move. */
export function IncidentHeaderCard({
  incident,
  viewers,
  onMove,
}: {
  incident: IncidentView;
  viewers: { id: string; name: string }[];
  onMove: (to: IncidentStatus) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const canWork = incident.abilities.includes('transition');
  const status = incident.status as IncidentStatus;
  return (
    <Card>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="incident-code">
            {incident.code}
          </Typography.Title>
          <StatusTag status={incident.status} />
          <SeverityTag severity={incident.severity} />
          <IncidentFlags serious={incident.serious} lateReport={incident.lateReport} drill={incident.drill} />
          <TlpTag tlp={incident.tlp} />
          <IncidentDocuments incident={incident} />
          <PrintButton />
          {viewers.length > 0 && (
            <Tooltip title={viewers.map((v) => v.name).join(', ')}>
              <Space size={4} data-testid="viewers">
                <Typography.Text type="secondary">{t('incidents.alsoViewing')}</Typography.Text>
                <Avatar.Group size="small" max={{ count: 4 }}>
                  {viewers.map((v) => (
                    <Avatar key={v.id} size="small" style={{ background: '#1677ff' }}>
                      {v.name.slice(0, 1)}
                    </Avatar>
                  ))}
                </Avatar.Group>
              </Space>
            </Tooltip>
          )}
        </Space>
        <Typography.Title level={4} style={{ marginTop: 4 }} data-testid="incident-title">
          {incident.title}
        </Typography.Title>
        {status !== 'rejected' ? (
          <Steps size="small" current={LIFECYCLE.indexOf(status)} items={LIFECYCLE.map((s) => ({ title: label(STATUS_LABELS[s]) }))} />
        ) : (
          <Alert type="warning" showIcon message={`${label(STATUS_LABELS.rejected)}: ${incident.rejectionReason ?? ''}`} />
        )}
        {canWork && TRANSITIONS[status].length > 0 && (
          <Space wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('incidents.move')}:</Typography.Text>
            {TRANSITIONS[status].map((to) => (
              <Button key={to} onClick={() => onMove(to)} danger={to === 'rejected'}>
                {label(STATUS_LABELS[to])}
              </Button>
            ))}
          </Space>
        )}
      </Space>
    </Card>
  );
}
