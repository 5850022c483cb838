import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DRILL_TYPES, INCIDENT_CATEGORIES, type DrillView, type UserView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { formatDate } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll, useCursorList } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';
import { DrillPlanCard } from './DrillPlanCard.js';
import { DrillStatusTag } from './DrillStatusTag.js';
import './drills.css';

const currentYear = () => Number(dayjs().format('YYYY'));

interface InjectForm {
  kind: 'incident' | 'message';
  offset: string;
  teamId?: string;
  agencyId?: string;
  title?: string;
  category?: string;
  description?: string;
  message?: string;
}

/** The drills of a year: plan one, record one held elsewhere, open one, or go to the year's review. */
export function DrillsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const list = useCursorList<DrillView>('/drills', { year });
  const directory = useDirectory();
  const [drawer, setDrawer] = useState<'plan' | 'external' | null>(null);
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<UserView[]>([]);
  const [form] = Form.useForm<Record<string, unknown>>();
  const showError = useApiError();
  const canManage = user.role === 'coordinator' || user.role === 'admin';
  const standing = directory.teams.find((team) => team.isStanding);

  const agencyOptions = directory.agencies.map((a) => ({ value: a.id, label: a.name }));
  const teamOptions = directory.teams.map((team) => ({ value: team.id, label: team.name }));

  const open = (which: 'plan' | 'external') => {
    form.resetFields();
    if (which === 'plan') {
      form.setFieldsValue({ year, type: 'tabletop', teamIds: standing ? [standing.id] : [], injects: [] });
      void Promise.all([fetchAll<UserView>('/users', { role: 'coordinator' }), fetchAll<UserView>('/users', { role: 'responder' })]).then(
        ([c, r]) => setStaff([...c, ...r]),
        () => setStaff([]),
      );
    } else form.setFieldsValue({ year, type: 'combined', results: [] });
    setDrawer(which);
  };

  const planBody = (v: Record<string, unknown>) => ({
    name: v.name,
    year: v.year,
    type: v.type,
    scenario: (v.scenario as string | undefined) ?? '',
    objectives: ((v.objectives as string | undefined) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((title) => ({ title })),
    scheduledStart: v.scheduledStart ? (v.scheduledStart as dayjs.Dayjs).toISOString() : null,
    participatingAgencyIds: (v.participatingAgencyIds as string[] | undefined) ?? [],
    teamIds: (v.teamIds as string[] | undefined) ?? [],
    evaluatorIds: (v.evaluatorIds as string[] | undefined) ?? [],
    injects: ((v.injects as InjectForm[] | undefined) ?? []).map((i) => ({
      offset: i.offset,
      target: { teamId: i.teamId ?? null, agencyId: i.agencyId ?? null },
      ...(i.kind === 'message'
        ? { message: i.message }
        : { title: i.title, incident: { title: i.title, category: i.category, description: i.description, impacts: [], indicators: [] } }),
    })),
  });

  const externalBody = (v: Record<string, unknown>) => ({
    name: v.name,
    year: v.year,
    type: v.type,
    date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
    organizer: v.organizer,
    participatingAgencyIds: (v.participatingAgencyIds as string[] | undefined) ?? [],
    results: ((v.results as { agencyId: string; score: number; rank?: number; findings?: string }[] | undefined) ?? []).map((r) => ({
      agencyId: r.agencyId,
      score: r.score,
      rank: r.rank ?? null,
      findings: r.findings || null,
    })),
  });

  const save = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (drawer === 'plan') {
        const drill = await api<DrillView>('/drills', { method: 'POST', body: planBody(values) });
        setDrawer(null);
        void navigate(`/drills/${drill.id}`);
      } else {
        await api('/drills/external', { method: 'POST', body: externalBody(values) });
        setDrawer(null);
        list.reload();
      }
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('drills.title')}</Typography.Title>
        <Space wrap>
          <label htmlFor="drill-year">{t('drills.year')}</label>
          <InputNumber id="drill-year" min={2000} max={2100} value={year} onChange={(v) => v && setParams({ year: String(v) })} />
          <Link to={`/drills/years/${year}`}>
            <Button>{t('drills.yearView', { year })}</Button>
          </Link>
          {canManage && (
            <>
              <Button onClick={() => open('external')}>{t('drills.recordExternal')}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => open('plan')}>
                {t('drills.create')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <DrillPlanCard year={year} sectors={directory.sectors} drills={list.items} canManage={canManage} />
      <Table<DrillView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('drills.noDrills') }}
        columns={[
          { title: t('drills.name'), dataIndex: 'name', render: (name: string, d) => <Link to={`/drills/${d.id}`}>{name}</Link> },
          { title: t('drills.type'), dataIndex: 'type', render: (type: DrillView['type']) => t(`drills.types.${type}`) },
          { title: t('drills.date'), render: (_: unknown, d) => formatDate(d.startedAt ?? d.heldOn ?? d.scheduledStart) },
          { title: t('drills.status'), render: (_: unknown, d) => <DrillStatusTag drill={d} /> },
          {
            title: t('drills.agencies'),
            render: (_: unknown, d) => (
              <Tag>{new Set([...d.participatingAgencyIds, ...d.externalResults.map((r) => r.agencyId)]).size}</Tag>
            ),
          },
        ]}
      />

      <FormDrawer
        title={drawer === 'external' ? t('drills.recordExternal') : t('drills.create')}
        open={drawer !== null}
        busy={busy}
        onClose={() => setDrawer(null)}
        onSave={() => void save()}
      >
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="name" label={t('drills.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="year" label={t('drills.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="type" label={t('drills.type')} rules={[{ required: true }]}>
              <Select style={{ minWidth: 160 }} options={DRILL_TYPES.map((type) => ({ value: type, label: t(`drills.types.${type}`) }))} />
            </Form.Item>
          </Space>
          {drawer === 'external' ? (
            <>
              <Form.Item name="organizer" label={t('drills.organizer')} rules={[{ required: true, min: 2 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="date" label={t('drills.heldOn')} rules={[{ required: true }]}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item name="participatingAgencyIds" label={t('drills.agencies')}>
                <Select mode="multiple" showSearch filterOption={diacriticFilter} options={agencyOptions} />
              </Form.Item>
              <Typography.Title level={5}>{t('drills.results')}</Typography.Title>
              <Form.List name="results">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} wrap align="start">
                        <Form.Item name={[field.name, 'agencyId']} label={t('drills.targetAgency')} rules={[{ required: true }]}>
                          <Select style={{ minWidth: 220 }} showSearch filterOption={diacriticFilter} options={agencyOptions} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'score']} label={t('drills.score')} rules={[{ required: true }]}>
                          <InputNumber min={0} max={1000} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'rank']} label={t('drills.rank')}>
                          <InputNumber min={1} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'findings']} label={t('drills.findings')}>
                          <Input />
                        </Form.Item>
                        <Button aria-label={t('drills.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({})}>
                      {t('drills.addResult')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          ) : (
            <>
              <Form.Item name="scheduledStart" label={t('drills.scheduledStart')}>
                <DatePicker showTime format="DD/MM/YYYY HH:mm" />
              </Form.Item>
              <Form.Item name="scenario" label={t('drills.scenario')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="objectives" label={t('drills.objectives')} extra={t('drills.objectivesHint')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="participatingAgencyIds" label={t('drills.agencies')}>
                <Select mode="multiple" showSearch filterOption={diacriticFilter} options={agencyOptions} />
              </Form.Item>
              <Form.Item name="teamIds" label={t('drills.teams')}>
                <Select mode="multiple" showSearch filterOption={diacriticFilter} options={teamOptions} />
              </Form.Item>
              <Form.Item name="evaluatorIds" label={t('drills.evaluators')}>
                <Select
                  mode="multiple"
                  showSearch
                  filterOption={diacriticFilter}
                  options={staff.map((u) => ({ value: u.id, label: u.displayName }))}
                />
              </Form.Item>
              <Typography.Title level={5}>{t('drills.injects')}</Typography.Title>
              <Form.List name="injects">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <fieldset key={field.key} className="drill-inject" aria-label={`${t('drills.injects')} ${index + 1}`}>
                        <legend>
                          {t('drills.injects')} {index + 1}
                        </legend>
                        <Space wrap align="start">
                          <Form.Item name={[field.name, 'offset']} label={t('drills.offset')} rules={[{ required: true }]}>
                            <Input style={{ width: 140 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'kind']} label={t('drills.injectKind')}>
                            <Radio.Group
                              options={[
                                { value: 'incident', label: t('drills.kindIncident') },
                                { value: 'message', label: t('drills.kindMessage') },
                              ]}
                            />
                          </Form.Item>
                        </Space>
                        <Space wrap align="start">
                          <Form.Item name={[field.name, 'teamId']} label={t('drills.targetTeam')}>
                            <Select style={{ minWidth: 220 }} allowClear showSearch filterOption={diacriticFilter} options={teamOptions} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'agencyId']} label={t('drills.targetAgency')}>
                            <Select
                              style={{ minWidth: 220 }}
                              allowClear
                              showSearch
                              filterOption={diacriticFilter}
                              options={agencyOptions}
                            />
                          </Form.Item>
                        </Space>
                        <Form.Item noStyle shouldUpdate>
                          {() =>
                            form.getFieldValue(['injects', field.name, 'kind']) === 'message' ? (
                              <Form.Item name={[field.name, 'message']} label={t('drills.message')} rules={[{ required: true }]}>
                                <Input.TextArea rows={2} />
                              </Form.Item>
                            ) : (
                              <>
                                <Form.Item
                                  name={[field.name, 'title']}
                                  label={t('drills.injectTitle')}
                                  rules={[{ required: true, min: 5 }]}
                                >
                                  <Input />
                                </Form.Item>
                                <Form.Item name={[field.name, 'category']} label={t('drills.category')} rules={[{ required: true }]}>
                                  <Select options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))} />
                                </Form.Item>
                                <Form.Item
                                  name={[field.name, 'description']}
                                  label={t('drills.description')}
                                  rules={[{ required: true, min: 10 }]}
                                >
                                  <Input.TextArea rows={2} />
                                </Form.Item>
                              </>
                            )
                          }
                        </Form.Item>
                        <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                          {t('drills.removeInject')}
                        </Button>
                      </fieldset>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() =>
                        add({
                          kind: 'incident',
                          offset: `PT${(fields.length + 1) * 5}M`,
                          teamId: standing?.id,
                          agencyId: (form.getFieldValue('participatingAgencyIds') as string[] | undefined)?.[0],
                          category: 'malware',
                        })
                      }
                    >
                      {t('drills.addInject')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          )}
        </Form>
      </FormDrawer>
    </>
  );
}
