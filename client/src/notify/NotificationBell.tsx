import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NOTIFICATION_SOCKET_EVENT, type NotificationListView, type NotificationView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useLive } from '../realtime/LiveProvider.js';

const BELL_FIRST_LOAD_DELAY_MS = 1500;

/**
 * The live bell in the header, for every role: the unread count, pushed over the user's own
 * socket room the moment a notification is written, and the latest notifications on click.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const live = useLive();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [unread, setUnread] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [connected, setConnected] = useState(false);

  const load = useCallback(async (cursor: string | null) => {
    const page = await api<NotificationListView>(`/notifications?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
    setUnread(page.unread);
    setNextCursor(page.nextCursor);
  }, []);

  // The page's own data goes first: on a slow link the browser's few connections are better
  // spent on the board's first cards than on the bell, which live pushes keep current anyway.
  useEffect(() => {
    const timer = setTimeout(() => void load(null).catch(() => undefined), BELL_FIRST_LOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [load]);

  useEffect(() => {
    if (!live) return;
    const onNew = (n: NotificationView) => {
      setItems((prev) => (prev.some((p) => p.id === n.id) ? prev : [n, ...prev]));
      setUnread((u) => u + 1);
    };
    // A reconnect may have missed pushes: the list is the truth, reload it.
    const onConnect = () => {
      setConnected(true);
      void load(null).catch(() => undefined);
    };
    const onDisconnect = () => setConnected(false);
    if (live.socket.connected) setConnected(true);
    live.socket.on(NOTIFICATION_SOCKET_EVENT, onNew);
    live.socket.on('connect', onConnect);
    live.socket.on('disconnect', onDisconnect);
    return () => {
      live.socket.off(NOTIFICATION_SOCKET_EVENT, onNew);
      live.socket.off('connect', onConnect);
      live.socket.off('disconnect', onDisconnect);
    };
  }, [live, load]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const result = await api<{ unread: number }>('/notifications/read', { method: 'POST', body });
    const at = new Date().toISOString();
    setItems((prev) => prev.map((n) => ('all' in body || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? at } : n)));
    setUnread(result.unread);
  };

  const openNotification = (n: NotificationView) => {
    if (!n.readAt) void markRead({ ids: [n.id] });
    setOpen(false);
    if (n.incidentId) void navigate(`/incidents/${n.incidentId}`);
    else if (n.link) void navigate(n.link);
  };

  // A drawer rather than a popover: it overlays the page, so a phone never scrolls sideways.
  const content = (
    <div className="notification-panel" data-testid="notification-panel">
      <List<NotificationView>
        size="small"
        dataSource={items}
        locale={{ emptyText: t('notify.bell.empty') }}
        renderItem={(n) => (
          <List.Item
            className={`notification-item${n.readAt ? '' : ' unread'}`}
            data-testid="notification-item"
            data-kind={n.kind}
            onClick={() => openNotification(n)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && openNotification(n)}
            tabIndex={0}
            role="button"
          >
            <div className="notification-text">
              <div>
                {n.drill && <Tag color="purple">{t('notify.bell.drill')}</Tag>}
                <Tag color={n.kind === 'serious' || n.kind === 'sla_escalation' ? 'red' : 'blue'}>{t(`notify.kinds.${n.kind}`)}</Tag>
              </div>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" className="notification-time">
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {nextCursor && (
        <Button block type="link" onClick={() => void load(nextCursor)}>
          {t('notify.bell.more')}
        </Button>
      )}
    </div>
  );

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
          aria-label={unread ? t('notify.bell.unread', { count: unread }) : t('notify.bell.label')}
          data-testid="notification-bell"
          data-unread={unread}
          data-live={connected}
        />
      </Badge>
      <Drawer
        title={t('notify.bell.label')}
        open={open}
        onClose={() => setOpen(false)}
        width="min(400px, 100vw)"
        extra={
          <Button size="small" type="link" disabled={unread === 0} onClick={() => void markRead({ all: true })}>
            {t('notify.bell.markAll')}
          </Button>
        }
        footer={
          <Button
            type="link"
            icon={<SettingOutlined />}
            onClick={() => {
              setOpen(false);
              void navigate('/notification-settings');
            }}
          >
            {t('notify.nav.notifications')}
          </Button>
        }
      >
        {content}
      </Drawer>
    </>
  );
}
