import { BankOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AgencyView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { Greeting } from './Greeting.js';
import { IncidentShortList } from './IncidentShortList.js';
import { useIncidents } from './useIncidents.js';

/** A focal point's first question: my agency's open incidents, and what waits for me. */
export function FocalPointHome() {
  const { t } = useTranslation();
  const user = useUser();
  const [agency, setAgency] = useState<AgencyView | null>(null);
  const open = useIncidents({ open: 'true' });
  const closed = useIncidents({ status: 'closed' });
  // Waiting for the agency: a closing report it has not confirmed yet.
  const waiting = closed === null ? null : (closed ?? []).filter((i) => i.closingReport && !i.closureConfirmation);

  useEffect(() => {
    if (user.agencyId) void api<AgencyView>(`/agencies/${user.agencyId}`).then(setAgency, () => undefined);
  }, [user.agencyId]);

  return (
    <>
      <Greeting />
      {agency && !agency.focalPoints.some((f) => f.available247) && (
        <Alert type="error" showIcon message={<Link to="/my-agency">{t('home.focalMissing')}</Link>} style={{ marginBottom: 16 }} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Link to="/incidents/new">
          <Button type="primary" size="large" icon={<FileAddOutlined />}>
            {t('homes.focal.report')}
          </Button>
        </Link>
        <Link to="/my-agency">
          <Button size="large" icon={<BankOutlined />}>
            {t('homes.focal.myAgency')}
          </Button>
        </Link>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <IncidentShortList
            testId="home-waiting"
            title={t('homes.focal.waiting')}
            extra={null}
            incidents={waiting}
            empty={t('homes.focal.nothingWaiting')}
            moreTo="/incidents?status=closed"
            showAgency={false}
          />
        </Col>
        <Col xs={24} lg={12}>
          <IncidentShortList
            testId="home-open"
            title={`${t('homes.focal.open')}${agency ? ` — ${agency.name}` : ''}`}
            incidents={open ?? []}
            empty={t('homes.focal.nothingOpen')}
            moreTo="/incidents"
            showAgency={false}
          />
        </Col>
      </Row>
    </>
  );
}
