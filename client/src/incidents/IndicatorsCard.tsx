import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type IncidentView } from '@cert-hub/shared';
import { IndicatorTypeTag, IndicatorValue, IocHelp } from './IndicatorHelp.js';

/** Indicators of compromise: defanged for CERT staff, as typed for the agency; copied as the real value. */
export function IndicatorsCard({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card title={t('incidents.indicators')} extra={<IocHelp />}>
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
            render: (v: string) => <IndicatorTypeTag type={v} />,
            width: 170,
          },
          {
            title: t('incidents.indicatorValue'),
            render: (_: unknown, x) => <IndicatorValue type={x.type} value={x.value} />,
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
