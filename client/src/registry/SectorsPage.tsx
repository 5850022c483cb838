import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectorView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useApiError } from '../lib/useApiError.js';
import { minLengthRule, useSavedNotice } from './formFeedback.js';

export function SectorsPage() {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const user = useUser();
  const [sectors, setSectors] = useState<SectorView[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SectorView>();
  const showError = useApiError();
  const load = () => void api<{ items: SectorView[] }>('/sectors').then((r) => setSectors(r.items));
  useEffect(load, []);

  const submit = async (v: SectorView) => {
    try {
      await api('/sectors', { method: 'POST', body: { ...v, critical: Boolean(v.critical) } });
      setOpen(false);
      savedNotice();
      form.resetFields();
      load();
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('sectors.title')}</Typography.Title>
        {user.role === 'admin' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('common.create')}
          </Button>
        )}
      </div>
      <Table<SectorView>
        rowKey="code"
        dataSource={sectors}
        pagination={false}
        columns={[
          { title: t('sectors.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          { title: t('sectors.nameVi'), dataIndex: 'nameVi' },
          { title: t('sectors.nameEn'), dataIndex: 'nameEn' },
          { title: t('sectors.critical'), dataIndex: 'critical', render: (v: boolean) => (v ? <Tag color="red">632/QĐ-TTg</Tag> : '') },
        ]}
      />
      <Modal
        title={t('sectors.title')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="sector">
          <Form.Item name="code" label={t('sectors.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,49}$/ }]}>
            <Input placeholder="education" />
          </Form.Item>
          <Form.Item
            name="nameVi"
            label={t('sectors.nameVi')}
            rules={[{ required: true, message: t('common.required') }, minLengthRule(2)]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('sectors.nameEn')}
            rules={[{ required: true, message: t('common.required') }, minLengthRule(2)]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="critical" valuePropName="checked">
            <Checkbox>{t('sectors.critical')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
