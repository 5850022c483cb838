import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  IMPACT_LABELS,
  IMPACTS,
  INCIDENT_CATEGORIES,
  REPORT_SOURCES,
  SECURITY_LEVELS,
  SEVERITIES,
  SEVERITY_LABELS,
  TLP_LEVELS,
  type RoutingConditions,
  type RoutingRuleView,
  type RuleTrace,
  type UserView,
} from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useCategoryLabel } from '../incidents/labels.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';

interface PreviewResult {
  rule: { id: string; name: string } | null;
  routing: { teamId: string | null; informedTeamIds: string[]; assigneeIds: string[]; reasons: string[] };
  tags: string[];
  serious: boolean;
  informLeaders: boolean;
  trace: RuleTrace[];
}

type RuleForm = {
  name: string;
  description?: string;
  enabled: boolean;
  conditions: Omit<RoutingConditions, 'serious' | 'hasIndicators'> & {
    serious?: 'any' | 'yes' | 'no';
    hasIndicators?: 'any' | 'yes' | 'no';
  };
  actions: {
    owningTeamId?: string | null;
    informTeamIds?: string[];
    assignOnCall: boolean;
    informLeaders: boolean;
    tags?: string[];
    playbook?: string | null;
  };
};

const tri = (v: boolean | undefined) => (v === undefined ? 'any' : v ? 'yes' : 'no');
const fromTri = (v: 'any' | 'yes' | 'no' | undefined) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** Drops empty lists so that "no condition" is stored as absent, not as an empty "any of". */
function cleanConditions(c: RuleForm['conditions']): RoutingConditions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (key === 'serious' || key === 'hasIndicators') continue;
    if (Array.isArray(value) && value.length > 0) out[key] = value;
  }
  const serious = fromTri(c.serious);
  const hasIndicators = fromTri(c.hasIndicators);
  if (serious !== undefined) out.serious = serious;
  if (hasIndicators !== undefined) out.hasIndicators = hasIndicators;
  return out;
}

/** The preview form: a made-up report, only the fields the rules look at. */
interface PreviewValues {
  agencyId: string;
  category?: string;
  systemLevel?: number;
  sector?: string;
  impacts?: string[];
  canHandleAlone?: 'yes' | 'no' | 'unknown';
  source?: string;
  tlp?: string;
  hasIndicators?: boolean;
}

