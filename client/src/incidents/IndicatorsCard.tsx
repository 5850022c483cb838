import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { defang, type IncidentView } from '@cert-hub/shared';

/** Indicators of compromise, shown defanged, copied as the real value. */
export function IndicatorsCard({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card title={t('incidents.indicators')}>
      <Table
        size="small"
        rowKey={(x) => `${x.type}:${x.value}`}
        pagination={false}
        dataSource={incident.indicators}
        locale={{ emptyText: t('common.none') }}
        columns={[
          {
            title: t('incidents.indicatorType'),
            dataIndex: 'type',
            render: (v: string) => <Tag>{v.toUpperCase()}</Tag>,
            width: 110,
          },
          {
            title: t('incidents.indicatorValue'),
            render: (_: unknown, x) => <code data-testid="indicator">{defang(x.type, x.value)}</code>,
          },
          {
            width: 60,
            render: (_: unknown, x) => (
              <Tooltip title={t('incidents.copy')}>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  aria-label={t('incidents.copy')}
                  onClick={() => void navigator.clipboard.writeText(x.value).then(() => message.success(t('incidents.copied')))}
                />
              </Tooltip>
            ),
          },
        ]}
      />
    </Card>
  );
}
