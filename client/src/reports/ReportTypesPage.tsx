/**
 * Report types as configuration (R5): coordinators and administrators create a type, edit it
 * (a stale edit is refused and the current type shown) and retire it; others read the list.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  DEADLINES_PER_PERIOD,
  REPORT_PERIODS,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  type ReportSection,
  type ReportTypeView,
} from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { useReportTypes } from './useReportTypes.js';

interface TypeForm {
  code: string;
  nameVi: string;
  nameEn: string;
  period: (typeof REPORT_PERIODS)[number];
  /** `MM-DD` deadlines, comma separated. */
  deadlines: string;
  submittedBy: string;
  sentTo: string;
  sections: ReportSection[];
  retired: boolean;
}

export function ReportTypesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const showError = useApiError();
  const { types, reload } = useReportTypes();
  const [editing, setEditing] = useState<ReportTypeView | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<TypeForm>();
  const canEdit = user.role === 'coordinator' || user.role === 'admin';

  const start = (type: ReportTypeView | 'new') => {
    setEditing(type);
    form.setFieldsValue(
      type === 'new'
        ? {
            code: '',
            nameVi: '',
            nameEn: '',
            period: 'yearly',
            deadlines: '',
            submittedBy: '',
            sentTo: '',
            sections: [...REPORT_SECTIONS],
            retired: false,
          }
        : { ...type, deadlines: type.deadlines.join(', ') },
    );
  };

  const save = async () => {
    const values = await form.validateFields();
    const fields = {
      nameVi: values.nameVi,
      nameEn: values.nameEn,
      period: values.period,
      deadlines: values.deadlines
        .split(/[,\s]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      submittedBy: values.submittedBy,
      sentTo: values.sentTo,
      sections: REPORT_SECTIONS.filter((s) => values.sections.includes(s)),
    };
    setBusy(true);
    try {
      if (editing === 'new') await api('/reports/types', { method: 'POST', body: { code: values.code, ...fields } });
      else if (editing)
        await api(`/reports/types/${editing.code}`, {
          method: 'PUT',
          body: { ...fields, retired: values.retired, version: editing.version },
        });
      setEditing(null);
      await reload();
    } catch (error) {
      showError(error, form);
      // A stale edit: show the current version so the next save applies to it.
      await reload();
    } finally {
      setBusy(false);
    }
  };

  const period = Form.useWatch('period', form);

  return (
    <>
      <Link to="/reports">{t('reports.back')}</Link>
      <div className="page-header">
        <Typography.Title level={3}>{t('reports.types.title')}</Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => start('new')}>
            {t('reports.types.new')}
          </Button>
        )}
      </div>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={types}
        columns={[
          {
            title: t('reports.types.name'),
            dataIndex: 'nameVi',
            render: (_: string, x) => (
              <span data-testid={`report-type-${x.code}`}>
                {label({ vi: x.nameVi, en: x.nameEn })} {x.retired && <Tag>{t('reports.types.retired')}</Tag>}
              </span>
            ),
          },
          { title: t('reports.types.period'), dataIndex: 'period', render: (p: string) => t(`reports.types.periods.${p}`) },
          {
            title: t('reports.types.deadlines'),
            dataIndex: 'deadlines',
            render: (d: string[]) => d.map((x) => x.split('-').reverse().join('/')).join(', ') || '—',
          },
          { title: t('reports.types.submittedBy'), dataIndex: 'submittedBy', responsive: ['md'] },
          { title: t('reports.types.sentTo'), dataIndex: 'sentTo', responsive: ['md'] },
          {
            title: t('reports.types.sections'),
            dataIndex: 'sections',
            responsive: ['lg'],
            render: (s: ReportSection[]) => s.map((x) => label(REPORT_SECTION_LABELS[x])).join('; '),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, x: ReportTypeView) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('reports.types.edit')} ${x.code}`}
                      onClick={() => start(x)}
                    >
                      {t('reports.types.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        title={editing === 'new' ? t('reports.types.new') : t('reports.types.edit')}
        open={editing !== null}
        busy={busy}
        onClose={() => setEditing(null)}
        onSave={() => void save()}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="code"
            label={t('reports.types.code')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('reports.types.codeRule') }]}
          >
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="nameVi" label={t('reports.types.nameVi')} rules={[{ required: true, min: 3 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('reports.types.nameEn')} rules={[{ required: true, min: 3 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label={t('reports.types.period')} rules={[{ required: true }]}>
            <Select options={REPORT_PERIODS.map((p) => ({ value: p, label: t(`reports.types.periods.${p}`) }))} />
          </Form.Item>
          <Form.Item
            name="deadlines"
            label={t('reports.types.deadlines')}
            extra={t('reports.types.deadlinesHint', { count: period ? DEADLINES_PER_PERIOD[period] : 1 })}
          >
            <Input placeholder="12-05" />
          </Form.Item>
          <Form.Item name="submittedBy" label={t('reports.types.submittedBy')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sentTo" label={t('reports.types.sentTo')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sections" label={t('reports.types.sections')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={REPORT_SECTIONS.map((s) => ({ value: s, label: label(REPORT_SECTION_LABELS[s]) }))} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="retired" label={t('reports.types.retire')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </FormDrawer>
    </>
  );
}