/** The coordinators' ordered routing rules, with reorder and a "which rule would match, and why" preview. */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const label = useLabel();
  const categoryLabel = useCategoryLabel();
  const showError = useApiError();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [rules, setRules] = useState<RoutingRuleView[]>([]);
  const [editing, setEditing] = useState<RoutingRuleView | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [users, setUsers] = useState<UserView[]>([]);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const [previewForm] = Form.useForm<PreviewValues>();
  const canEdit = user.role === 'coordinator' || user.role === 'admin';

  const load = useCallback(
    () => void api<{ items: RoutingRuleView[] }>('/routing/rules').then((r) => setRules(r.items), showError),
    [showError],
  );
  useEffect(load, [load]);
  useEffect(() => {
    if (user.role === 'admin' || user.role === 'coordinator') void fetchAll<UserView>('/users').then(setUsers, () => undefined);
  }, [user.role]);

  const teamOptions = useMemo(() => directory.teams.map((tm) => ({ value: tm.id, label: tm.name })), [directory.teams]);
  const sectorOptions = directory.sectors.map((s) => ({ value: s.code, label: label({ vi: s.nameVi, en: s.nameEn }) }));
  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  const sourceLabel = (s: string) => t(`routing.source.${s}`);

  const openEditor = (rule: RoutingRuleView | 'new') => {
    setEditing(rule);
    const r = rule === 'new' ? null : rule;
    form.setFieldsValue({
      name: r?.name ?? '',
      description: r?.description ?? '',
      enabled: r?.enabled ?? true,
      conditions: { ...(r?.conditions ?? {}), serious: tri(r?.conditions.serious), hasIndicators: tri(r?.conditions.hasIndicators) },
      actions: {
        owningTeamId: r?.actions.owningTeamId ?? null,
        informTeamIds: r?.actions.informTeamIds ?? [],
        assignOnCall: r?.actions.assignOnCall ?? true,
        informLeaders: r?.actions.informLeaders ?? false,
        tags: r?.actions.tags ?? [],
        playbook: r?.actions.playbook ?? null,
      },
    });
  };

  const save = async () => {
    const values = await form.validateFields();
    const body = {
      name: values.name,
      description: values.description || null,
      enabled: values.enabled,
      conditions: cleanConditions(values.conditions),
      actions: {
        owningTeamId: values.actions.owningTeamId ?? null,
        informTeamIds: values.actions.informTeamIds ?? [],
        assignOnCall: values.actions.assignOnCall,
        informLeaders: values.actions.informLeaders,
        tags: values.actions.tags ?? [],
        playbook: values.actions.playbook ?? null,
      },
    };
    setBusy(true);
    try {
      if (editing === 'new') await api('/routing/rules', { method: 'POST', body });
      else if (editing) await api(`/routing/rules/${editing.id}`, { method: 'PATCH', body: { ...body, version: editing.version } });
      setEditing(null);
      void message.success(t('common.saved'));
      load();
    } catch (e) {
      showError(e);
      load();
    } finally {
      setBusy(false);
    }
  };

  const move = async (index: number, by: -1 | 1) => {
    const order = rules.map((r) => r.id);
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    try {
      setRules((await api<{ items: RoutingRuleView[] }>('/routing/rules/order', { method: 'PUT', body: { ruleIds: order } })).items);
    } catch (e) {
      showError(e);
      load();
    }
  };

  const toggle = async (rule: RoutingRuleView, enabled: boolean) => {
    try {
      await api(`/routing/rules/${rule.id}`, { method: 'PATCH', body: { version: rule.version, enabled } });
    } catch (e) {
      showError(e);
    }
    load();
  };

  const remove = async (rule: RoutingRuleView) => {
    try {
      await api(`/routing/rules/${rule.id}`, { method: 'DELETE' });
    } catch (e) {
      showError(e);
    }
    load();
  };

  const runPreview = async () => {
    const v = await previewForm.validateFields();
    try {
      setPreview(
        await api<PreviewResult>('/routing/preview', {
          method: 'POST',
          body: {
            agencyId: v.agencyId,
            systemName: 'Hệ thống thử',
            systemLevel: v.systemLevel ?? null,
            sector: v.sector ?? null,
            title: 'Báo cáo thử quy tắc',
            category: v.category,
            description: 'Báo cáo giả định để xem trước quy tắc điều phối.',
            detectedAt: new Date().toISOString(),
            impacts: v.impacts ?? [],
            indicators: v.hasIndicators ? [{ type: 'domain', value: 'preview.example' }] : [],
            tlp: v.tlp,
            source: v.source,
            canHandleAlone: v.canHandleAlone === 'yes' ? true : v.canHandleAlone === 'no' ? false : null,
          },
        }),
      );
    } catch (e) {
      showError(e);
    }
  };

  const conditionTags = (c: RoutingConditions) => {
    const tags: string[] = [];
    c.categories?.forEach((x) => tags.push(categoryLabel(x)));
    c.severities?.forEach((x) => tags.push(label(SEVERITY_LABELS[x])));
    if (c.serious !== undefined) tags.push(`${t('routing.serious')}: ${c.serious ? t('common.yes') : t('common.no')}`);
    if (c.systemLevels?.length) tags.push(`${t('routing.systemLevels')}: ${c.systemLevels.join(', ')}`);
    c.sectors?.forEach((x) => tags.push(sectorOptions.find((s) => s.value === x)?.label ?? x));
    c.agencyIds?.forEach((x) => tags.push(directory.agencyName(x)));
    c.agencyTypes?.forEach((x) => tags.push(label(AGENCY_TYPE_LABELS[x])));
    c.tlps?.forEach((x) => tags.push(`TLP:${x.toUpperCase()}`));
    c.impacts?.forEach((x) => tags.push(label(IMPACT_LABELS[x])));
    if (c.hasIndicators !== undefined) tags.push(`${t('routing.hasIndicators')}: ${c.hasIndicators ? t('common.yes') : t('common.no')}`);
    c.sources?.forEach((x) => tags.push(sourceLabel(x)));
    return tags.length ? tags : [t('routing.anyReport')];
  };

  const multi = (name: (string | number)[], text: string, options: { value: string | number; label: string }[]) => (
    <Form.Item name={name} label={text}>
      <Select mode="multiple" allowClear filterOption={diacriticFilter} options={options} aria-label={text} />
    </Form.Item>
  );
  const triOptions = [
    { value: 'any', label: t('routing.seriousAny') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('routing.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('routing.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')} style={{ marginBottom: 12 }}>
              {t('routing.newRule')}
            </Button>
          )}
          <Space direction="vertical" style={{ width: '100%' }} data-testid="routing-rules">
            {rules.map((rule, index) => (
              <Card
                key={rule.id}
                size="small"
                data-testid="routing-rule"
                title={
                  <span style={{ whiteSpace: 'normal' }}>
                    {index + 1}. {rule.name}
                  </span>
                }
                extra={
                  canEdit ? (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('routing.moveUp')}
                        disabled={index === 0}
                        onClick={() => void move(index, -1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('routing.moveDown')}
                        disabled={index === rules.length - 1}
                        onClick={() => void move(index, 1)}
                      />
                      <Button size="small" icon={<EditOutlined />} aria-label={t('routing.editRule')} onClick={() => openEditor(rule)} />
                      <Popconfirm title={t('routing.deleteConfirm')} onConfirm={() => void remove(rule)}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('routing.deleteRule')} />
                      </Popconfirm>
                    </Space>
                  ) : null
                }
              >
                {rule.description && <Typography.Paragraph type="secondary">{rule.description}</Typography.Paragraph>}
                <div>
                  <Typography.Text strong>{t('routing.conditions')}: </Typography.Text>
                  {conditionTags(rule.conditions).map((c) => (
                    <Tag key={c} style={{ whiteSpace: 'normal' }}>
                      {c}
                    </Tag>
                  ))}
                </div>
                <div style={{ marginTop: 4 }}>
                  <Typography.Text strong>{t('routing.actions')}: </Typography.Text>
                  <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                    {rule.actions.owningTeamId ? directory.teamName(rule.actions.owningTeamId) : t('routing.standingTeam')}
                  </Tag>
                  {rule.actions.informTeamIds.map((id) => (
                    <Tag key={id} color="cyan" style={{ whiteSpace: 'normal' }}>
                      + {directory.teamName(id)}
                    </Tag>
                  ))}
                  {rule.actions.informLeaders && <Tag color="gold">{t('routing.informLeaders')}</Tag>}
                  {rule.actions.tags.map((tag) => (
                    <Tag key={tag}>#{tag}</Tag>
                  ))}
                </div>
                {canEdit && (
                  <Space style={{ marginTop: 8 }}>
                    <Switch
                      size="small"
                      checked={rule.enabled}
                      onChange={(v) => void toggle(rule, v)}
                      aria-label={`${t('routing.enabled')}: ${rule.name}`}
                    />
                    <Typography.Text type="secondary">{rule.enabled ? t('routing.enabled') : t('routing.disabled')}</Typography.Text>
                  </Space>
                )}
              </Card>
            ))}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('routing.preview')} data-testid="routing-preview">
            <Typography.Paragraph type="secondary">{t('routing.previewHint')}</Typography.Paragraph>
            <Form
              form={previewForm}
              layout="vertical"
              initialValues={{ tlp: 'amber', source: 'agency', category: 'phishing', canHandleAlone: 'unknown' }}
            >
              <Form.Item name="agencyId" label={t('routing.agencyIds')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  showSearch
                  filterOption={diacriticFilter}
                  options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
                  aria-label={t('routing.agencyIds')}
                />
              </Form.Item>
              <Form.Item name="category" label={t('routing.categories')}>
                <Select
                  options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
                  aria-label={t('routing.categories')}
                />
              </Form.Item>
              <Row gutter={8}>
                <Col xs={24} sm={12}>
                  <Form.Item name="systemLevel" label={t('routing.systemLevels')}>
                    <Select
                      allowClear
                      options={SECURITY_LEVELS.map((l) => ({ value: l, label: String(l) }))}
                      aria-label={t('routing.systemLevels')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="sector" label={t('routing.sectors')}>
                    <Select allowClear options={sectorOptions} aria-label={t('routing.sectors')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="impacts" label={t('routing.impacts')}>
                <Checkbox.Group options={IMPACTS.map((i) => ({ value: i, label: label(IMPACT_LABELS[i]) }))} />
              </Form.Item>
              <Form.Item name="canHandleAlone" label={t('routing.canHandleAlone')}>
                <Radio.Group
                  options={[
                    { value: 'unknown', label: t('routing.unknown') },
                    { value: 'yes', label: t('routing.yesCan') },
                    { value: 'no', label: t('routing.noCannot') },
                  ]}
                />
              </Form.Item>
              <Row gutter={8}>
                <Col xs={24} sm={12}>
                  <Form.Item name="source" label={t('routing.sources')}>
                    <Select options={REPORT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} aria-label={t('routing.sources')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="tlp" label={t('routing.tlps')}>
                    <Select
                      options={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
                      aria-label={t('routing.tlps')}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="hasIndicators" label={t('routing.hasIndicators')} valuePropName="checked">
                <Switch aria-label={t('routing.hasIndicators')} />
              </Form.Item>
              <Button type="primary" onClick={() => void runPreview()}>
                {t('routing.runPreview')}
              </Button>
            </Form>
            {preview && (
              <div data-testid="preview-result" style={{ marginTop: 16 }}>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('routing.matchedRule')}>
                    <span data-testid="preview-rule">{preview.rule?.name ?? t('routing.defaultRule')}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('routing.owningTeam')}>
                    <span data-testid="preview-team">{preview.routing.teamId ? directory.teamName(preview.routing.teamId) : '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('routing.informTeams')}>
                    {preview.routing.informedTeamIds.map((id) => directory.teamName(id)).join(', ') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('routing.assignee')}>
                    {preview.routing.assigneeIds.map(userName).join(', ') || t('routing.nobody')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('routing.serious')}>{preview.serious ? t('common.yes') : t('common.no')}</Descriptions.Item>
                  <Descriptions.Item label={t('routing.reasons')}>
                    {preview.routing.reasons.map((r) => (
                      <Tag key={r} style={{ whiteSpace: 'normal' }}>
                        {r}
                      </Tag>
                    ))}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('routing.trace')}
                </Typography.Title>
                <ol style={{ paddingLeft: 20 }}>
                  {preview.trace.map((step) => (
                    <li key={step.ruleId}>
                      {step.name} —{' '}
                      <Tag color={step.matched ? 'green' : 'default'}>{step.matched ? t('routing.matched') : t('routing.notMatched')}</Tag>
                      {!step.matched &&
                        step.checks.filter((c) => !c.holds).map((c) => <Tag key={c.condition}>{t(`routing.${c.condition}`)}</Tag>)}
                    </li>
                  ))}
                </ol>
              </div>
            )}
          </Card>
        </Col>
      </Row>

      <FormDrawer
        title={editing === 'new' ? t('routing.newRule') : t('routing.editRule')}
        open={editing !== null}
        busy={busy}
        onClose={() => setEditing(null)}
        onSave={() => void save()}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('routing.name')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('common.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="enabled" label={t('routing.enabled')} valuePropName="checked">
            <Switch aria-label={t('routing.enabled')} />
          </Form.Item>
          <Typography.Title level={5}>{t('routing.conditions')}</Typography.Title>
          {multi(
            ['conditions', 'categories'],
            t('routing.categories'),
            INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) })),
          )}
          {multi(
            ['conditions', 'impacts'],
            t('routing.impacts'),
            IMPACTS.map((i) => ({ value: i, label: label(IMPACT_LABELS[i]) })),
          )}
          <Form.Item name={['conditions', 'serious']} label={t('routing.serious')}>
            <Radio.Group optionType="button" options={triOptions} />
          </Form.Item>
          {multi(
            ['conditions', 'severities'],
            t('routing.severities'),
            SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS[s]) })),
          )}
          {multi(
            ['conditions', 'systemLevels'],
            t('routing.systemLevels'),
            SECURITY_LEVELS.map((l) => ({ value: l, label: String(l) })),
          )}
          {multi(['conditions', 'sectors'], t('routing.sectors'), sectorOptions)}
          {multi(
            ['conditions', 'agencyTypes'],
            t('routing.agencyTypes'),
            AGENCY_TYPES.map((a) => ({ value: a, label: label(AGENCY_TYPE_LABELS[a]) })),
          )}
          {multi(
            ['conditions', 'agencyIds'],
            t('routing.agencyIds'),
            directory.agencies.map((a) => ({ value: a.id, label: a.name })),
          )}
          {multi(
            ['conditions', 'tlps'],
            t('routing.tlps'),
            TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` })),
          )}
          {multi(
            ['conditions', 'sources'],
            t('routing.sources'),
            REPORT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) })),
          )}
          <Form.Item name={['conditions', 'hasIndicators']} label={t('routing.hasIndicators')}>
            <Radio.Group optionType="button" options={triOptions} />
          </Form.Item>
          <Typography.Title level={5}>{t('routing.actions')}</Typography.Title>
          <Form.Item name={['actions', 'owningTeamId']} label={t('routing.owningTeam')}>
            <Select options={[{ value: null, label: t('routing.standingTeam') }, ...teamOptions]} aria-label={t('routing.owningTeam')} />
          </Form.Item>
          {multi(['actions', 'informTeamIds'], t('routing.informTeams'), teamOptions)}
          <Form.Item name={['actions', 'assignOnCall']} valuePropName="checked">
            <Checkbox>{t('routing.assignOnCall')}</Checkbox>
          </Form.Item>
          <Form.Item name={['actions', 'informLeaders']} valuePropName="checked">
            <Checkbox>{t('routing.informLeaders')}</Checkbox>
          </Form.Item>
          <Form.Item name={['actions', 'tags']} label={t('routing.tags')}>
            <Select mode="tags" aria-label={t('routing.tags')} />
          </Form.Item>
          <Form.Item name={['actions', 'playbook']} label={t('routing.playbook')}>
            <Select
              options={[
                { value: null, label: t('routing.playbookOwn') },
                ...INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) })),
              ]}
              aria-label={t('routing.playbook')}
            />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
