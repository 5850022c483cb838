import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Popconfirm, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, type DeliveryView, type WebhookView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { formatDateTime } from '../lib/format.js';
import { LoadMore } from '../lib/ListControls.js';
import { useApiError } from '../lib/useApiError.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useUrlParams } from '../lib/useUrlParams.js';

const STATUS_COLORS = { pending: 'gold', sending: 'blue', sent: 'green', failed: 'red' } as const;

/** Administrators: the outgoing webhooks, and every e-mail and webhook delivery with failures to retry. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const params = useUrlParams();
  const status = params.get('status');
  const list = useCursorList<DeliveryView>('/deliveries', { status });
  const [hooks, setHooks] = useState<WebhookView[]>([]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const loadHooks = useCallback(
    () => void api<{ items: WebhookView[] }>('/webhooks').then((r) => setHooks(r.items), showError),
    [showError],
  );
  useEffect(loadHooks, [loadHooks]);

  const create = async () => {
    try {
      const values = (await form.validateFields()) as { name: string; url: string; secret: string; eventTypes: string[] };
      setBusy(true);
      await api('/webhooks', { method: 'POST', body: { ...values, active: true } });
      setOpen(false);
      form.resetFields();
      loadHooks();
    } catch (e) {
      if (!(e && typeof e === 'object' && 'errorFields' in e)) showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const act = async (work: Promise<unknown>, reload: () => void) => {
    try {
      await work;
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('notify.deliveries.webhooks')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('notify.deliveries.addWebhook')}
        </Button>
      </div>
      <Alert type="info" showIcon message={t('notify.deliveries.signatureHelp')} style={{ marginBottom: 16 }} />
      <Table<WebhookView>
        rowKey="id"
        dataSource={hooks}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('notify.deliveries.name'), dataIndex: 'name' },
          { title: t('notify.deliveries.url'), dataIndex: 'url', render: (v: string) => <code>{v}</code> },
          {
            title: t('notify.deliveries.eventTypes'),
            dataIndex: 'eventTypes',
            render: (v: string[]) => v.map((e) => <Tag key={e}>{e}</Tag>),
          },
          {
            title: t('notify.deliveries.active'),
            dataIndex: 'active',
            render: (active: boolean, w) => (
              <Switch
                checked={active}
                aria-label={`${t('notify.deliveries.active')} ${w.name}`}
                onChange={(on) => void act(api(`/webhooks/${w.id}`, { method: 'PATCH', body: { active: on } }), loadHooks)}
              />
            ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, w) => (
              <Popconfirm
                title={t('notify.deliveries.remove')}
                onConfirm={() => void act(api(`/webhooks/${w.id}`, { method: 'DELETE' }), loadHooks)}
              >
                <Button danger size="small">
                  {t('notify.deliveries.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />

      <div className="page-header" style={{ marginTop: 32 }}>
        <Typography.Title level={3}>{t('notify.deliveries.title')}</Typography.Title>
        <Select
          allowClear
          aria-label={t('notify.deliveries.status')}
          placeholder={t('notify.deliveries.status')}
          value={status}
          onChange={(v: string | undefined) => params.set('status', v)}
          style={{ width: 180 }}
          options={(['pending', 'sending', 'sent', 'failed'] as const).map((s) => ({
            value: s,
            label: t(`notify.deliveries.statuses.${s}`),
          }))}
        />
      </div>
      <Table<DeliveryView>
        rowKey="id"
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        columns={[
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('notify.deliveries.channel'), dataIndex: 'channel' },
          {
            title: t('notify.deliveries.target'),
            dataIndex: 'target',
            render: (v: string, d) => (d.channel === 'webhook' ? (hooks.find((h) => h.id === v)?.name ?? v) : v),
          },
          { title: t('notify.deliveries.subject'), dataIndex: 'subject' },
          {
            title: t('notify.deliveries.status'),
            dataIndex: 'status',
            render: (s: DeliveryView['status']) => <Tag color={STATUS_COLORS[s]}>{t(`notify.deliveries.statuses.${s}`)}</Tag>,
          },
          { title: t('notify.deliveries.attempts'), dataIndex: 'attempts' },
          { title: t('notify.deliveries.nextAttempt'), dataIndex: 'nextAttemptAt', render: formatDateTime },
          { title: t('notify.deliveries.lastError'), dataIndex: 'lastError' },
          {
            title: t('common.actions'),
            render: (_: unknown, d) =>
              d.status === 'failed' ? (
                <Button size="small" onClick={() => void act(api(`/deliveries/${d.id}/retry`, { method: 'POST', body: {} }), list.reload)}>
                  {t('notify.deliveries.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
      <LoadMore list={list} />

      <FormDrawer
        title={t('notify.deliveries.addWebhook')}
        open={open}
        busy={busy}
        onClose={() => setOpen(false)}
        onSave={() => void create()}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('notify.deliveries.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="url" label={t('notify.deliveries.url')} rules={[{ required: true, type: 'url' }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="secret" label={t('notify.deliveries.secret')} rules={[{ required: true, min: 16 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="eventTypes" label={t('notify.deliveries.eventTypes')} rules={[{ required: true }]}>
            <Select mode="multiple" options={EVENT_TYPES.map((e) => ({ value: e, label: e }))} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
