import { MoreOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Avatar, Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SEVERITIES, SEVERITY_LABELS, STATUS_LABELS, TRANSITIONS, type IncidentCardView, type IncidentStatus } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';
import { IncidentFlags, SeverityTag, useCategoryLabel } from '../incidents/labels.js';
import { isOverdue, SlaCountdown } from '../notify/SlaCountdown.js';

dayjs.extend(relativeTime);

interface Props {
  incident: IncidentCardView;
  agencyName: string;
  assigneeNames: string[];
  now: number;
  fresh: boolean;
  refusal: string | null;
  canWork: boolean;
  onMove: (incident: IncidentCardView, to: IncidentStatus) => void;
  onSeverity: (incident: IncidentCardView, severity: string) => void;
  /** The copy shown under the pointer while dragging (not itself draggable). */
  overlay?: boolean;
  /** The compact board: title on one line, no category, assignees or age. */
  compact?: boolean;
}

/** One card on the board: draggable, with a keyboard menu offering the same moves. */
export const IncidentCard = memo(function IncidentCard({
  incident,
  agencyName,
  assigneeNames,
  now,
  fresh,
  refusal,
  canWork,
  onMove,
  onSeverity,
  overlay = false,
  compact = false,
}: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const categoryLabel = useCategoryLabel();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: incident.id,
    disabled: !canWork || overlay,
    data: { incident },
  });
  const status = incident.status as IncidentStatus;
  const inColumn = dayjs(incident.statusChangedAt)
    .locale(i18n.language === 'en' ? 'en' : 'vi')
    .from(dayjs(now), true);

  return (
    <div
      ref={setNodeRef}
      className={`board-card${fresh ? ' fresh' : ''}${incident.serious ? ' serious' : ''}${isOverdue(incident.slaDueAt, now) ? ' overdue' : ''}${isDragging ? ' placeholder' : ''}${overlay ? ' dragging' : ''}${compact ? ' compact' : ''}`}
      data-testid={overlay ? 'board-card-overlay' : 'board-card'}
      data-code={incident.code}
      data-status={incident.status}
      data-version={incident.version}
      {...attributes}
      {...listeners}
      // A group, not a button: the card holds its own link and menu button, and widgets
      // must not nest (screen readers). Space/Enter on the focused card still picks it up.
      role="group"
      aria-label={`${incident.code}: ${incident.title}`}
    >
      <div className="board-card-head">
        <Link to={`/incidents/${incident.id}`} onPointerDown={(e) => e.stopPropagation()} className="board-card-code">
          {incident.code}
        </Link>
        {canWork && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...TRANSITIONS[status].map((to) => ({ key: `move:${to}`, label: `${t('incidents.move')}: ${label(STATUS_LABELS[to])}` })),
                { type: 'divider' as const },
                ...SEVERITIES.map((s) => ({ key: `severity:${s}`, label: `${t('incidents.severity')}: ${label(SEVERITY_LABELS[s])}` })),
              ],
              onClick: ({ key }) => {
                const [kind, value] = key.split(':') as [string, string];
                if (kind === 'move') onMove(incident, value as IncidentStatus);
                else onSeverity(incident, value);
              },
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              aria-label={`${t('incidents.move')} ${incident.code}`}
              onPointerDown={(e) => e.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
      <Typography.Paragraph ellipsis={{ rows: compact ? 1 : 2 }} className="board-card-title">
        {incident.title}
      </Typography.Paragraph>
      <div className="board-card-meta">{agencyName}</div>
      {compact ? (
        // A plain row: when a card has no tag it takes no height (Space keeps a box per child).
        <div className="board-card-tags">
          <SeverityTag severity={incident.severity} />
          <IncidentFlags serious={incident.serious} lateReport={incident.lateReport} drill={incident.drill} />
          <SlaCountdown slaDueAt={incident.slaDueAt} now={now} />
        </div>
      ) : (
        <Space size={[4, 4]} wrap>
          <Tag>{categoryLabel(incident.category)}</Tag>
          <SeverityTag severity={incident.severity} />
          <IncidentFlags serious={incident.serious} lateReport={incident.lateReport} drill={incident.drill} />
          <SlaCountdown slaDueAt={incident.slaDueAt} now={now} />
        </Space>
      )}
      {!compact && (
        <div className="board-card-foot">
          <Avatar.Group size="small" max={{ count: 3 }}>
            {assigneeNames.map((name) => (
              <Tooltip key={name} title={name}>
                <Avatar size="small">{name.slice(0, 1)}</Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
          <Typography.Text type="secondary" className="board-card-age" title={t('incidents.status')}>
            {inColumn}
          </Typography.Text>
        </div>
      )}
      {refusal && (
        <div className="board-card-refusal" role="alert">
          {refusal}
        </div>
      )}
    </div>
  );
});
