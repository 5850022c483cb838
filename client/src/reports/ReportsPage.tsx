/**
 * The reporting cycle (R5): the rounds the user may see; a coordinator opens a round to
 * agencies; leaders and coordinators download the province's annual report.
 */
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, downloadFile } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { formatDateTime, TIME_ZONE } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { LoadMore } from '../lib/ListControls.js';
import { useApiError } from '../lib/useApiError.js';
import { useCursorList } from '../lib/useCursorList.js';
import { ReportReminders } from './ReportReminders.js';
import { useDirectory } from '../lib/useDirectory.js';
import type { RoundView } from './types.js';
import { useReportTypes } from './useReportTypes.js';

interface OpenForm {
  reportType: string;
  title: string;
  year: number;
  deadline: Dayjs;
  agencyIds: string[];
  remindHoursBefore: number;
}

export function ReportsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const directory = useDirectory();
  const showError = useApiError();
  const list = useCursorList<RoundView>('/reports/rounds', {});
  const { types } = useReportTypes();
  const [opening, setOpening] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<OpenForm>();
  const canOpen = user.role === 'coordinator' || user.role === 'admin';
  const canFollow = canOpen || user.role === 'leader';
  const thisYear = dayjs().tz(TIME_ZONE).year();

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api('/reports/rounds', { method: 'POST', body: { ...values, deadline: values.deadline.tz(TIME_ZONE, true).toISOString() } });
      setOpening(false);
      list.reload();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
        <Space wrap>
          {canFollow && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadFile(`/reports/annual/${thisYear}.docx`, `bao-cao-nam-${thisYear}.docx`)}
            >
              {t('reports.annualDocx')} {thisYear}
            </Button>
          )}
          {canOpen && (
            <Link to="/reports/types">
              <Button icon={<SettingOutlined />}>{t('reports.types.nav')}</Button>
            </Link>
          )}
          {canOpen && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('reports.open')}
            </Button>
          )}
        </Space>
      </div>
      <ReportReminders />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('reports.empty') }}
        columns={[
          {
            title: t('reports.roundTitle'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/reports/${r.id}`}>{title}</Link>,
          },
          {
            title: t('reports.reportType'),
            dataIndex: 'reportType',
            render: (code: string) => {
              const type = types.find((x) => x.code === code);
              return type ? label({ vi: type.nameVi, en: type.nameEn }) : code;
            },
          },
          { title: t('reports.deadline'), dataIndex: 'deadline', render: (d: string) => formatDateTime(d) },
        ]}
      />
      <LoadMore list={list} />
      <FormDrawer title={t('reports.open')} open={opening} busy={busy} onClose={() => setOpening(false)} onSave={() => void save()}>
        <Form form={form} layout="vertical" initialValues={{ year: thisYear, remindHoursBefore: 72, reportType: 'agency_annual' }}>
          <Form.Item name="reportType" label={t('reports.reportType')} rules={[{ required: true }]}>
            <Select
              options={types.filter((x) => !x.retired).map((x) => ({ value: x.code, label: label({ vi: x.nameVi, en: x.nameEn }) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('reports.roundTitle')} rules={[{ required: true, min: 3 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t('reports.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="deadline" label={t('reports.deadline')} rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item name="agencyIds" label={t('reports.agencies')} rules={[{ required: true }]}>
            <Select mode="multiple" optionFilterProp="label" options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item name="remindHoursBefore" label={t('reports.remindHours')}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
