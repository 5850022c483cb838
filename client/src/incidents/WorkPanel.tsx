import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, List, Progress, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView, UserView } from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';

interface Props {
  incident: IncidentView;
  canWork: boolean;
  onChanged: (incident: IncidentView) => void;
}

/** The CERT's working panel: who is assigned, and the response checklist from the playbook. */
export function WorkPanel({ incident, canWork, onChanged }: Props) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [staff, setStaff] = useState<UserView[]>([]);
  const [newTask, setNewTask] = useState('');

  useEffect(() => {
    void fetchAll<UserView>('/users').then(
      (users) => setStaff(users.filter((u) => !u.disabled && u.teamIds.some((id) => incident.routing.teamIds.includes(id)))),
      () => undefined,
    );
  }, [incident.routing.teamIds]);

  const call = async (request: Promise<IncidentView>) => {
    try {
      onChanged(await request);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.details as { current?: IncidentView } | undefined)?.current;
        if (current) onChanged(current);
      }
      showError(e);
    }
  };
  const tasks = incident.tasks ?? [];
  const done = tasks.filter((task) => task.done).length;
  const nameOf = (id: string | null) => staff.find((u) => u.id === id)?.displayName ?? '';

  return (
    <Card title={t('incidents.work')}>
      <Typography.Text strong>{t('incidents.assignees')}</Typography.Text>
      <Select
        mode="multiple"
        style={{ width: '100%', margin: '6px 0 16px' }}
        disabled={!canWork}
        value={incident.assigneeIds}
        filterOption={diacriticFilter}
        aria-label={t('incidents.assignees')}
        options={staff.map((u) => ({ value: u.id, label: u.displayName }))}
        onChange={(assigneeIds: string[]) =>
          void call(api(`/incidents/${incident.id}`, { method: 'PATCH', body: { assigneeIds, version: incident.version } }))
        }
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{t('incidents.checklist')}</Typography.Text>
        <Progress
          percent={tasks.length ? Math.round((done / tasks.length) * 100) : 0}
          size="small"
          style={{ width: 140 }}
          aria-label={t('incidents.checklist')}
        />
      </Space>
      <List
        size="small"
        dataSource={tasks}
        renderItem={(task) => (
          <List.Item>
            <Checkbox
              checked={task.done}
              disabled={!canWork}
              data-testid="task"
              onChange={(e) =>
                void call(
                  api(`/incidents/${incident.id}/tasks/${task.id}`, {
                    method: 'PUT',
                    body: { done: e.target.checked, version: incident.version },
                  }),
                )
              }
            >
              <span style={task.done ? { textDecoration: 'line-through', color: '#8c8c8c' } : undefined}>{task.title}</span>
            </Checkbox>
            {task.done && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {nameOf(task.doneBy)} · {formatDateTime(task.doneAt)}
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
      {canWork && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            value={newTask}
            onChange={(e) => setNewTask(e.target.value)}
            placeholder={t('incidents.addTask')}
            aria-label={t('incidents.addTask')}
            maxLength={300}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={newTask.trim().length < 2}
            onClick={() => {
              void call(
                api(`/incidents/${incident.id}/tasks`, { method: 'POST', body: { title: newTask.trim(), version: incident.version } }),
              );
              setNewTask('');
            }}
          />
        </Space.Compact>
      )}
    </Card>
  );
}
