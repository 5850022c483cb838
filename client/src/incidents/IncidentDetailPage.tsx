import { Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type IncidentStatus } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { IncidentRoutingPanel } from '../routing/IncidentRoutingPanel.js';
import { WorkPanel } from './WorkPanel.js';
import { TransitionModal } from './TransitionModal.js';
import { usePresence } from './usePresence.js';
import { AttachmentsCard } from './AttachmentsCard.js';
import { ClosingReportCard } from './ClosingReportCard.js';
import { ConversationCard } from './ConversationCard.js';
import { IncidentFactsCard } from './IncidentFactsCard.js';
import { IncidentHeaderCard } from './IncidentHeaderCard.js';
import { IndicatorsCard } from './IndicatorsCard.js';
import { TimelineCard } from './TimelineCard.js';
import { useIncidentRoom } from './useIncidentRoom.js';

/**
 * One incident as its reader needs it. The agency: status, what the CERT did that it may
 * see, questions to answer, the closing report to confirm. The CERT: all of it, plus moves.
 * Everything people typed is rendered as text, never as markup.
 */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const room = useIncidentRoom(id);
  const { incident, events, comments, attachments, setIncident } = room;
  const [moving, setMoving] = useState<IncidentStatus | null>(null);
  const presence = usePresence(id, user.id);

  if (room.missing) return <Result status="404" title="404" subTitle={t('common.forbidden')} />;
  if (!incident) return <Spin />;

  const isAgency = !incident.abilities.includes('see_internal');
  const canWork = incident.abilities.includes('transition');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="incident-page">
      <IncidentHeaderCard incident={incident} viewers={presence.viewers} onMove={setMoving} />

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <IncidentFactsCard incident={incident} />
            <IndicatorsCard incident={incident} />
            <AttachmentsCard incident={incident} attachments={attachments} onUploaded={() => void room.loadAttachments()} />
            <ClosingReportCard incident={incident} onConfirmed={setIncident} />
          </Space>
        </Col>

        <Col xs={24} xl={9}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {!isAgency && <WorkPanel incident={incident} canWork={canWork} onChanged={setIncident} />}
            <IncidentRoutingPanel incident={incident} onChanged={setIncident} />
            <ConversationCard incident={incident} comments={comments} presence={presence} onSent={() => void room.loadComments()} />
            <TimelineCard events={events} />
          </Space>
        </Col>
      </Row>

      <TransitionModal
        incident={incident}
        to={moving}
        onClose={() => setMoving(null)}
        onMoved={(next) => {
          setIncident(next);
          setMoving(null);
        }}
        onConflict={setIncident}
      />
    </Space>
  );
}
