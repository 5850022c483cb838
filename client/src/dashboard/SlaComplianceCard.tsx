/**
 * SLA compliance of the period: the share of incidents that reached each step by its SLA
 * deadline (a bar per step, a table by severity) and, on a click, the overdue incidents behind
 * the bar.
 */
import { Button, Card, Col, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITY_LABELS, SLA_BREACH_LIST_LIMIT, type SlaCompliance, type SlaMeasuredStep } from '@cert-hub/shared';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

export function SlaComplianceCard({ sla }: { sla: SlaCompliance }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [step, setStep] = useState<SlaMeasuredStep | null>(null);
  const stepName = (s: SlaMeasuredStep) => t(`dashboard.slaStep_${s}`);
  const severityName = (s: string) =>
    s in SEVERITY_LABELS ? label(SEVERITY_LABELS[s as keyof typeof SEVERITY_LABELS]) : t('dashboard.unknown');
  const measured = sla.overall.filter((l) => l.measured > 0);
  const bars = measured.map((l) => ({ key: l.step, name: stepName(l.step), percent: Math.round((l.share ?? 0) * 1000) / 10 }));
  const breaches = step ? sla.breaches.filter((b) => b.step === step) : sla.breaches;

  return (
    <Card size="small" title={t('dashboard.slaTitle')} data-testid="chart-sla">
      <Typography.Paragraph type="secondary" className="no-print">
        {t('dashboard.slaHint')}
      </Typography.Paragraph>
      {measured.length === 0 ? (
        <Typography.Text>{t('dashboard.slaNoPolicy')}</Typography.Text>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <div style={{ width: '100%', height: 220 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={bars} margin={{ left: 0, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" tick={{ fontSize: 11 }} />
                  <YAxis domain={[0, 100]} width={36} unit="%" />
                  <Tooltip />
                  <Bar
                    dataKey="percent"
                    name={t('dashboard.slaShare')}
                    fill="#2e7d32"
                    cursor="pointer"
                    isAnimationActive={false}
                    onClick={(entry: unknown) => setStep((entry as { payload: { key: SlaMeasuredStep } }).payload.key)}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table
              size="small"
              rowKey="step"
              pagination={false}
              scroll={{ x: true }}
              dataSource={measured}
              columns={[
                {
                  title: t('dashboard.slaStep'),
                  dataIndex: 'step',
                  render: (s: SlaMeasuredStep) => (
                    <a onClick={() => setStep(s)} data-testid={`sla-step-${s}`}>
                      {stepName(s)}
                    </a>
                  ),
                },
                { title: t('dashboard.slaMeasured'), dataIndex: 'measured' },
                { title: t('dashboard.slaBreached'), dataIndex: 'breached' },
                { title: t('dashboard.slaShare'), dataIndex: 'share', render: percent },
              ]}
            />
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Text strong>{t('dashboard.slaBySeverity')}</Typography.Text>
            <Table
              size="small"
              rowKey={(l) => `${l.severity}:${l.step}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={sla.bySeverity.filter((l) => l.measured > 0)}
              columns={[
                { title: t('dashboard.severity'), dataIndex: 'severity', render: severityName },
                { title: t('dashboard.slaStep'), dataIndex: 'step', render: stepName },
                { title: t('dashboard.slaMeasured'), dataIndex: 'measured' },
                { title: t('dashboard.slaShare'), dataIndex: 'share', render: percent },
              ]}
            />
          </Col>
          <Col xs={24}>
            <Typography.Text strong data-testid="sla-breaches-title">
              {step ? t('dashboard.slaBreaches', { step: stepName(step) }) : t('dashboard.slaAllBreaches')}
            </Typography.Text>{' '}
            {step && (
              <Button size="small" type="link" onClick={() => setStep(null)}>
                {t('dashboard.slaShowAll')}
              </Button>
            )}
            {sla.breachesTruncated && (
              <Typography.Paragraph type="secondary">{t('dashboard.slaTruncated', { count: SLA_BREACH_LIST_LIMIT })}</Typography.Paragraph>
            )}
            <Table
              size="small"
              rowKey={(b) => `${b.id}:${b.step}`}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: true }}
              locale={{ emptyText: t('dashboard.none') }}
              dataSource={breaches}
              data-testid="sla-breaches"
              columns={[
                {
                  title: t('dashboard.code'),
                  dataIndex: 'code',
                  render: (code: string, b) => <Link to={`/incidents/${b.id}`}>{code}</Link>,
                },
                { title: t('dashboard.titleCol'), dataIndex: 'title' },
                { title: t('dashboard.agency'), dataIndex: 'agencyName' },
                { title: t('dashboard.severity'), dataIndex: 'severity', render: severityName },
                { title: t('dashboard.slaStep'), dataIndex: 'step', render: stepName },
                { title: t('dashboard.slaDeadline'), dataIndex: 'deadline', render: (v: string) => formatDateTime(v) },
                {
                  title: t('dashboard.slaReachedAt'),
                  dataIndex: 'reachedAt',
                  render: (v: string | null) => (v ? formatDateTime(v) : t('dashboard.slaNotReached')),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
