import { App, Button, Card, Checkbox, Form, Input, Select, Table } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillView } from '@cert-hub/shared';
import { useDirectory } from '../lib/useDirectory.js';
import type { Participant, PostToDrill } from './useDrillDetail.js';

/** Who took part (edited locally, then saved as one list) and whether they attended. */
export function DrillParticipantsCard({
  drill,
  participants,
  setParticipants,
  post,
}: {
  drill: DrillView;
  participants: Participant[];
  setParticipants: Dispatch<SetStateAction<Participant[]>>;
  post: PostToDrill;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const directory = useDirectory();
  const teamName = (teamId: string | null) => (teamId ? directory.teamName(teamId) : '—');
  return (
    <Card title={t('drills.participants')} style={{ marginBottom: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={participants}
        locale={{ emptyText: t('drills.none') }}
        columns={[
          { title: t('drills.participantName'), dataIndex: 'name' },
          { title: t('drills.position'), dataIndex: 'position' },
          { title: t('drills.role'), dataIndex: 'role', render: (r: Participant['role']) => t(`drills.roles.${r}`) },
          {
            title: t('drills.agencies'),
            render: (_: unknown, p: Participant) => (p.agencyId ? directory.agencyName(p.agencyId) : teamName(p.teamId)),
          },
          {
            title: t('drills.attended'),
            render: (_: unknown, p: Participant) => (
              <Checkbox
                aria-label={`${t('drills.attended')}: ${p.name}`}
                checked={p.attended}
                disabled={!drill.abilities.manage}
                onChange={(e) => setParticipants((all) => all.map((x) => (x.id === p.id ? { ...x, attended: e.target.checked } : x)))}
              />
            ),
          },
        ]}
      />
      {drill.abilities.manage && (
        <ParticipantAdder
          agencyOptions={drill.participatingAgencyIds.map((a) => ({ value: a, label: directory.agencyName(a) }))}
          onAdd={(p) => setParticipants((all) => [...all, p])}
          onSave={() =>
            void post(
              '/participants',
              {
                version: drill.version,
                participants: participants.map((p) => ({
                  ...(p.id.startsWith('new-') ? {} : { id: p.id }),
                  agencyId: p.agencyId,
                  teamId: p.teamId,
                  name: p.name,
                  position: p.position,
                  role: p.role,
                  attended: p.attended,
                })),
              },
              'PUT',
            ).then((ok) => ok && void message.success(t('common.saved')))
          }
        />
      )}
    </Card>
  );
}

function ParticipantAdder({
  agencyOptions,
  onAdd,
  onSave,
}: {
  agencyOptions: { value: string; label: string }[];
  onAdd: (p: Participant) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      layout="inline"
      className="no-print"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ role: 'staff' }}
      onFinish={(v: { name: string; position?: string; role: 'leader' | 'staff'; agencyId: string }) => {
        onAdd({
          id: `new-${Date.now()}`,
          agencyId: v.agencyId,
          teamId: null,
          name: v.name,
          position: v.position ?? null,
          role: v.role,
          attended: true,
        });
        form.resetFields();
      }}
    >
      <Form.Item name="name" label={t('drills.participantName')} rules={[{ required: true, min: 2 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="position" label={t('drills.position')}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('drills.role')}>
        <Select
          style={{ minWidth: 120 }}
          options={[
            { value: 'leader', label: t('drills.roles.leader') },
            { value: 'staff', label: t('drills.roles.staff') },
          ]}
        />
      </Form.Item>
      <Form.Item name="agencyId" label={t('drills.participantAgency')} rules={[{ required: true }]}>
        <Select style={{ minWidth: 200 }} options={agencyOptions} />
      </Form.Item>
      <Button htmlType="submit">{t('drills.addParticipant')}</Button>
      <Button type="primary" onClick={onSave}>
        {t('drills.saveParticipants')}
      </Button>
    </Form>
  );
}
