import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { passwordSchema } from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';
import { zodRule } from '../lib/zodRule.js';

/** Where an administrator's one-time link lands: set a new password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [state, setState] = useState<'form' | 'done' | 'invalid'>('form');
  const [busy, setBusy] = useState(false);
  const showError = useApiError();

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      await api('/auth/password-reset', { method: 'POST', body: { token, password } });
      setState('done');
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.some((i) => i.path === 'token')) setState('invalid');
      else showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <div className="auth-screen">
      <Card className="auth-card" variant="borderless">
        <Typography.Title level={3}>{t('passwordReset.pageTitle')}</Typography.Title>
        {state === 'done' || state === 'invalid' || !token ? (
          <Result
            status={state === 'done' ? 'success' : 'warning'}
            title={state === 'done' ? t('passwordReset.done') : token ? t('passwordReset.invalid') : t('passwordReset.noToken')}
            extra={<Link to="/login">{t('passwordReset.toLogin')}</Link>}
          />
        ) : (
          <>
            <Alert type="info" showIcon message={t('passwordReset.pageIntro')} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="resetPassword">
              <Form.Item
                name="password"
                label={t('passwordReset.newPassword')}
                extra={t('users.passwordHint')}
                rules={[required, zodRule(passwordSchema)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('passwordReset.confirm')}
                dependencies={['password']}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('passwordReset.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('passwordReset.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
