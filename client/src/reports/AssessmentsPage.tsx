/**
 * The assessments register (R3): every level-3+ system with its last independent assessment
 * and when the next is due (yearly for levels 3-4, six-monthly for level 5); coordinators and
 * administrators record a new assessment with its findings.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ASSESSMENT_RESULTS } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { formatDate } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';

interface RegisterLine {
  systemId: string;
  systemName: string;
  agencyId: string;
  level: number;
  latest: { assessedAt: string; assessor: string; result: string } | null;
  nextDueAt: string | null;
  overdue: boolean;
}

interface RecordForm {
  systemId: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  assessor: string;
  monitoringProvider?: string;
  assessedAt: Dayjs;
  result: string;
  findings?: string;
}

/** "text | 30/06/2026" lines into findings with an ISO due date. */
const parseFindings = (text = '') =>
  text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter(([finding]) => finding)
    .map(([finding, due = '']) => {
      const [d, m, y] = due.split('/');
      return { text: finding!, remediationDue: `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}` };
    });

export function AssessmentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const directory = useDirectory();
  const showError = useApiError();
  const [params] = useSearchParams();
  const focus = params.get('systemId');
  const [lines, setLines] = useState<RegisterLine[] | null>(null);
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RecordForm>();
  const canRecord = user.role === 'coordinator' || user.role === 'admin';

  const load = useCallback(() => {
    api<{ items: RegisterLine[] }>('/assessments').then(
      (r) => setLines(r.items),
      (e: unknown) => showError(e),
    );
  }, [showError]);
  useEffect(load, [load]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api('/assessments', {
        method: 'POST',
        body: {
          systemId: v.systemId,
          approvalDecision: { number: v.decisionNumber, date: v.decisionDate.format('YYYY-MM-DD') },
          assessor: v.assessor,
          monitoringProvider: v.monitoringProvider || null,
          assessedAt: v.assessedAt.format('YYYY-MM-DD'),
          result: v.result,
          findings: parseFindings(v.findings),
        },
      });
      setRecording(false);
      load();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('reports.assessments')}</Typography.Title>
        {canRecord && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.setFieldsValue({ systemId: focus ?? undefined });
              setRecording(true);
            }}
          >
            {t('reports.record')}
          </Button>
        )}
      </div>
      <Table
        rowKey="systemId"
        size="small"
        loading={lines === null}
        dataSource={lines ?? []}
        pagination={false}
        scroll={{ x: true }}
        rowClassName={(l) => (l.systemId === focus ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('reports.system'), dataIndex: 'systemName' },
          { title: t('reports.agencies'), dataIndex: 'agencyId', render: (id: string) => directory.agencyName(id) },
          { title: t('reports.level'), dataIndex: 'level' },
          {
            title: t('reports.lastAssessed'),
            dataIndex: 'latest',
            render: (l: RegisterLine['latest']) => (l ? `${formatDate(l.assessedAt)} · ${l.assessor}` : t('reports.never')),
          },
          { title: t('reports.nextDue'), dataIndex: 'nextDueAt', render: (d: string | null) => formatDate(d) },
          {
            title: t('reports.state'),
            dataIndex: 'overdue',
            render: (o: boolean) => <Tag color={o ? 'error' : 'success'}>{o ? t('reports.overdue') : t('reports.onTime')}</Tag>,
          },
        ]}
      />
      <FormDrawer title={t('reports.record')} open={recording} busy={busy} onClose={() => setRecording(false)} onSave={() => void save()}>
        <Form form={form} layout="vertical" initialValues={{ result: 'passed' }}>
          <Form.Item name="systemId" label={t('reports.system')} rules={[{ required: true }]}>
            <Select
              options={(lines ?? []).map((l) => ({ value: l.systemId, label: `${l.systemName} (${t('reports.level')} ${l.level})` }))}
            />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t('reports.decisionNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('reports.decisionDate')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="assessor" label={t('reports.assessor')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="monitoringProvider" label={t('reports.monitoringProvider')}>
            <Input />
          </Form.Item>
          <Form.Item name="assessedAt" label={t('reports.assessedAt')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="result" label={t('reports.result')}>
            <Select options={ASSESSMENT_RESULTS.map((r) => ({ value: r, label: t(`reports.results.${r}`) }))} />
          </Form.Item>
          <Form.Item name="findings" label={t('reports.findings')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
