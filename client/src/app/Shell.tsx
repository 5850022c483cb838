import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
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
  // Phones get the menu in a drawer, with its labels, instead of a strip of bare icons.
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const brand = (
    <div className="sider-brand">
      <div className="brand-mark small">CERT</div>
      <div className="sider-brand-text">
        <strong>{t('app.name')}</strong>
        <span>{t('app.province')}</span>
      </div>
    </div>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.labelKey) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        // react-router's navigate may return a promise (data routers); nothing waits for it here.
        void navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider width={236} breakpoint="lg" collapsedWidth={64} theme="dark">
          {brand}
          {menu}
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          title={null}
          className="nav-drawer"
          aria-label={t('usability.menu')}
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout className="app-main">
        <Layout.Header className={`app-header${phone ? ' phone' : ''}`}>
          {phone && (
            <Button
              icon={<MenuOutlined />}
              aria-label={t('usability.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              className="menu-button"
            />
          )}
          <Space size="middle" className="header-tools">
            <NotificationBell />
            <LanguageSwitch />
            <Space>
              {!phone && <Avatar style={{ background: '#b71c1c' }}>{user.displayName.slice(0, 1)}</Avatar>}
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
