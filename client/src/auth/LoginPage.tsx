import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { HealthView } from '@cert-hub/shared';
import { api, ApiError, login } from '../api/client.js';
import { errorText } from '../messages/issues.js';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { useAuth } from './AuthContext.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setupRequired, setSetupRequired] = useState(false);

  useEffect(() => {
    void api<HealthView>('/health').then(
      (h) => setSetupRequired(h.setupRequired),
      () => undefined,
    );
  }, []);

  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429)
        setError(t('login.locked', { seconds: (e.details as { retryAfterSeconds?: number })?.retryAfterSeconds ?? 60 }));
      else if (e instanceof ApiError && e.status === 401) setError(t('login.failed'));
      else setError(e instanceof ApiError ? errorText(t, e.code) : t('common.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-screen">
      {/* A plain panel, not antd's Card: the Card brings tabs, menus and skeletons into the code
          every visitor downloads before they can sign in. */}
      <main className="auth-card auth-panel">
        <div className="auth-brand">
          <div className="brand-mark">CERT</div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        {setupRequired && <Alert type="info" showIcon message={t('login.setupHint')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<{ username: string; password: string }>
          layout="vertical"
          onFinish={(v) => void submit(v)}
          onValuesChange={() => setError(null)}
          requiredMark={false}
          name="login"
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <LanguageSwitch />
        </div>
      </main>
    </div>
  );
}
