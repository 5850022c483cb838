import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyView, IssuedApiKeyView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';

/** Keys for machine sources (SOC, SIEM) that file incidents through the API. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const showError = useApiError();
  const [keys, setKeys] = useState<ApiKeyView[]>([]);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedApiKeyView | null>(null);
  const [form] = Form.useForm<{ name: string; agencyIds: string[] }>();

  const load = useCallback(() => void api<{ items: ApiKeyView[] }>('/api-keys').then((r) => setKeys(r.items), showError), [showError]);
  useEffect(load, [load]);

  const issue = async (v: { name: string; agencyIds: string[] }) => {
    try {
      setIssued(await api<IssuedApiKeyView>('/api-keys', { method: 'POST', body: v }));
      setOpen(false);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('apiKeys.title')}</Typography.Title>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setOpen(true)}>
          {t('apiKeys.issue')}
        </Button>
      </div>
      {issued && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 16 }}
          message={t('apiKeys.issued')}
          description={
            <Typography.Text code copyable>
              {issued.key}
            </Typography.Text>
          }
        />
      )}
      <Table<ApiKeyView>
        rowKey="id"
        dataSource={keys}
        pagination={false}
        columns={[
          { title: t('apiKeys.name'), dataIndex: 'name' },
          { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
          {
            title: t('apiKeys.agencies'),
            dataIndex: 'agencyIds',
            render: (ids: string[]) => ids.map((id) => directory.agencyName(id)).join('; '),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('apiKeys.lastUsed'), dataIndex: 'lastUsedAt', render: formatDateTime },
          {
            title: t('common.actions'),
            render: (_: unknown, k) =>
              k.revokedAt ? (
                <Tag>{t('apiKeys.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('apiKeys.revoke')}
                  onConfirm={() => void api(`/api-keys/${k.id}/revoke`, { method: 'POST', body: {} }).then(load, showError)}
                >
                  <Button danger size="small">
                    {t('apiKeys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('apiKeys.issue')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('apiKeys.issue')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void issue(v)} name="apiKey">
          <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="agencyIds" label={t('apiKeys.agencies')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              filterOption={diacriticFilter}
              options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
