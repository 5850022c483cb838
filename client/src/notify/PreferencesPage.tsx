import { Alert, Checkbox, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationKind, type NotificationPreferencesView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';

/** Each user chooses which notifications reach them by which channel; serious alerts stay on. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const [prefs, setPrefs] = useState<NotificationPreferencesView | null>(null);

  useEffect(() => void api<NotificationPreferencesView>('/notifications/preferences').then(setPrefs, showError), [showError]);

  const toggle = async (kind: NotificationKind, channel: string, on: boolean) => {
    if (!prefs) return;
    const pair = `${kind}:${channel}`;
    const muted = on ? prefs.muted.filter((m) => m !== pair) : [...prefs.muted, pair];
    try {
      setPrefs(await api<NotificationPreferencesView>('/notifications/preferences', { method: 'PUT', body: { muted } }));
      void message.success(t('notify.preferences.saved'));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('notify.preferences.title')}</Typography.Title>
      </div>
      <Alert type="info" showIcon message={t('notify.preferences.intro')} style={{ marginBottom: 16 }} />
      <Table<{ kind: NotificationKind }>
        rowKey="kind"
        loading={!prefs}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={NOTIFICATION_KINDS.map((kind) => ({ kind }))}
        columns={[
          { title: t('notify.preferences.kind'), dataIndex: 'kind', render: (kind: NotificationKind) => t(`notify.kinds.${kind}`) },
          ...NOTIFICATION_CHANNELS.map((channel) => ({
            title: t(`notify.channels.${channel}`),
            key: channel,
            render: (_: unknown, row: { kind: NotificationKind }) => {
              const locked = prefs?.unmutable.includes(row.kind) ?? false;
              const on = locked || !prefs?.muted.includes(`${row.kind}:${channel}`);
              return (
                <Checkbox
                  checked={on}
                  disabled={locked || !prefs}
                  aria-label={`${t(`notify.kinds.${row.kind}`)} — ${t(`notify.channels.${channel}`)}`}
                  onChange={(e) => void toggle(row.kind, channel, e.target.checked)}
                >
                  {locked ? t('notify.preferences.alwaysOn') : null}
                </Checkbox>
              );
            },
          })),
        ]}
      />
    </>
  );
}
