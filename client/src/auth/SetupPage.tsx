import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { passwordSchema, usernameSchema } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';
import { zodRule } from '../lib/zodRule.js';

export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Record<string, string>>();
  const [required, setRequired] = useState<boolean | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const showError = useApiError();

  useEffect(() => {
    void api<{ required: boolean }>('/setup').then((r) => setRequired(r.required));
  }, []);

  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    try {
      await api('/setup', { method: 'POST', body: values });
      setDone(true);
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-screen">
      <Card className="auth-card" variant="borderless">
        <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
        {done || required === false ? (
          <Result
            status={done ? 'success' : 'info'}
            title={done ? t('setup.done') : t('setup.notNeeded')}
            extra={<Link to="/login">{t('login.submit')}</Link>}
          />
        ) : (
          <>
            <Alert type="info" showIcon message={t('setup.intro')} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ token: params.get('token') ?? '' }}>
              <Form.Item name="token" label={t('setup.token')} rules={[{ required: true, message: t('common.required') }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={[{ required: true, message: t('common.required') }, zodRule(usernameSchema)]}
              >
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item name="displayName" label={t('setup.displayName')} rules={[{ required: true, message: t('common.required') }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                extra={t('users.passwordHint')}
                rules={[{ required: true, message: t('common.required') }, zodRule(passwordSchema)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('setup.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
