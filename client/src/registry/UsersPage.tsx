import { diacriticFilter } from '../lib/selectFilter.js';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, phoneSchema, ROLE_LABELS, ROLES, usernameSchema, type Role, type UserView } from '@cert-hub/shared';
import { z } from 'zod';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useApiError } from '../lib/useApiError.js';
import { LoadMore, SearchInput } from '../lib/ListControls.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useDebounced, useDirectory } from '../lib/useDirectory.js';
import { zodRule } from '../lib/zodRule.js';
import { ResetLinkButton } from '../passwordReset/ResetLinkButton.js';
import { minLengthRule, useSavedNotice } from './formFeedback.js';

export function UsersPage() {
  const { t } = useTranslation();
  const savedNotice = useSavedNotice();
  const label = useLabel();
  const me = useUser();
  const directory = useDirectory();
  const { get: param, set: setParam } = useUrlParams();
  const [search, setSearch] = useState(param('q') ?? '');
  const q = useDebounced(search);
  const role = param('role');
  const list = useCursorList<UserView>('/users', { q, role });
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [form] = Form.useForm();
  const [resetForm] = Form.useForm<{ password: string }>();
  const showError = useApiError();
  const isAdmin = me.role === 'admin';
  const formRole = Form.useWatch('role', form) as Role | undefined;

  useEffect(() => {
    if (editing === 'new') form.setFieldsValue({ role: 'responder', teamIds: [] });
    else if (editing) form.setFieldsValue(editing);
    else form.resetFields();
  }, [editing, form]);

  const submit = async (v: Record<string, unknown>) => {
    const roleValue = v.role as Role;
    const shape = {
      role: roleValue,
      agencyId: roleValue === 'focal_point' ? v.agencyId : null,
      teamIds: roleValue === 'responder' || roleValue === 'coordinator' ? ((v.teamIds as string[] | undefined) ?? []) : [],
      displayName: v.displayName,
      phone: v.phone || null,
      email: v.email || null,
    };
    try {
      if (editing === 'new') await api('/users', { method: 'POST', body: { ...shape, username: v.username, password: v.password } });
      else if (editing)
        await api(`/users/${editing.id}`, { method: 'PATCH', body: { ...shape, disabled: Boolean(v.disabled), version: editing.version } });
      setEditing(null);
      savedNotice();
      list.reload();
    } catch (e) {
      showError(e, form);
    }
  };

  const resetPassword = async (v: { password: string }) => {
    if (!resetting) return;
    try {
      await api(`/users/${resetting.id}/password`, { method: 'POST', body: v });
      setResetting(null);
      resetForm.resetFields();
    } catch (e) {
      showError(e, resetForm);
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('users.title')}</Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('common.create')}
          </Button>
        )}
      </div>
      <div className="toolbar">
        <SearchInput width={300} value={search} onChange={setSearch} />
        <Select
          allowClear
          placeholder={t('users.role')}
          aria-label={t('users.role')}
          style={{ width: 260 }}
          value={role}
          onChange={(v: string | undefined) => setParam('role', v)}
          options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
        />
      </div>
      <Table<UserView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('users.username'), dataIndex: 'username', render: (v: string) => <code>{v}</code> },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: Role) => label(ROLE_LABELS[r]) },
          {
            title: `${t('users.agency')} / ${t('users.teams')}`,
            render: (_: unknown, u) =>
              u.agencyId ? directory.agencyName(u.agencyId) : u.teamIds.map((id) => directory.teamName(id)).join('; '),
          },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag color="red">{t('users.locked')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, u) =>
              isAdmin && (
                <Space>
                  <Button size="small" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  <ResetLinkButton user={u} />
                </Space>
              ),
          },
        ]}
      />
      <LoadMore list={list} />
      <FormDrawer
        title={editing === 'new' ? `${t('common.create')} — ${t('users.title')}` : editing ? editing.username : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSave={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void submit(v)} name="user">
          <Form.Item name="username" label={t('users.username')} rules={[required, zodRule(usernameSchema)]}>
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[required, minLengthRule(2)]}>
            <Input />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item
              name="password"
              label={t('users.password')}
              extra={t('users.passwordHint')}
              rules={[required, zodRule(passwordSchema)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="role" label={t('users.role')} rules={[required]}>
            <Select options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} />
          </Form.Item>
          {formRole === 'focal_point' && (
            <Form.Item name="agencyId" label={t('users.agency')} rules={[required]}>
              <Select showSearch filterOption={diacriticFilter} options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
          )}
          {(formRole === 'responder' || formRole === 'coordinator') && (
            <Form.Item name="teamIds" label={t('users.teams')}>
              <Select
                mode="multiple"
                filterOption={diacriticFilter}
                options={directory.teams.map((team) => ({ value: team.id, label: team.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(phoneSchema)]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('common.email')} rules={[zodRule(z.email())]}>
            <Input />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="disabled" valuePropName="checked">
              <Checkbox>{t('users.disabled')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </FormDrawer>
      <Modal
        title={`${t('users.resetPassword')}: ${resetting?.username ?? ''}`}
        open={resetting !== null}
        onCancel={() => setResetting(null)}
        onOk={() => resetForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={resetForm} layout="vertical" onFinish={(v) => void resetPassword(v)} name="resetPassword">
          <Form.Item
            name="password"
            label={t('users.newPassword')}
            extra={t('users.passwordHint')}
            rules={[required, zodRule(passwordSchema)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
