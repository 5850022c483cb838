import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPositiveDuration, SLA_SCOPES, type SlaPolicyView, type SlaScope } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useApiError } from '../lib/useApiError.js';

interface FormValues {
  scope: SlaScope;
  acknowledge?: string;
  leaveTriage?: string;
  contain?: string;
  escalationDelay: string;
}

/** SLA policies per severity (and for serious incidents), with ISO-8601 durations. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const [policies, setPolicies] = useState<SlaPolicyView[]>([]);
  const [editing, setEditing] = useState<SlaPolicyView | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const canEdit = user.role === 'admin' || user.role === 'coordinator';

  const load = useCallback(
    () => void api<{ items: SlaPolicyView[] }>('/sla/policies').then((r) => setPolicies(r.items), showError),
    [showError],
  );
  useEffect(load, [load]);

  const open = (policy: SlaPolicyView | 'new') => {
    setEditing(policy);
    form.setFieldsValue(
      policy === 'new'
        ? { scope: SLA_SCOPES.find((s) => !policies.some((p) => p.scope === s)) ?? 'default', escalationDelay: 'PT15M' }
        : {
            scope: policy.scope,
            acknowledge: policy.acknowledge ?? undefined,
            leaveTriage: policy.leaveTriage ?? undefined,
            contain: policy.contain ?? undefined,
            escalationDelay: policy.escalationDelay,
          },
    );
  };

  const save = async () => {
    try {
      const v = await form.validateFields();
      setBusy(true);
      const existing = policies.find((p) => p.scope === v.scope);
      await api('/sla/policies', {
        method: 'POST',
        body: {
          scope: v.scope,
          acknowledge: v.acknowledge?.trim() || null,
          leaveTriage: v.leaveTriage?.trim() || null,
          contain: v.contain?.trim() || null,
          escalationDelay: v.escalationDelay.trim(),
          ...(existing ? { version: existing.version } : {}),
        },
      });
      setEditing(null);
      load();
    } catch (e) {
      if (!(e && typeof e === 'object' && 'errorFields' in e)) showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const durationRule = (required: boolean) => ({
    validator: (_: unknown, value: string | undefined) =>
      (!value?.trim() && !required) || (value && isPositiveDuration(value.trim()))
        ? Promise.resolve()
        : Promise.reject(new Error('PT15M, PT4H, P1D')),
  });
  const show = (v: string | null) => (v ? <code>{v}</code> : t('notify.sla.none'));

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('notify.sla.title')}</Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('notify.sla.add')}
          </Button>
        )}
      </div>
      <Alert type="info" showIcon message={t('notify.sla.intro')} style={{ marginBottom: 16 }} />
      <Table<SlaPolicyView>
        rowKey="scope"
        dataSource={policies}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('notify.sla.scope'), dataIndex: 'scope', render: (s: SlaScope) => t(`notify.sla.scopes.${s}`) },
          { title: t('notify.sla.acknowledge'), dataIndex: 'acknowledge', render: show },
          { title: t('notify.sla.leaveTriage'), dataIndex: 'leaveTriage', render: show },
          { title: t('notify.sla.contain'), dataIndex: 'contain', render: show },
          { title: t('notify.sla.escalationDelay'), dataIndex: 'escalationDelay', render: show },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, p: SlaPolicyView) => (
                    <Space>
                      <Button size="small" onClick={() => open(p)}>
                        {t('notify.sla.edit')}
                      </Button>
                      <Popconfirm
                        title={t('notify.sla.remove')}
                        onConfirm={() => void api(`/sla/policies/${p.scope}`, { method: 'DELETE' }).then(load, showError)}
                      >
                        <Button size="small" danger>
                          {t('notify.sla.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        title={t('notify.sla.title')}
        open={editing !== null}
        busy={busy}
        onClose={() => setEditing(null)}
        onSave={() => void save()}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="scope" label={t('notify.sla.scope')} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={SLA_SCOPES.map((s) => ({ value: s, label: t(`notify.sla.scopes.${s}`) }))} />
          </Form.Item>
          <Form.Item name="acknowledge" label={t('notify.sla.acknowledge')} rules={[durationRule(false)]}>
            <Input placeholder="PT15M" />
          </Form.Item>
          <Form.Item name="leaveTriage" label={t('notify.sla.leaveTriage')} rules={[durationRule(false)]}>
            <Input placeholder="PT1H" />
          </Form.Item>
          <Form.Item name="contain" label={t('notify.sla.contain')} rules={[durationRule(false)]}>
            <Input placeholder="PT24H" />
          </Form.Item>
          <Form.Item name="escalationDelay" label={t('notify.sla.escalationDelay')} rules={[{ required: true }, durationRule(true)]}>
            <Input placeholder="PT15M" />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
