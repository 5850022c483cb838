import { AlertOutlined, AppstoreOutlined, BankOutlined, CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Greeting } from './Greeting.js';
import { useIncidents } from './useIncidents.js';

/**
 * A leader's first question is the dashboard. Until the statistics dashboard is mounted
 * here, the figures that exist: open, serious and closed incidents, with links onward.
 */
export function LeaderHome() {
  const { t } = useTranslation();
  const open = useIncidents({ open: 'true' });
  const closed = useIncidents({ status: 'closed' });
  const figure = (list: unknown[] | null | undefined) => (list ? list.length : '…');
  return (
    <>
      <Greeting />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/incidents?open=true">
              <Statistic title={t('homes.leader.open')} value={figure(open)} prefix={<AlertOutlined />} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/incidents?serious=true">
              <Statistic title={t('homes.leader.serious')} value={figure(open?.filter((i) => i.serious))} prefix={<WarningOutlined />} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/incidents?status=closed">
              <Statistic title={t('homes.leader.closed')} value={figure(closed)} prefix={<CheckCircleOutlined />} />
            </Link>
          </Card>
        </Col>
      </Row>
      <Space wrap>
        <Link to="/incidents">
          <Button icon={<AlertOutlined />}>{t('homes.leader.incidents')}</Button>
        </Link>
        <Link to="/board">
          <Button icon={<AppstoreOutlined />}>{t('homes.leader.board')}</Button>
        </Link>
        <Link to="/agencies">
          <Button icon={<BankOutlined />}>{t('homes.leader.agencies')}</Button>
        </Link>
      </Space>
    </>
  );
}
