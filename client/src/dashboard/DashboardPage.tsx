/**
 * The leaders' dashboard: a year (or a date range) of real incidents at a glance — counts by
 * month, category, severity, agency, agency type, sector and system level, open vs closed,
 * serious incidents, response times (mean and 90th percentile), late reports by agency and
 * the previous period. Every chart opens the incident list behind it; the page prints.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  AGENCY_TYPE_LABELS,
  CRITICAL_SECTORS,
  INCIDENT_CATEGORIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type StatsView,
} from '@cert-hub/shared';
import { api, downloadFile, query } from '../api/client.js';
import { formatDateTime, TIME_ZONE } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { SlaComplianceCard } from './SlaComplianceCard.js';
import './print.css';

const COLORS = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#c2185b', '#455a64', '#9e9d24'];

interface Row {
  key: string;
  name: string;
  count: number;
}

/** A year in Viet Nam time as the API's interval. */
const yearInterval = (year: number) => ({
  from: dayjs.tz(`${year}-01-01 00:00`, TIME_ZONE).toISOString(),
  to: dayjs.tz(`${year}-12-31 23:59:59.999`, TIME_ZONE).toISOString(),
});

function ChartCard({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Card title={title} size="small" className="dashboard-chart" data-testid={testId}>
      <div style={{ width: '100%', height: 260 }}>{children}</div>
    </Card>
  );
}

