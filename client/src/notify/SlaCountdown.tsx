import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const span = (ms: number) => {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const seconds = Math.floor((Math.abs(ms) % 60_000) / 1000);
  if (minutes >= 1440) return `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
};

/** Whether the incident's next SLA step is past due at `now`. */
export const isOverdue = (slaDueAt: string | null | undefined, now: number) => Boolean(slaDueAt && Date.parse(slaDueAt) <= now);

/** A board card's countdown to its next SLA step, red once overdue. */
export function SlaCountdown({ slaDueAt, now }: { slaDueAt: string | null | undefined; now: number }) {
  const { t } = useTranslation();
  if (!slaDueAt) return null;
  const left = Date.parse(slaDueAt) - now;
  const overdue = left <= 0;
  return (
    <Tag
      icon={<ClockCircleOutlined />}
      color={overdue ? 'red' : left < 15 * 60_000 ? 'orange' : 'default'}
      data-testid="sla-countdown"
      data-overdue={overdue}
    >
      {overdue ? t('notify.board.overdueFor', { time: span(left) }) : t('notify.board.dueIn', { time: span(left) })}
    </Tag>
  );
}
