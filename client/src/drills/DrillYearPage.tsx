import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, InputNumber, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MILESTONES, type DrillYearView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDate } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { DrillStatusTag, minutesOf } from './DrillStatusTag.js';
import './drills.css';

const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#722ed1'];

/**
 * The leaders' year of drills (R4): what was held, who took part and who did not (critical
 * sectors first), attendance, response times per team, objective scores, lessons, and the
 * previous years beside it. Every drill opens its own page; the page prints.
 */
export function DrillYearPage() {
  const { year: param } = useParams();
  const year = Number(param);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useApiError();
  const [view, setView] = useState<DrillYearView | null>(null);

  useEffect(() => {
    setView(null);
    void api<DrillYearView>(`/drills/years/${year}`).then(setView, showError);
  }, [year, showError]);

  const minutes = (s: number | null | undefined) => {
    const m = minutesOf(s);
    return m === null ? '—' : `${m} ${t('drills.minutes')}`;
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('drills.yearView', { year })}</Typography.Title>
        <Space wrap className="no-print">
          <label htmlFor="year-view-year">{t('drills.year')}</label>
          <InputNumber
            id="year-view-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              if (v) void navigate(`/drills/years/${v}`);
            }}
          />
          <Link to={`/drills?year=${year}`}>
            <Button>{t('drills.title')}</Button>
          </Link>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('drills.print')}
          </Button>
        </Space>
      </div>
      {!view ? (
        <Spin />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('drills.drillsHeld')} value={view.previousYears.find((y) => y.year === year)?.drillsHeld ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('drills.participating')} value={view.participatingAgencyIds.length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('drills.nonParticipatingCount')}
                  value={view.nonParticipatingAgencyIds.length}
                  valueStyle={{ color: view.nonParticipatingAgencyIds.length ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('drills.lessonsStatus')} value={`${view.lessons.open} / ${view.lessons.done}`} />
              </Card>
            </Col>
          </Row>

          <Card title={t('drills.title')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={view.drills}
              locale={{ emptyText: t('drills.noDrills') }}
              columns={[
                {
                  title: t('drills.name'),
                  render: (_: unknown, d: DrillYearView['drills'][number]) => <Link to={`/drills/${d.id}`}>{d.name}</Link>,
                },
                { title: t('drills.type'), render: (_: unknown, d: DrillYearView['drills'][number]) => t(`drills.types.${d.type}`) },
                { title: t('drills.date'), render: (_: unknown, d: DrillYearView['drills'][number]) => formatDate(d.date) },
                { title: t('drills.status'), render: (_: unknown, d: DrillYearView['drills'][number]) => <DrillStatusTag drill={d} /> },
                {
                  title: t('drills.agencies'),
                  render: (_: unknown, d: DrillYearView['drills'][number]) => d.participatingAgencyIds.length,
                },
                {
                  title: t('drills.attendees'),
                  render: (_: unknown, d: DrillYearView['drills'][number]) =>
                    `${d.attendees} (${t('drills.roles.leader')}: ${d.leadersAttended})`,
                },
                {
                  title: t('drills.averageScore'),
                  render: (_: unknown, d: DrillYearView['drills'][number]) =>
                    d.objectives
                      .filter((o) => o.average !== null)
                      .map((o) => `${o.title}: ${o.average}`)
                      .join('; ') ||
                    d.externalResults.map((r) => `${r.agencyName}: ${r.score}${r.rank ? ` (#${r.rank})` : ''}`).join('; ') ||
                    '—',
                },
                {
                  title: t('drills.lessons'),
                  render: (_: unknown, d: DrillYearView['drills'][number]) => `${d.lessonsOpen} / ${d.lessonsDone}`,
                },
              ]}
            />
          </Card>

          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={t('drills.responseTimes')}>
                <div style={{ width: '100%', height: 280 }} role="img" aria-label={t('drills.responseTimes')}>
                  <ResponsiveContainer>
                    <BarChart
                      data={view.teams.map((team) => ({
                        name: team.teamName,
                        ...Object.fromEntries(MILESTONES.map((m) => [t(`drills.milestones.${m}`), minutesOf(team.averageSeconds[m])])),
                      }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" tick={{ fontSize: 11 }} />
                      <YAxis />
                      <Tooltip />
                      <Legend />
                      {MILESTONES.map((m, i) => (
                        <Bar key={m} dataKey={t(`drills.milestones.${m}`)} fill={COLORS[i]} />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <Table
                  rowKey="teamId"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={view.teams}
                  columns={[
                    { title: t('drills.team'), dataIndex: 'teamName' },
                    ...MILESTONES.map((m) => ({
                      title: t(`drills.milestones.${m}`),
                      render: (_: unknown, row: DrillYearView['teams'][number]) => minutes(row.averageSeconds[m]),
                    })),
                  ]}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('drills.average')}</Table.Summary.Cell>
                      {MILESTONES.map((m, i) => (
                        <Table.Summary.Cell key={m} index={i + 1}>
                          {minutes(view.averageSeconds[m])}
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('drills.comparison')}>
                <div style={{ width: '100%', height: 280 }} role="img" aria-label={t('drills.comparison')}>
                  <ResponsiveContainer>
                    <BarChart
                      data={view.previousYears.map((y) => ({
                        name: String(y.year),
                        [t('drills.drillsHeld')]: y.drillsHeld,
                        [t('drills.participating')]: y.participatingAgencies,
                      }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" />
                      <YAxis allowDecimals={false} />
                      <Tooltip />
                      <Legend />
                      <Bar dataKey={t('drills.drillsHeld')} fill={COLORS[0]} />
                      <Bar dataKey={t('drills.participating')} fill={COLORS[2]} />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={view.previousYears}
                  columns={[
                    { title: t('drills.year'), dataIndex: 'year', render: (y: number) => <Link to={`/drills/years/${y}`}>{y}</Link> },
                    { title: t('drills.drillsHeld'), dataIndex: 'drillsHeld' },
                    { title: t('drills.participating'), dataIndex: 'participatingAgencies' },
                    { title: t('drills.nonParticipatingShort'), dataIndex: 'nonParticipatingAgencies' },
                    { title: t('drills.attendees'), dataIndex: 'attendees' },
                    {
                      title: t('drills.milestones.acknowledged'),
                      render: (_: unknown, y: DrillYearView['previousYears'][number]) => minutes(y.averageSeconds.acknowledged),
                    },
                    {
                      title: t('drills.milestones.contained'),
                      render: (_: unknown, y: DrillYearView['previousYears'][number]) => minutes(y.averageSeconds.contained),
                    },
                    {
                      title: t('drills.lessonsStatus'),
                      render: (_: unknown, y: DrillYearView['previousYears'][number]) => `${y.lessonsOpen} / ${y.lessonsDone}`,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={t('drills.nonParticipating', { year })}>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  data-testid="non-participating"
                  dataSource={view.nonParticipatingAgencies}
                  locale={{ emptyText: t('drills.allDone') }}
                  columns={[
                    { title: t('common.name'), dataIndex: 'name' },
                    {
                      title: t('drills.critical'),
                      dataIndex: 'critical',
                      render: (critical: boolean) => (critical ? <Tag color="red">{t('drills.critical')}</Tag> : null),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('drills.participating')}>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={view.participatingAgencies}
                  locale={{ emptyText: t('drills.none') }}
                  columns={[
                    { title: t('common.name'), dataIndex: 'name' },
                    {
                      title: t('drills.critical'),
                      dataIndex: 'critical',
                      render: (c: boolean) => (c ? <Tag color="red">{t('drills.critical')}</Tag> : null),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('drills.attendees')}>
                <Table
                  rowKey={(p) => `${p.drillId}:${p.name}:${p.agencyName ?? p.teamName ?? ''}`}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={view.attendees}
                  locale={{ emptyText: t('drills.none') }}
                  columns={[
                    { title: t('drills.participantName'), dataIndex: 'name' },
                    { title: t('drills.position'), dataIndex: 'position' },
                    { title: t('drills.role'), dataIndex: 'role', render: (r: 'leader' | 'staff') => t(`drills.roles.${r}`) },
                    {
                      title: t('drills.agencies'),
                      render: (_: unknown, p: DrillYearView['attendees'][number]) => p.agencyName ?? p.teamName,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('drills.lessons')}>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={view.lessons.items}
                  locale={{ emptyText: t('drills.none') }}
                  columns={[
                    { title: t('drills.lesson'), dataIndex: 'title' },
                    { title: t('drills.owner'), dataIndex: 'ownerName' },
                    { title: t('drills.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
                    {
                      title: t('drills.status'),
                      dataIndex: 'status',
                      render: (s: 'open' | 'done') => (
                        <Tag color={s === 'done' ? 'green' : 'orange'}>
                          {s === 'done' ? t('drills.lessonDone') : t('drills.lessonOpen')}
                        </Tag>
                      ),
                    },
                    {
                      title: t('drills.title'),
                      render: (_: unknown, l: DrillYearView['lessons']['items'][number]) => (
                        <Link to={`/drills/${l.drillId}`}>{l.drillName}</Link>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
