import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type DomainEventView, type IncidentStatus } from '@cert-hub/shared';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';

/** What happened to the incident, in words (a checklist tick names its task, an edit names its fields). */
export function TimelineCard({ events }: { events: DomainEventView[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  // Which fields an edit changed, in words (an assignment says "Người xử lý", not just "updated").
  const FIELD_LABELS: Record<string, string> = {
    assigneeIds: t('incidents.assignees'),
    severity: t('incidents.severity'),
    category: t('incidents.category'),
    title: t('incidents.heading'),
    tags: t('usability.tags'),
  };
  const eventText = (e: DomainEventView) => {
    const data = e.data as {
      to?: IncidentStatus;
      fileName?: string;
      visibility?: string;
      title?: string;
      done?: boolean;
      added?: boolean;
      target?: string;
      changes?: Record<string, unknown>;
    };
    if (e.type === 'incident.task_updated' && data.title)
      return t(data.added ? 'usability.taskAdded' : data.done ? 'usability.taskDone' : 'usability.taskUndone', { title: data.title });
    if (e.type === 'incident.updated' && data.changes && Object.keys(data.changes).length > 0)
      return t('usability.updatedFields', {
        fields: Object.keys(data.changes)
          .map((key) => (FIELD_LABELS[key] ?? key).toLowerCase())
          .join(', '),
      });
    return t([`incidents.event.${e.type}`, `notify.events.${e.type}`], {
      status: data.to ? label(STATUS_LABELS[data.to]) : '',
      // A file's name, or a checklist task's.
      name: data.fileName ?? data.title ?? '',
      target: data.target ? t(`notify.targets.${data.target}`) : '',
      defaultValue: t(`routing.event.${e.type}`, { defaultValue: e.type }),
    });
  };
  return (
    <Card title={t('incidents.timeline')}>
      <Timeline
        items={events.map((e) => ({
          key: e.seq,
          children: (
            <div data-testid="timeline-item">
              <Typography.Text strong>{eventText(e)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {formatDateTime(e.at)}
                {e.actor?.displayName ? ` · ${e.actor.displayName}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
