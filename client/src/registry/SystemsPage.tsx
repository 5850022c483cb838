import { diacriticFilter } from '../lib/selectFilter.js';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canReviewClassification, domainSchema, ipRangeSchema, type SystemView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useApiError } from '../lib/useApiError.js';
import { LoadMore, SearchInput } from '../lib/ListControls.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useDebounced, useDirectory } from '../lib/useDirectory.js';
import { linesRule, minLengthRule, useSavedNotice } from './formFeedback.js';

const lines = (text: unknown) =>
  (typeof text === 'string' ? text : '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

export function SystemsPage() {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const label = useLabel();
  const user = useUser();
  const directory = useDirectory();
  const { get: param, set: setParam } = useUrlParams();
  const [search, setSearch] = useState(param('q') ?? '');
  const q = useDebounced(search);
  const agencyId = param('agencyId');
  const level = param('level');
  const list = useCursorList<SystemView>('/systems', { q, agencyId, level });
  const [editing, setEditing] = useState<SystemView | 'new' | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const { message } = App.useApp();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const sectorLabel = (code: string | null) => {
    const sector = directory.sectors.find((s) => s.code === code);
    return sector ? label({ vi: sector.nameVi, en: sector.nameEn }) : '';
  };
  const canWrite = (system: { agencyId: string } | null) =>
    user.role === 'admin' || (user.role === 'focal_point' && (!system || system.agencyId === user.agencyId));

  useEffect(() => {
    if (editing === 'new')
      form.setFieldsValue({
        agencyId: user.role === 'focal_point' ? user.agencyId : undefined,
        level: 2,
        nationalCritical: false,
        domains: '',
        ipRanges: '',
      });
    else if (editing) form.setFieldsValue({ ...editing, domains: editing.domains.join('\n'), ipRanges: editing.ipRanges.join('\n') });
    else form.resetFields();
  }, [editing, form, user]);

  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    const body = {
      name: v.name,
      level: v.level,
      nationalCritical: Boolean(v.nationalCritical),
      sectorCode: v.sectorCode ?? null,
      description: v.description ? v.description : null,
      domains: lines(v.domains),
      ipRanges: lines(v.ipRanges),
    };
    try {
      if (editing === 'new') await api('/systems', { method: 'POST', body: { ...body, agencyId: v.agencyId } });
      else if (editing) await api(`/systems/${editing.id}`, { method: 'PATCH', body: { ...body, version: editing.version } });
      setEditing(null);
      savedNotice();
      list.reload();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  /** The CERT's answer to an agency's level / national-critical request; a stale version is a 409 shown by useApiError. */
  const review = async (system: SystemView, approve: boolean) => {
    setReviewing(system.id);
    try {
      await api(`/systems/${system.id}/classification-review`, { method: 'POST', body: { approve, version: system.version } });
      void message.success(t(approve ? 'classification.approved' : 'classification.declined'));
      list.reload();
    } catch (e) {
      showError(e);
      list.reload();
    } finally {
      setReviewing(null);
    }
  };
  const requestedText = (requested: NonNullable<SystemView['pendingClassification']>) =>
    [t('systems.levelN', { level: requested.level }), ...(requested.nationalCritical ? [t('systems.critical')] : [])].join(', ');

  const required = { required: true, message: t('common.required') };
  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('systems.title')}</Typography.Title>
        {canWrite(null) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('common.create')}
          </Button>
        )}
      </div>
      <div className="toolbar">
        <SearchInput width={300} value={search} onChange={setSearch} />
        {user.role !== 'focal_point' && (
          <Select
            allowClear
            showSearch
            filterOption={diacriticFilter}
            placeholder={t('systems.agency')}
            aria-label={t('systems.agency')}
            style={{ width: 320 }}
            value={agencyId}
            onChange={(v: string | undefined) => setParam('agencyId', v)}
            options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <Select
          allowClear
          placeholder={t('systems.level')}
          aria-label={t('systems.level')}
          style={{ width: 140 }}
          value={level}
          onChange={(v: string | undefined) => setParam('level', v)}
          options={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t('systems.levelN', { level: l }) }))}
        />
      </div>
      <Table<SystemView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('systems.agency'), dataIndex: 'agencyId', render: (id: string) => directory.agencyName(id) },
          {
            title: t('systems.level'),
            dataIndex: 'level',
            render: (v: number, s) => (
              <Space size={4} wrap>
                <Tag color={v >= 4 ? 'red' : v === 3 ? 'orange' : 'blue'}>{t('systems.levelN', { level: v })}</Tag>
                {s.nationalCritical && <Tag color="magenta">{t('systems.critical')}</Tag>}
                {s.pendingClassification && (
                  <Tag
                    color="gold"
                    data-testid="classification-pending"
                    title={t('classification.pendingLabel', { requested: requestedText(s.pendingClassification) })}
                    style={{ whiteSpace: 'normal' }}
                  >
                    {t('classification.pending')}: {requestedText(s.pendingClassification)}
                  </Tag>
                )}
                {s.pendingClassification && canReviewClassification(user) && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      loading={reviewing === s.id}
                      disabled={reviewing !== null && reviewing !== s.id}
                      aria-label={t('classification.approveLabel', { name: s.name })}
                      onClick={() => void review(s, true)}
                    >
                      {t('classification.approve')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      disabled={reviewing !== null}
                      aria-label={t('classification.declineLabel', { name: s.name })}
                      onClick={() => void review(s, false)}
                    >
                      {t('classification.decline')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
          { title: t('systems.sector'), dataIndex: 'sectorCode', render: (c: string | null) => sectorLabel(c) },
          { title: t('systems.domains'), dataIndex: 'domains', render: (d: string[]) => d.join(', ') },
          {
            title: t('common.actions'),
            render: (_: unknown, s) =>
              canWrite(s) && (
                <Button size="small" onClick={() => setEditing(s)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <LoadMore list={list} />
      <FormDrawer
        title={editing === 'new' ? `${t('common.create')} — ${t('systems.title')}` : editing ? editing.name : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSave={() => form.submit()}
        busy={busy}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="system">
          <Form.Item name="agencyId" label={t('systems.agency')} rules={[required]}>
            <Select
              showSearch
              filterOption={diacriticFilter}
              disabled={editing !== 'new' || user.role === 'focal_point'}
              options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[required, minLengthRule(2)]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="level" label={t('systems.level')} rules={[required]}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="nationalCritical" valuePropName="checked">
            <Checkbox>{t('systems.nationalCritical')}</Checkbox>
          </Form.Item>
          <Form.Item name="sectorCode" label={t('systems.sector')}>
            <Select allowClear options={directory.sectors.map((s) => ({ value: s.code, label: label({ vi: s.nameVi, en: s.nameEn }) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('common.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="domains" label={t('systems.domains')} extra={t('systems.domainsHint')} rules={[linesRule(domainSchema)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="ipRanges" label={t('systems.ipRanges')} extra={t('systems.ipHint')} rules={[linesRule(ipRangeSchema)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
