import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES, phoneSchema, type AgencyView } from '@cert-hub/shared';
import { z } from 'zod';
import { api } from '../api/client.js';
import { useLabel } from '../lib/labels.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useApiError } from '../lib/useApiError.js';
import { zodRule } from '../lib/zodRule.js';
import { minLengthRule, useSavedNotice } from './formFeedback.js';

const email = z.email();
const url = z.url({ protocol: /^https?$/ });

interface Props {
  agency: AgencyView | null; // null: create
  open: boolean;
  onClose: () => void;
  onSaved: (agency: AgencyView) => void;
  province?: string;
}

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

export function AgencyForm({ agency, open, onClose, onSaved, province }: Props) {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const label = useLabel();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();

  useEffect(() => {
    if (open) form.setFieldsValue(agency ?? { name: '', type: 'provincial_department', province: province ?? '' });
    if (!open) form.resetFields();
  }, [open, agency, form, province]);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    const body = {
      name: values.name,
      shortName: emptyToNull(values.shortName),
      type: values.type,
      province: values.province,
      address: emptyToNull(values.address),
      phone: emptyToNull(values.phone),
      email: emptyToNull(values.email),
      website: emptyToNull(values.website),
    };
    try {
      const saved = agency
        ? await api<AgencyView>(`/agencies/${agency.id}`, { method: 'PATCH', body: { ...body, version: agency.version } })
        : await api<AgencyView>('/agencies', { method: 'POST', body });
      onSaved(saved);
      savedNotice();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormDrawer
      title={agency ? `${t('common.edit')}: ${agency.name}` : `${t('common.create')} — ${t('agencies.title')}`}
      open={open}
      onClose={onClose}
      onSave={() => form.submit()}
      busy={busy}
    >
      <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void submit(v)} name="agency">
        <Form.Item name="name" label={t('common.name')} rules={[required, minLengthRule(2)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={t('agencies.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="type" label={t('common.type')} rules={[required]}>
          <Select options={AGENCY_TYPES.map((v) => ({ value: v, label: label(AGENCY_TYPE_LABELS[v]) }))} />
        </Form.Item>
        <Form.Item name="province" label={t('agencies.province')} rules={[required, minLengthRule(2)]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('common.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(phoneSchema)]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('common.email')} rules={[zodRule(email)]}>
          <Input />
        </Form.Item>
        <Form.Item name="website" label={t('common.website')} rules={[zodRule(url)]}>
          <Input placeholder="https://" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
