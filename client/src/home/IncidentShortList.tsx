import { Card, Empty, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IncidentView } from '@cert-hub/shared';
import { IncidentFlags, SeverityTag, StatusTag } from '../incidents/labels.js';
import { formatDateTime } from '../lib/format.js';
import { useDirectory } from '../lib/useDirectory.js';

const SHOWN = 8;

/** A home-page card: a few incidents that answer one question, and a link to all of them. */
export function IncidentShortList({
  title,
  incidents,
  empty,
  moreTo,
  extra,
  testId,
  showAgency = true,
}: {
  title: ReactNode;
  incidents: IncidentView[] | null;
  empty: string;
  moreTo: string;
  extra?: ReactNode;
  testId: string;
  showAgency?: boolean;
}) {
  const { t } = useTranslation();
  const directory = useDirectory();
  return (
    <Card
      title={title}
      extra={extra}
      data-testid={testId}
      data-count={incidents?.length ?? ''}
      actions={
        incidents && incidents.length > SHOWN
          ? [
              <Link key="more" to={moreTo}>
                {t('homes.more', { count: incidents.length })}
              </Link>,
            ]
          : undefined
      }
    >
      <List
        loading={incidents === null}
        dataSource={(incidents ?? []).slice(0, SHOWN)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        renderItem={(i) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Space size={6} wrap>
                <Typography.Text strong>{i.code}</Typography.Text>
                <StatusTag status={i.status} />
                <SeverityTag severity={i.severity} />
                <IncidentFlags serious={i.serious} lateReport={i.lateReport} drill={i.drill} />
              </Space>
              <Link to={`/incidents/${i.id}`}>{i.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {showAgency ? `${directory.agencyName(i.agencyId)} · ` : ''}
                {formatDateTime(i.reportedAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
