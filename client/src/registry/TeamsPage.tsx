import { diacriticFilter } from '../lib/selectFilter.js';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneSchema, TEAM_KIND_LABELS, TEAM_KINDS, type TeamView, type UserView } from '@cert-hub/shared';
import { z } from 'zod';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll, useCursorList } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';
import { zodRule } from '../lib/zodRule.js';
import { minLengthRule, useSavedNotice } from './formFeedback.js';

export function TeamsPage() {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const label = useLabel();
  const user = useUser();
  const directory = useDirectory();
  const list = useCursorList<TeamView>('/teams', {});
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [membersOf, setMembersOf] = useState<TeamView | null>(null);
  const [staff, setStaff] = useState<UserView[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [form] = Form.useForm();
  const showError = useApiError();
  const isAdmin = user.role === 'admin';
  const canSetMembers = isAdmin || user.role === 'coordinator';

  useEffect(() => {
    if (editing === 'new') form.setFieldsValue({ kind: 'provincial_cert', isStanding: false });
    else if (editing) form.setFieldsValue(editing);
    else form.resetFields();
  }, [editing, form]);

  useEffect(() => {
    if (!membersOf) return;
    setMemberIds(membersOf.memberIds);
    void Promise.all([fetchAll<UserView>('/users', { role: 'responder' }), fetchAll<UserView>('/users', { role: 'coordinator' })]).then(
      ([r, c]) => setStaff([...c, ...r]),
      showError,
    );
  }, [membersOf, showError]);

  const submit = async (v: Record<string, unknown>) => {
    const body = {
      name: v.name,
      kind: v.kind,
      isStanding: Boolean(v.isStanding),
      organization: v.organization || null,
      sectorCode: v.sectorCode ?? null,
      description: v.description || null,
      phone: v.phone || null,
      email: v.email || null,
    };
    try {
      if (editing === 'new') await api('/teams', { method: 'POST', body });
      else if (editing) await api(`/teams/${editing.id}`, { method: 'PATCH', body: { ...body, version: editing.version } });
      setEditing(null);
      savedNotice();
      list.reload();
    } catch (e) {
      showError(e, form);
    }
  };

  const saveMembers = async () => {
    if (!membersOf) return;
    try {
      await api(`/teams/${membersOf.id}/members`, { method: 'PUT', body: { userIds: memberIds, version: membersOf.version } });
      setMembersOf(null);
      list.reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('teams.title')}</Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('common.create')}
          </Button>
        )}
      </div>
      <Table<TeamView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          {
            title: t('common.name'),
            dataIndex: 'name',
            render: (v: string, team) => (
              <Space direction="vertical" size={0}>
                <strong>{v}</strong>
                {team.isStanding && <Tag color="red">{t('teams.standing')}</Tag>}
              </Space>
            ),
          },
          { title: t('teams.kind'), dataIndex: 'kind', render: (k: TeamView['kind']) => label(TEAM_KIND_LABELS[k]) },
          { title: t('teams.organization'), dataIndex: 'organization' },
          { title: t('common.phone'), dataIndex: 'phone', render: (p: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{p}</span> },
          { title: t('teams.members'), dataIndex: 'memberIds', render: (ids: string[]) => ids.length },
          {
            title: t('common.actions'),
            render: (_: unknown, team) => (
              <Space>
                {isAdmin && (
                  <Button size="small" onClick={() => setEditing(team)}>
                    {t('common.edit')}
                  </Button>
                )}
                {canSetMembers && (
                  <Button size="small" onClick={() => setMembersOf(team)}>
                    {t('teams.editMembers')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormDrawer
        title={editing === 'new' ? `${t('common.create')} — ${t('teams.title')}` : editing ? editing.name : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSave={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void submit(v)} name="team">
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }, minLengthRule(2)]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('teams.kind')} rules={[{ required: true }]}>
            <Select options={TEAM_KINDS.map((k) => ({ value: k, label: label(TEAM_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="isStanding" valuePropName="checked">
            <Checkbox>{t('teams.isStanding')}</Checkbox>
          </Form.Item>
          <Form.Item name="organization" label={t('teams.organization')}>
            <Input />
          </Form.Item>
          <Form.Item name="sectorCode" label={t('systems.sector')}>
            <Select allowClear options={directory.sectors.map((s) => ({ value: s.code, label: label({ vi: s.nameVi, en: s.nameEn }) }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(phoneSchema)]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('common.email')} rules={[zodRule(z.email())]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('common.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </FormDrawer>
      <Modal
        title={`${t('teams.editMembers')}: ${membersOf?.name ?? ''}`}
        open={membersOf !== null}
        onCancel={() => setMembersOf(null)}
        onOk={() => void saveMembers()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        width={640}
      >
        <Typography.Paragraph type="secondary">{t('teams.membersHint')}</Typography.Paragraph>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={memberIds}
          onChange={setMemberIds}
          filterOption={diacriticFilter}
          options={staff.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        />
      </Modal>
    </>
  );
}
