import { Button, Card, DatePicker, Form, Input, Space, Table, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DrillView } from '@cert-hub/shared';
import { formatDate } from '../lib/format.js';
import type { PostToDrill } from './useDrillDetail.js';

/** The lessons learned of a drill, with who owns each and by when; evaluators add, managers close. */
export function DrillLessonsCard({ drill, post }: { drill: DrillView; post: PostToDrill }) {
  const { t } = useTranslation();
  const [lessonForm] = Form.useForm();
  return (
    <Card title={t('drills.lessons')} style={{ marginBottom: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={drill.lessons}
        locale={{ emptyText: t('drills.none') }}
        columns={[
          { title: t('drills.lesson'), dataIndex: 'title' },
          { title: t('drills.owner'), dataIndex: 'ownerName' },
          { title: t('drills.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
          {
            title: t('drills.status'),
            render: (_: unknown, l: DrillView['lessons'][number]) => (
              <Space>
                <Tag color={l.status === 'done' ? 'green' : 'orange'}>
                  {l.status === 'done' ? t('drills.lessonDone') : t('drills.lessonOpen')}
                </Tag>
                {drill.abilities.manage && (
                  <Button
                    size="small"
                    className="no-print"
                    onClick={() => void post(`/lessons/${l.id}`, { status: l.status === 'done' ? 'open' : 'done' }, 'PATCH')}
                  >
                    {l.status === 'done' ? t('drills.reopen') : t('drills.markDone')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {drill.abilities.evaluate && (
        <Form
          form={lessonForm}
          layout="inline"
          className="no-print"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v: { title: string; ownerName: string; dueDate: dayjs.Dayjs }) =>
            void post('/lessons', { title: v.title, ownerName: v.ownerName, dueDate: v.dueDate.format('YYYY-MM-DD') }).then(
              (ok) => ok && lessonForm.resetFields(),
            )
          }
        >
          <Form.Item name="title" label={t('drills.lesson')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="ownerName" label={t('drills.owner')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="dueDate" label={t('drills.dueDate')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Button htmlType="submit">{t('drills.addLesson')}</Button>
        </Form>
      )}
    </Card>
  );
}
