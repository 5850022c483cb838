/**
 * The in-app reminder of the reporting cycle for a focal point: each round its agency still
 * owes, flagged when the hub has reminded it or the deadline has passed. Meant for the focal
 * point's home page as well as the reports page.
 */
import { Alert, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RoundAgencyStatus } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import type { RoundView } from './types.js';

export function ReportReminders() {
  const { t } = useTranslation();
  const user = useUser();
  const [pending, setPending] = useState<{ round: RoundView; status: RoundAgencyStatus }[]>([]);

  useEffect(() => {
    if (user.role !== 'focal_point') return;
    void api<{ items: { round: RoundView; status: RoundAgencyStatus }[] }>('/reports/mine').then(
      (r) => setPending(r.items.filter((p) => p.status.remindedAt || p.status.state === 'late')),
      () => undefined,
    );
  }, [user.role]);

  if (pending.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="report-reminders">
      {pending.map(({ round, status }) => (
        <Alert
          key={round.id}
          type={status.state === 'late' ? 'error' : 'warning'}
          showIcon
          message={
            <Link to={`/reports/${round.id}`}>
              {status.state === 'late'
                ? t('reports.overdueReminder', { title: round.title, deadline: formatDateTime(round.deadline) })
                : t('reports.reminder', { title: round.title, deadline: formatDateTime(round.deadline) })}
            </Link>
          }
        />
      ))}
    </Space>
  );
}
