import { AppstoreOutlined } from '@ant-design/icons';
import { Button, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Greeting } from './Greeting.js';
import { IncidentShortList } from './IncidentShortList.js';
import { useIncidents } from './useIncidents.js';

/** A coordinator's first question: what is unassigned, waiting for triage, or serious. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  const open = useIncidents({ open: 'true' });
  const of = (keep: (i: NonNullable<typeof open>[number]) => boolean) => (open === null ? null : (open ?? []).filter(keep));
  return (
    <>
      <Greeting />
      <Link to="/board">
        <Button type="primary" icon={<AppstoreOutlined />} style={{ marginBottom: 16 }}>
          {t('homes.coordinator.board')}
        </Button>
      </Link>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <IncidentShortList
            testId="home-escalating"
            title={t('homes.coordinator.escalating')}
            incidents={of((i) => i.serious || i.severity === 'critical')}
            empty={t('homes.coordinator.nothingEscalating')}
            moreTo="/incidents?serious=true&open=true"
          />
        </Col>
        <Col xs={24} xl={8}>
          <IncidentShortList
            testId="home-unassigned"
            title={t('homes.coordinator.unassigned')}
            incidents={of((i) => (i.assigneeIds ?? []).length === 0)}
            empty={t('homes.coordinator.nothingUnassigned')}
            moreTo="/board"
          />
        </Col>
        <Col xs={24} xl={8}>
          <IncidentShortList
            testId="home-triage"
            title={t('homes.coordinator.awaitingTriage')}
            incidents={of((i) => i.status === 'received' || i.status === 'triage')}
            empty={t('homes.coordinator.nothingUnassigned')}
            moreTo="/board"
          />
        </Col>
      </Row>
    </>
  );
}
