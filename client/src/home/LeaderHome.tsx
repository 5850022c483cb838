import { AlertOutlined, FlagOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lazyPage, PageSlot } from '../app/lazyPage.js';
import { Greeting } from './Greeting.js';

// The charts are the heaviest chunk: only a leader's home loads them, never the sign-in prefetch.
const DashboardPage = lazyPage(() => import('../dashboard/DashboardPage.js'), 'DashboardPage');

/**
 * A leader's first question is the dashboard: this year's statistics, with the year's drills
 * (R4) and who is behind (compliance) one click away.
 */
export function LeaderHome() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <>
      <Greeting />
      <Space wrap style={{ marginBottom: 16 }}>
        <Link to={`/drills/years/${year}`}>
          <Button icon={<FlagOutlined />}>{t('drills.homeLink', { year })}</Button>
        </Link>
        <Link to="/compliance">
          <Button icon={<SafetyCertificateOutlined />}>{t('compliance.nav')}</Button>
        </Link>
        <Link to="/incidents">
          <Button icon={<AlertOutlined />}>{t('homes.leader.incidents')}</Button>
        </Link>
      </Space>
      <PageSlot>
        <DashboardPage />
      </PageSlot>
    </>
  );
}
