import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DrillView } from '@cert-hub/shared';
import { TIME_ZONE } from '../lib/format.js';

const COLORS: Record<DrillView['status'], string> = {
  planned: 'default',
  running: 'red',
  paused: 'orange',
  evaluation: 'blue',
  closed: 'green',
};

/** A drill's phase at a glance; drills held elsewhere say so. */
export function DrillStatusTag({ drill }: { drill: Pick<DrillView, 'status' | 'source'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={COLORS[drill.status]}>{t(`drills.statuses.${drill.status}`)}</Tag>
      {drill.source === 'external' && <Tag>{t('drills.source.external')}</Tag>}
    </>
  );
}

/** Seconds as minutes with one decimal, for tables and charts. */
export const minutesOf = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;

/** Inject times to the second: injects can be seconds apart. */
export const formatSeconds = (iso: string | null) => (iso ? dayjs(iso).tz(TIME_ZONE).format('DD/MM/YYYY HH:mm:ss') : '—');
