import { Alert, Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDirectory } from '../lib/useDirectory.js';
import type { Phase } from './useReportSubmission.js';

/** The "received" screen: the code once, what happens next, whom to call, files the hub refused. */
export function ReportReceived({ phase, onStartOver }: { phase: Extract<Phase, { kind: 'done' }>; onStartOver: () => void }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const receivedTitle = t('incidents.received', { code: '\u0000' }).split('\u0000');
  // The standing team's number, for "who do I call" right after filing.
  const hotline = directory.teams.find((team) => team.isStanding);
  return (
    <Result
      status="success"
      title={
        // The code is said once, in the title, and marked so it can be found.
        <>
          {receivedTitle[0]}
          <span data-testid="received-code">{phase.incident.code}</span>
          {receivedTitle[1]}
        </>
      }
      subTitle={
        <Space direction="vertical" size={4} style={{ maxWidth: 560 }}>
          <span>{t('usability.nextSteps')}</span>
          {hotline?.phone && (
            <Typography.Text strong>
              {t('usability.callUs', { team: hotline.name, phone: '' })}
              <a href={`tel:${hotline.phone.replace(/[^+0-9]/g, '')}`}>{hotline.phone}</a>
            </Typography.Text>
          )}
        </Space>
      }
      extra={[
        <Link key="open" to={`/incidents/${phase.incident.id}`}>
          <Button type="primary">{t('common.details')}</Button>
        </Link>,
        <Button key="new" onClick={() => onStartOver()}>
          {t('incidents.report')}
        </Button>,
      ]}
    >
      {phase.rejected.length > 0 &&
        phase.rejected.map((r) => <Alert key={r} type="error" showIcon message={r} style={{ marginBottom: 8 }} />)}
    </Result>
  );
}
