import { LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '@cert-hub/shared';
import { logout } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { NotificationBell } from '../notify/NotificationBell.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { navigationFor } from './navigation.js';

/** The signed-in layout: navigation by role, who is signed in, language, sign-out. */
export function Shell() {
  const user = useUser();
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navigationFor(user.role);
  // The most specific entry wins: /incidents/new is not also /incidents.
  const selected = items
    .filter((i) =>
      i.path === '/' ? location.pathname === '/' : location.pathname === i.path || location.pathname.startsWith(`${i.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((i) => i.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={236} breakpoint="lg" collapsedWidth={64} theme="dark">
        <div className="sider-brand">
          <div className="brand-mark small">CERT</div>
          <div className="sider-brand-text">
            <strong>{t('app.name')}</strong>
            <span>{t('app.province')}</span>
          </div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.labelKey) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size="middle">
            <NotificationBell />
            <LanguageSwitch />
            <Space>
              <Avatar style={{ background: '#b71c1c' }}>{user.displayName.slice(0, 1)}</Avatar>
              <div className="who">
                <Typography.Text strong data-testid="current-user">
                  {user.displayName}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="current-role">
                  {label(ROLE_LABELS[user.role])}
                </Typography.Text>
              </div>
            </Space>
            <Tooltip title={t('nav.logout')}>
              <Button icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login'))} aria-label={t('nav.logout')} />
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
