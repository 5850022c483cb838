/**
 * One report round: who has submitted and who is late (coordinators, leaders), the
 * consolidated answers, and — for a focal point — the reminder and the agency's own report
 * with its structured sections, saved as a draft or submitted.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportSection, type SubmissionState } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { RoundAttachments } from './RoundAttachments.js';
import type { Consolidated, RoundDetail } from './types.js';

const STATE_COLORS: Record<SubmissionState, string> = {
  pending: 'default',
  draft: 'processing',
  submitted: 'success',
  submitted_late: 'warning',
  late: 'error',
};

export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const showError = useApiError();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<RoundDetail | null>(null);
  const [consolidated, setConsolidated] = useState<Consolidated | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<ReportSection, string>>();
  const follows = user.role !== 'focal_point';

  const load = useCallback(async () => {
    try {
      const d = await api<RoundDetail>(`/reports/rounds/${id}`);
      setDetail(d);
      if (d.mine) form.setFieldsValue(d.mine.sections);
      if (follows) setConsolidated(await api<Consolidated>(`/reports/rounds/${id}/consolidated`));
    } catch (error) {
      showError(error);
    }
  }, [id, follows, form, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (submit: boolean) => {
    const sections = submit ? await form.validateFields() : form.getFieldsValue();
    setBusy(true);
    try {
      await api(`/reports/rounds/${id}/submission`, {
        method: 'PUT',
        body: {
          sections: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, (sections[s] as string | undefined) ?? ''])),
          submit,
          version: detail?.mine?.version ?? null,
        },
      });
      void message.success(submit ? t('reports.sent') : t('reports.saved'));
      await load();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) return null;
  const mine = detail.agencies.find((a) => a.agencyId === user.agencyId);
  const submitted = detail.mine?.submittedAt ?? null;

  return (
    <>
      <Link to="/reports">{t('reports.back')}</Link>
      <Typography.Title level={3}>{detail.round.title}</Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('reports.deadline')}>{formatDateTime(detail.round.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.year')}>{detail.round.year}</Descriptions.Item>
      </Descriptions>

      {mine?.remindedAt && !submitted && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-reminder"
          style={{ marginBottom: 16 }}
          message={t('reports.reminder', { title: detail.round.title, deadline: formatDateTime(detail.round.deadline) })}
        />
      )}

      {follows && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Table
            rowKey="agencyId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={detail.agencies}
            columns={[
              { title: t('reports.agencies'), dataIndex: 'agencyName' },
              {
                title: t('reports.state'),
                dataIndex: 'state',
                render: (s: SubmissionState) => (
                  <Tag color={STATE_COLORS[s]} data-testid={`state-${s}`}>
                    {t(`reports.states.${s}`)}
                  </Tag>
                ),
              },
              { title: t('reports.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
              { title: t('reports.remindedAt'), dataIndex: 'remindedAt', render: (v: string | null) => formatDateTime(v) },
            ]}
          />
        </Card>
      )}

      {user.role === 'focal_point' && (
        <Card title={t('reports.myAnswer')} size="small">
          {submitted ? (
            <Alert
              type="success"
              showIcon
              message={t('reports.submitted', { at: formatDateTime(submitted) })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form form={form} layout="vertical" disabled={!!submitted}>
            {detail.round.sections.map((section) => (
              <Form.Item
                key={section}
                name={section}
                label={label(REPORT_SECTION_LABELS[section])}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={4} maxLength={20_000} />
              </Form.Item>
            ))}
            {!submitted && (
              <Space wrap>
                <Button onClick={() => void save(false)} loading={busy}>
                  {t('reports.saveDraft')}
                </Button>
                <Button type="primary" onClick={() => void save(true)} loading={busy}>
                  {t('reports.submit')}
                </Button>
              </Space>
            )}
          </Form>
        </Card>
      )}

      <RoundAttachments
        roundId={id}
        canUpload={user.role === 'focal_point' && !submitted}
        agencyNames={follows ? new Map(detail.agencies.map((a) => [a.agencyId, a.agencyName])) : null}
      />

      {follows && consolidated && (
        <Card title={t('reports.consolidated')} size="small">
          {consolidated.missing.length > 0 && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              message={t('reports.missing', { names: consolidated.missing.map((m) => m.agencyName).join('; ') })}
            />
          )}
          {detail.round.sections.map((section) => (
            <div key={section}>
              <Typography.Title level={5}>{label(REPORT_SECTION_LABELS[section])}</Typography.Title>
              {consolidated.sections[section].map((a) => (
                <Typography.Paragraph key={a.agencyId}>
                  <strong>{a.agencyName}:</strong> {a.text}
                </Typography.Paragraph>
              ))}
            </div>
          ))}
        </Card>
      )}
    </>
  );
}
