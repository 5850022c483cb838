import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { phoneSchema, type AgencyView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';
import { zodRule } from '../lib/zodRule.js';
import { minLengthRule, useSavedNotice } from './formFeedback.js';

interface Props {
  agency: AgencyView;
  open: boolean;
  onClose: () => void;
  onSaved: (agency: AgencyView) => void;
}

/** R6: the agency's incident focal points with their 24/7 contacts. */
export function FocalPointsModal({ agency, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        focalPoints: agency.focalPoints.length
          ? agency.focalPoints
          : [{ name: '', position: '', phone: '', email: '', available247: true, primary: true }],
      });
  }, [open, agency, form]);

  const submit = async (values: { focalPoints: Record<string, unknown>[] }) => {
    setBusy(true);
    try {
      const focalPoints = values.focalPoints.map((f) => ({
        name: f.name,
        position: f.position ? f.position : null,
        phone: f.phone,
        email: f.email,
        available247: Boolean(f.available247),
        primary: Boolean(f.primary),
      }));
      onSaved(
        await api<AgencyView>(`/agencies/${agency.id}/focal-points`, { method: 'PUT', body: { focalPoints, version: agency.version } }),
      );
      savedNotice();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      title={t('agencies.editFocal')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('agencies.focalHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v: { focalPoints: Record<string, unknown>[] }) => void submit(v)} name="focalPoints">
        <Form.List name="focalPoints">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Card
                  size="small"
                  key={field.key}
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                    )
                  }
                >
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'name']} label={t('agencies.focalName')} rules={[required, minLengthRule(2)]}>
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'position']} label={t('agencies.position')}>
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'phone']} label={t('common.phone')} rules={[required, zodRule(phoneSchema)]}>
                      <Input style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'email']} label={t('common.email')} rules={[required, zodRule(z.email())]}>
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'available247']} valuePropName="checked" label=" ">
                      <Checkbox>{t('agencies.available247')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'primary']} valuePropName="checked" label=" ">
                      <Checkbox>{t('agencies.primary')}</Checkbox>
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              {fields.length < 10 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ available247: true, primary: false })}>
                  {t('agencies.addFocal')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
