import { AppstoreOutlined } from '@ant-design/icons';
import { Button, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listIncidentsQuery } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { Greeting } from './Greeting.js';
import { IncidentShortList } from './IncidentShortList.js';
import { useIncidents } from './useIncidents.js';

const OVERDUE_OFFERED = 'overdue' in listIncidentsQuery.shape;

/** A responder's first question: my assignments, and what is overdue. */
export function ResponderHome() {
  const { t } = useTranslation();
  const user = useUser();
  const assigned = useIncidents({ open: 'true', assigneeId: user.id });
  // "Overdue" is the hub's SLA filter; while the shared list query has no `overdue` the card
  // is left out rather than guessing deadlines here.
  const overdue = useIncidents(OVERDUE_OFFERED ? { open: 'true', overdue: 'true' } : null);
  return (
    <>
      <Greeting />
      <Link to="/board?mine=true">
        <Button type="primary" icon={<AppstoreOutlined />} style={{ marginBottom: 16 }}>
          {t('homes.responder.board')}
        </Button>
      </Link>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={overdue === undefined ? 24 : 12}>
          <IncidentShortList
            testId="home-assigned"
            title={t('homes.responder.assigned')}
            incidents={assigned ?? []}
            empty={t('homes.responder.nothingAssigned')}
            moreTo={`/incidents?assigneeId=${user.id}`}
          />
        </Col>
        {overdue !== undefined && (
          <Col xs={24} lg={12}>
            <IncidentShortList
              testId="home-overdue"
              title={t('homes.responder.overdue')}
              incidents={overdue}
              empty={t('homes.responder.nothingOverdue')}
              moreTo="/incidents?overdue=true"
            />
          </Col>
        )}
      </Row>
    </>
  );
}
