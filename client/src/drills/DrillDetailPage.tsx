import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, InputNumber, List, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { MILESTONES, type DrillAction, type DrillMetricsView, type DrillView } from '@cert-hub/shared';
import { api, downloadFile } from '../api/client.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';
import { DrillStatusTag, formatSeconds, minutesOf } from './DrillStatusTag.js';
import { DrillLessonsCard } from './DrillLessonsCard.js';
import { DrillParticipantsCard } from './DrillParticipantsCard.js';
import { useDrillDetail } from './useDrillDetail.js';
import './drills.css';

/** What the controller may do from each status. */
const ACTIONS: Record<DrillView['status'], DrillAction[]> = {
  planned: ['start'],
  running: ['pause', 'end'],
  paused: ['resume', 'end'],
  evaluation: ['close'],
  closed: [],
};

/**
 * One drill: the controller's buttons, the live panel (each inject's progress per team,
 * refreshed while the drill runs), scores, observations, lessons, participants, and the
 * after-action report.
 */
export function DrillDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const directory = useDirectory();
  const showError = useApiError();
  const { drill, metrics, participants, setParticipants, act, post } = useDrillDetail(id);
  const [copyYear, setCopyYear] = useState<number | null>(null);
  const [observationForm] = Form.useForm();

  if (!drill) return <Spin />;

  const teamName = (teamId: string | null) => (teamId ? directory.teamName(teamId) : '—');
  const myScores = (objectiveId: string) => drill.scores.filter((s) => s.objectiveId === objectiveId);
  const minutes = (s: number | null) => {
    const m = minutesOf(s);
    return m === null ? '—' : `${m} ${t('drills.minutes')}`;
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{drill.name}</Typography.Title>
        <Space wrap className="no-print">
          <DrillStatusTag drill={drill} />
          {drill.abilities.manage &&
            ACTIONS[drill.status].map((action) => (
              <Button
                key={action}
                type={action === 'start' || action === 'resume' ? 'primary' : 'default'}
                danger={action === 'end'}
                onClick={() => void act(action)}
              >
                {t(`drills.${action}`)}
              </Button>
            ))}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(`/drills/${drill.id}/report.docx`, `bao-cao-dien-tap-${drill.year}.docx`).catch(showError)}
          >
            {t('drills.report')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('drills.print')}
          </Button>
        </Space>
      </div>

      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('drills.type')}>{t(`drills.types.${drill.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('drills.year')}>
            <Link to={`/drills/years/${drill.year}`}>{drill.year}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('drills.date')}>
            {drill.startedAt || drill.scheduledStart ? formatDateTime(drill.startedAt ?? drill.scheduledStart) : formatDate(drill.heldOn)}
          </Descriptions.Item>
          {drill.organizer && <Descriptions.Item label={t('drills.organizer')}>{drill.organizer}</Descriptions.Item>}
          <Descriptions.Item label={t('drills.teams')}>{drill.teamIds.map(teamName).join('; ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('drills.agencies')}>
            {[...new Set([...drill.participatingAgencyIds, ...drill.externalResults.map((r) => r.agencyId)])]
              .map(directory.agencyName)
              .join('; ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('drills.scenario')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{drill.scenario || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
        {drill.abilities.manage && drill.source === 'hub' && (
          <Space wrap className="no-print">
            <label htmlFor="copy-year">{t('drills.copyYear')}</label>
            <InputNumber id="copy-year" min={2000} max={2100} value={copyYear ?? drill.year + 1} onChange={(v) => setCopyYear(v)} />
            <Button
              onClick={() =>
                void api<DrillView>(`/drills/${drill.id}/copy`, { method: 'POST', body: { year: copyYear ?? drill.year + 1 } }).then(
                  (copy) => navigate(`/drills/${copy.id}`),
                  showError,
                )
              }
            >
              {t('drills.copy')}
            </Button>
          </Space>
        )}
      </Card>

      {drill.source === 'hub' && (
        <Card title={t('drills.livePanel')} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={drill.injects}
            columns={[
              { title: '#', render: (_: unknown, __: unknown, index: number) => index + 1 },
              { title: t('drills.offset'), dataIndex: 'offset' },
              {
                title: t('drills.injectTitle'),
                render: (_: unknown, i: DrillView['injects'][number]) => i.title ?? i.incident?.title ?? i.message,
              },
              { title: t('drills.targetTeam'), render: (_: unknown, i: DrillView['injects'][number]) => teamName(i.target.teamId) },
              { title: t('drills.dueAt'), render: (_: unknown, i: DrillView['injects'][number]) => formatSeconds(i.dueAt) },
              {
                title: t('drills.firedAt'),
                render: (_: unknown, i: DrillView['injects'][number]) =>
                  i.firedAt ? <Tag color="geekblue">{formatSeconds(i.firedAt)}</Tag> : <Tag>{t('drills.notFired')}</Tag>,
              },
              {
                title: t('drills.incident'),
                render: (_: unknown, i: DrillView['injects'][number]) => {
                  const row = metrics?.rows.find((r) => r.injectId === i.id);
                  if (i.failure) return <Typography.Text type="danger">{i.failure}</Typography.Text>;
                  return i.incidentId ? <Link to={`/incidents/${i.incidentId}`}>{row?.incidentCode ?? t('drills.incident')}</Link> : '—';
                },
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('drills.metrics')}
          </Typography.Title>
          <Table
            rowKey={(r) => `${r.injectId}:${r.teamId}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={metrics?.rows ?? []}
            columns={[
              { title: t('drills.injectTitle'), dataIndex: 'injectTitle' },
              { title: t('drills.team'), dataIndex: 'teamId', render: teamName },
              ...MILESTONES.map((m) => ({
                title: t(`drills.milestones.${m}`),
                render: (_: unknown, r: DrillMetricsView['rows'][number]) => minutes(r.seconds[m]),
              })),
              {
                title: t('drills.tasksDone'),
                render: (_: unknown, r: DrillMetricsView['rows'][number]) => `${r.tasksDone.length}/${r.tasksTotal}`,
              },
            ]}
          />
        </Card>
      )}

      {drill.objectives.length > 0 && (
        <Card title={t('drills.scoring')} style={{ marginBottom: 16 }}>
          <List
            dataSource={drill.objectives}
            renderItem={(o) => {
              const scores = myScores(o.id);
              const average = scores.length ? Math.round((scores.reduce((a, s) => a + s.score, 0) / scores.length) * 100) / 100 : null;
              return (
                <List.Item
                  actions={
                    drill.abilities.evaluate
                      ? [
                          <Select
                            key="score"
                            aria-label={`${t('drills.yourScore')}: ${o.title}`}
                            style={{ minWidth: 160 }}
                            placeholder={t('drills.yourScore')}
                            options={drill.rubric.map((r) => ({ value: r.score, label: `${r.score} — ${r.label}` }))}
                            onChange={(score: number) => void post('/scores', { objectiveId: o.id, score })}
                          />,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={o.title}
                    description={`${t('drills.averageScore')}: ${average ?? '—'} (${scores.map((s) => `${s.evaluatorName}: ${s.score}`).join(', ') || t('drills.none')})`}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}

      <Card title={t('drills.observations')} style={{ marginBottom: 16 }}>
        <List
          dataSource={drill.observations}
          locale={{ emptyText: t('drills.none') }}
          renderItem={(o) => (
            <List.Item>
              <List.Item.Meta title={`${o.authorName} · ${formatDateTime(o.at)}`} description={o.text} />
            </List.Item>
          )}
        />
        {drill.abilities.evaluate && (
          <Form
            form={observationForm}
            layout="inline"
            className="no-print"
            onFinish={(v: { text: string }) =>
              void post('/observations', { text: v.text }).then((ok) => ok && observationForm.resetFields())
            }
          >
            <Form.Item
              name="text"
              label={t('drills.addObservation')}
              rules={[{ required: true, min: 2 }]}
              style={{ flex: 1, minWidth: 220 }}
            >
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('drills.addObservation')}</Button>
          </Form>
        )}
      </Card>

      <DrillLessonsCard drill={drill} post={post} />

      <DrillParticipantsCard drill={drill} participants={participants} setParticipants={setParticipants} post={post} />
    </>
  );
}
