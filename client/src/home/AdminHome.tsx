import { BankOutlined, ClusterOutlined, DatabaseOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AgencyView, SystemView, TeamView, UserView } from '@cert-hub/shared';
import { fetchAll } from '../lib/useCursorList.js';
import { Greeting } from './Greeting.js';

/** An administrator's home: what the registry holds, each figure leading to its screen. */
export function AdminHome() {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ agencies: number; systems: number; teams: number; users: number } | null>(null);

  useEffect(() => {
    void Promise.all([
      fetchAll<AgencyView>('/agencies'),
      fetchAll<SystemView>('/systems'),
      fetchAll<TeamView>('/teams'),
      fetchAll<UserView>('/users'),
    ]).then(
      ([agencies, systems, teams, users]) =>
        setCounts({ agencies: agencies.length, systems: systems.length, teams: teams.length, users: users.length }),
      () => undefined,
    );
  }, []);

  const tiles = [
    { to: '/agencies', title: t('home.agencies'), value: counts?.agencies, icon: <BankOutlined /> },
    { to: '/systems', title: t('home.systems'), value: counts?.systems, icon: <DatabaseOutlined /> },
    { to: '/teams', title: t('home.teamsCount'), value: counts?.teams, icon: <ClusterOutlined /> },
    { to: '/users', title: t('homes.admin.users'), value: counts?.users, icon: <TeamOutlined /> },
    { to: '/api-keys', title: t('homes.admin.apiKeys'), value: undefined, icon: <KeyOutlined /> },
  ];
  return (
    <>
      <Greeting />
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col xs={24} md={8} key={tile.to}>
            <Card>
              <Link to={tile.to}>
                <Statistic title={tile.title} value={tile.value ?? (tile.to === '/api-keys' ? '→' : '…')} prefix={tile.icon} />
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
