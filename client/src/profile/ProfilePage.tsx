import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { passwordSchema, phoneSchema, ROLE_LABELS, type UserView } from '@cert-hub/shared';
import { api, refreshSession, session } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { zodRule } from '../lib/zodRule.js';

export function ProfilePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const showError = useApiError();
  const [details] = Form.useForm<{ displayName: string; phone: string; email: string }>();

  useEffect(() => {
    void api<UserView>('/me').then(
      (me) => details.setFieldsValue({ displayName: me.displayName, phone: me.phone ?? '', email: me.email ?? '' }),
      showError,
    );
  }, [details, showError]);

  const saveDetails = async (v: { displayName: string; phone: string; email: string }) => {
    try {
      await api('/me', {
        method: 'PATCH',
        body: { displayName: v.displayName.trim(), phone: v.phone?.trim() || null, email: v.email?.trim() || null },
      });
      // The header shows the name from the session: take the new one.
      await refreshSession();
      void message.success(t('usability.detailsSaved'));
    } catch (e) {
      showError(e, details);
    }
  };

  const changePassword = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await api('/me/password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      void message.success(t('profile.changed'), 6);
      session.set(null);
      void navigate('/login');
    } catch (e) {
      showError(e, form);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3}>{t('profile.title')}</Typography.Title>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('users.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.role')}>{label(ROLE_LABELS[user.role])}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('usability.myDetails')}>
        <Form form={details} layout="vertical" onFinish={(v) => void saveDetails(v)} name="myDetails">
          <Form.Item name="displayName" label={t('users.displayName')} rules={[required, { min: 2, max: 200 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(phoneSchema)]}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={t('common.email')} rules={[{ type: 'email', message: t('issues.zod.format_email') }]}>
            <Input autoComplete="email" inputMode="email" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('profile.changePassword')}>
        <Alert type="info" showIcon message={t('users.passwordHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => void changePassword(v)} name="changePassword">
          <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('profile.newPassword')} rules={[required, zodRule(passwordSchema)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('profile.confirm')}
            dependencies={['newPassword']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('profile.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('profile.changePassword')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
