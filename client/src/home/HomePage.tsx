import { BankOutlined, ClusterOutlined, DatabaseOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ROLE_LABELS, type AgencyView, type SystemView, type TeamView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { fetchAll } from '../lib/useCursorList.js';

/** Who I am and what the registry holds that I can see. */
export function HomePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const [counts, setCounts] = useState<{ agencies: number; systems: number; teams: TeamView[] } | null>(null);
  const [agency, setAgency] = useState<AgencyView | null>(null);

  useEffect(() => {
    void Promise.all([fetchAll<AgencyView>('/agencies'), fetchAll<SystemView>('/systems'), fetchAll<TeamView>('/teams')]).then(
      ([agencies, systems, teams]) => setCounts({ agencies: agencies.length, systems: systems.length, teams }),
      () => undefined,
    );
    if (user.agencyId) void api<AgencyView>(`/agencies/${user.agencyId}`).then(setAgency, () => undefined);
  }, [user.agencyId]);

  const myTeams = counts?.teams.filter((team) => user.teamIds.includes(team.id)) ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('home.welcome', { name: user.displayName })}</Typography.Title>
      {agency && !agency.focalPoints.some((f) => f.available247) && (
        <Alert type="error" showIcon message={<Link to="/my-agency">{t('home.focalMissing')}</Link>} style={{ marginBottom: 16 }} />
      )}
      {user.role === 'leader' && (
        <Card style={{ marginBottom: 16 }}>
          <Link to={`/drills/years/${new Date().getFullYear()}`}>
            <FlagOutlined /> {t('drills.homeLink', { year: new Date().getFullYear() })}
          </Link>
        </Card>
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('home.role')}>{label(ROLE_LABELS[user.role])}</Descriptions.Item>
          {agency && <Descriptions.Item label={t('home.agency')}>{agency.name}</Descriptions.Item>}
          {myTeams.length > 0 && (
            <Descriptions.Item label={t('home.teams')}>{myTeams.map((team) => team.name).join('; ')}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card>
            <Link to={user.role === 'focal_point' ? '/my-agency' : '/agencies'}>
              <Statistic title={t('home.agencies')} value={counts?.agencies ?? '…'} prefix={<BankOutlined />} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/systems">
              <Statistic title={t('home.systems')} value={counts?.systems ?? '…'} prefix={<DatabaseOutlined />} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to={user.role === 'focal_point' ? '/' : '/teams'}>
              <Statistic title={t('home.teamsCount')} value={counts?.teams.length ?? '…'} prefix={<ClusterOutlined />} />
            </Link>
          </Card>
        </Col>
      </Row>
    </>
  );
}