function Bars({ rows, onPick, vertical = false }: { rows: Row[]; onPick?: (row: Row) => void; vertical?: boolean }) {
  const pick = onPick ? (entry: unknown) => onPick((entry as { payload: Row }).payload) : undefined;
  return (
    <ResponsiveContainer width="100%" height="100%">
      {vertical ? (
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip />
          <Bar dataKey="count" fill="#b71c1c" onClick={pick} cursor={onPick ? 'pointer' : undefined} isAnimationActive={false} />
        </BarChart>
      ) : (
        <BarChart data={rows} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip />
          <Bar dataKey="count" fill="#1565c0" onClick={pick} cursor={onPick ? 'pointer' : undefined} isAnimationActive={false} />
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const thisYear = dayjs().tz(TIME_ZONE).year();
  const [year, setYear] = useState(thisYear);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [stats, setStats] = useState<StatsView | null>(null);
  const [failed, setFailed] = useState(false);

  const interval = useMemo(
    () =>
      range
        ? { from: range[0].tz(TIME_ZONE, true).startOf('day').toISOString(), to: range[1].tz(TIME_ZONE, true).endOf('day').toISOString() }
        : yearInterval(year),
    [range, year],
  );

  useEffect(() => {
    let current = true;
    setFailed(false);
    api<StatsView>(`/stats${query(interval)}`).then(
      (s) => current && setStats(s),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [interval]);

  /** The incident list behind a chart: the same period, real incidents, plus the chart's filter. */
  const drill = (filter: Record<string, string>) => {
    void navigate(`/incidents${query({ ...interval, drill: 'false', ...filter })}`);
  };

  const hours = (seconds: number | null) => (seconds === null ? '—' : t('dashboard.hours', { value: (seconds / 3600).toFixed(1) }));
  const categoryName = (code: string) =>
    label(
      INCIDENT_CATEGORIES.find((c) => c.code === code),
      code,
    );
  const sectorName = (code: string) => {
    const sector = CRITICAL_SECTORS.find((s) => s.code === code);
    return sector ? label({ vi: sector.nameVi, en: sector.nameEn }) : code === 'unknown' ? t('dashboard.unknown') : code;
  };

  const rows = stats && {
    month: stats.byMonth.map((b) => ({ key: b.key, name: `${b.key.slice(5)}/${b.key.slice(0, 4)}`, count: b.count })),
    category: stats.byCategory.map((b) => ({ key: b.key, name: categoryName(b.key), count: b.count })),
    severity: stats.bySeverity.map((b) => ({
      key: b.key,
      name: b.key in SEVERITY_LABELS ? label(SEVERITY_LABELS[b.key as keyof typeof SEVERITY_LABELS]) : t('dashboard.unknown'),
      count: b.count,
    })),
    agency: stats.byAgency.slice(0, 10).map((b) => ({ key: b.key, name: b.name, count: b.count })),
    agencyType: stats.byAgencyType.map((b) => ({
      key: b.key,
      name: label(AGENCY_TYPE_LABELS[b.key as keyof typeof AGENCY_TYPE_LABELS], b.key),
      count: b.count,
    })),
    sector: stats.bySector.map((b) => ({ key: b.key, name: sectorName(b.key), count: b.count })),
    level: [...stats.bySystemLevel]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((b) => ({
        key: b.key,
        name: b.key === 'unknown' ? t('dashboard.unknown') : t('dashboard.level', { level: b.key }),
        count: b.count,
      })),
  };

  const monthStart = (key: string) => dayjs.tz(`${key}-01 00:00`, TIME_ZONE);

  return (
    <div className="dashboard">
      <div className="page-header">
        <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
        <Space wrap className="no-print">
          <Select
            aria-label={t('dashboard.year')}
            value={year}
            style={{ width: 110 }}
            onChange={(y: number) => {
              setRange(null);
              setYear(y);
            }}
            options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('dashboard.range')}
            format="DD/MM/YYYY"
            value={range}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(`/stats/export.xlsx${query(interval)}`, `thong-ke-${year}.xlsx`)}
          >
            {t('dashboard.exportXlsx')}
          </Button>
        </Space>
      </div>
      {failed && <Alert type="error" showIcon message={t('dashboard.loadFailed')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary" className="no-print">
        {t('dashboard.drillHint')}
      </Typography.Paragraph>
      {stats && rows && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {(
              [
                ['total', stats.total, stats.previous.total, {}],
                ['open', stats.open, stats.previous.open, { open: 'true' }],
                ['closed', stats.closed, stats.previous.closed, { status: 'closed' }],
                ['serious', stats.serious, stats.previous.serious, { serious: 'true' }],
                ['late', stats.late, stats.previous.late, null],
              ] as const
            ).map(([key, value, previous, filter]) => (
              <Col xs={12} md={8} xl={4} key={key}>
                <Card
                  size="small"
                  hoverable={filter !== null}
                  onClick={filter ? () => drill(filter) : undefined}
                  data-testid={`kpi-${key}`}
                >
                  <Statistic title={t(`dashboard.${key}`)} value={value} />
                  <Typography.Text type="secondary">{t('dashboard.previous', { value: previous })}</Typography.Text>
                </Card>
              </Col>
            ))}
            <Col xs={24} md={16} xl={4}>
              <Card size="small">
                {(['ack', 'contain', 'close'] as const).map((key) => {
                  const summary = key === 'ack' ? stats.acknowledge : stats[key];
                  return (
                    <div key={key}>
                      <Typography.Text strong>{t(`dashboard.${key}`)}</Typography.Text>
                      <br />
                      <Typography.Text>
                        {t('dashboard.meanP90', { mean: hours(summary.meanSeconds), p90: hours(summary.p90Seconds) })}
                      </Typography.Text>
                    </div>
                  );
                })}
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.byMonth')} testId="chart-month">
                <Bars
                  rows={rows.month}
                  onPick={(r) => drill({ from: monthStart(r.key).toISOString(), to: monthStart(r.key).endOf('month').toISOString() })}
                />
              </ChartCard>
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.byCategory')} testId="chart-category">
                <Bars rows={rows.category} vertical onPick={(r) => drill({ category: r.key })} />
              </ChartCard>
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.bySeverity')} testId="chart-severity">
                <ResponsiveContainer width="100%" height="100%">
                  <PieChart>
                    <Pie
                      data={rows.severity}
                      dataKey="count"
                      nameKey="name"
                      outerRadius="75%"
                      label
                      isAnimationActive={false}
                      cursor="pointer"
                      onClick={(entry: unknown) => {
                        const key = (entry as { payload: Row }).payload.key;
                        if (key in SEVERITY_LABELS) drill({ severity: key });
                      }}
                    >
                      {rows.severity.map((r, i) => (
                        <Cell key={r.key} fill={COLORS[i % COLORS.length]} />
                      ))}
                    </Pie>
                    <Tooltip />
                  </PieChart>
                </ResponsiveContainer>
              </ChartCard>
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard title={t('dashboard.byAgency')} testId="chart-agency">
                <Bars rows={rows.agency} vertical onPick={(r) => drill({ agencyId: r.key })} />
              </ChartCard>
            </Col>
            <Col xs={24} lg={8}>
              <ChartCard title={t('dashboard.byAgencyType')} testId="chart-agency-type">
                <Bars rows={rows.agencyType} vertical />
              </ChartCard>
            </Col>
            <Col xs={24} lg={8}>
              <ChartCard title={t('dashboard.bySector')} testId="chart-sector">
                <Bars rows={rows.sector} vertical />
              </ChartCard>
            </Col>
            <Col xs={24} lg={8}>
              <ChartCard title={t('dashboard.bySystemLevel')} testId="chart-level">
                <Bars rows={rows.level} />
              </ChartCard>
            </Col>
            <Col xs={24}>
              <SlaComplianceCard sla={stats.sla} />
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dashboard.seriousList')}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('dashboard.none') }}
                  dataSource={stats.seriousIncidents}
                  columns={[
                    {
                      title: t('dashboard.code'),
                      dataIndex: 'code',
                      render: (code: string, i) => <Link to={`/incidents/${i.id}`}>{code}</Link>,
                    },
                    { title: t('dashboard.titleCol'), dataIndex: 'title' },
                    { title: t('dashboard.agency'), dataIndex: 'agencyName' },
                    {
                      title: t('dashboard.status'),
                      dataIndex: 'status',
                      render: (s: string) => label(STATUS_LABELS[s as keyof typeof STATUS_LABELS], s),
                    },
                    { title: t('dashboard.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dashboard.lateShare')}>
                <Table
                  size="small"
                  rowKey="agencyId"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={stats.lateShareByAgency.filter((l) => l.late > 0)}
                  locale={{ emptyText: t('dashboard.none') }}
                  columns={[
                    {
                      title: t('dashboard.agency'),
                      dataIndex: 'agencyName',
                      render: (name: string, l) => <a onClick={() => drill({ agencyId: l.agencyId })}>{name}</a>,
                    },
                    { title: t('dashboard.count'), dataIndex: 'total' },
                    { title: t('dashboard.lateCount'), dataIndex: 'late' },
                    { title: t('dashboard.share'), dataIndex: 'share', render: (s: number) => `${(s * 100).toFixed(1)}%` },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
