import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Popconfirm, Row, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_TYPE_LABELS,
  CRITICAL_SECTORS,
  IMPACT_LABELS,
  SEVERITY_LABELS,
  type RoutingConditions,
  type RoutingRuleView,
  type UserView,
} from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useCategoryLabel } from '../incidents/labels.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';
import { RoutingPreviewCard } from './RoutingPreviewCard.js';
import { RuleEditorForm } from './RuleEditorForm.js';
import { ruleBody, toRuleForm, type RuleForm } from './ruleForm.js';

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
  const [form] = Form.useForm<RuleForm>();
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
  // The provincial list, or the national 11 while it loads: a rule never shows a bare sector code.
  const sectorOptions = (directory.sectors.length ? directory.sectors : CRITICAL_SECTORS).map((s) => ({
    value: s.code,
    label: label({ vi: s.nameVi, en: s.nameEn }),
  }));
  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  const sourceLabel = (s: string) => t(`routing.source.${s}`);

  const openEditor = (rule: RoutingRuleView | 'new') => {
    setEditing(rule);
    form.setFieldsValue(toRuleForm(rule === 'new' ? null : rule));
  };

  const save = async () => {
    const values = await form.validateFields();
    const body = ruleBody(values);
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
          <RoutingPreviewCard sectorOptions={sectorOptions} userName={userName} sourceLabel={sourceLabel} />
        </Col>
      </Row>

      <FormDrawer
        title={editing === 'new' ? t('routing.newRule') : t('routing.editRule')}
        open={editing !== null}
        busy={busy}
        onClose={() => setEditing(null)}
        onSave={() => void save()}
      >
        <RuleEditorForm form={form} teamOptions={teamOptions} sectorOptions={sectorOptions} sourceLabel={sourceLabel} />
      </FormDrawer>
    </>
  );
}
