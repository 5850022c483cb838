import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnCallNow, OnCallRosterView, UserView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';
import './print.css';

interface Person {
  id: string;
  displayName: string;
  phone: string | null;
  email: string | null;
}
interface NowRow extends OnCallNow {
  teamId: string;
  teamName: string;
  primary: Person | null;
  backup: Person | null;
}

type Slot = { primaryUserId: string; backupUserId: string | null };
type OverrideForm = Slot & { window: [Dayjs, Dayjs]; reason: string };
type RosterForm = { rotationStart: Dayjs; weeks: Slot[]; overrides: OverrideForm[] };

function PersonCell({ person }: { person: Person | null }) {
  const { t } = useTranslation();
  if (!person) return <Typography.Text type="secondary">{t('oncall.none')}</Typography.Text>;
  return (
    <span>
      <strong>{person.displayName}</strong>
      {person.phone && (
        <>
          {' · '}
          <a href={`tel:${person.phone}`}>{person.phone}</a>
        </>
      )}
      {person.email && <>{` · ${person.email}`}</>}
    </span>
  );
}

/** "Who is on call now" for every team (printable), and the team rosters coordinators keep. */
export function OnCallPage() {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [rows, setRows] = useState<NowRow[]>([]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [roster, setRoster] = useState<OnCallRosterView | null>(null);
  const [members, setMembers] = useState<UserView[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RosterForm>();
  const canEdit = user.role === 'coordinator' || user.role === 'admin';

  const loadNow = useCallback(() => void api<{ items: NowRow[] }>('/oncall/now').then((r) => setRows(r.items), showError), [showError]);
  useEffect(loadNow, [loadNow]);

  useEffect(() => {
    if (!teamId) return;
    void api<{ roster: OnCallRosterView | null }>(`/teams/${teamId}/oncall`).then((r) => {
      setRoster(r.roster);
      form.setFieldsValue({
        rotationStart: r.roster ? dayjs(r.roster.rotationStart) : dayjs().startOf('week').add(1, 'day').hour(8),
        weeks: [...(r.roster?.weeks ?? [])],
        overrides: (r.roster?.overrides ?? []).map((o) => ({ ...o, window: [dayjs(o.from), dayjs(o.to)] as [Dayjs, Dayjs] })),
      });
    }, showError);
    void fetchAll<UserView>('/users', { teamId }).then(setMembers, () => setMembers([]));
  }, [teamId, form, showError]);

  const save = async () => {
    if (!teamId) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await api<OnCallRosterView>(`/teams/${teamId}/oncall`, {
        method: 'PUT',
        body: {
          version: roster?.version ?? null,
          rotationStart: v.rotationStart.toISOString(),
          weeks: (v.weeks ?? []).map((w) => ({ primaryUserId: w.primaryUserId, backupUserId: w.backupUserId ?? null })),
          overrides: (v.overrides ?? []).map((o) => ({
            from: o.window[0].toISOString(),
            to: o.window[1].toISOString(),
            primaryUserId: o.primaryUserId,
            backupUserId: o.backupUserId ?? null,
            reason: o.reason,
          })),
        },
      });
      setRoster(saved);
      void message.success(t('common.saved'));
      loadNow();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const memberOptions = members.filter((m) => !m.disabled).map((m) => ({ value: m.id, label: m.displayName }));
  const required = [{ required: true, message: t('common.required') }];

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('oncall.title')}</Typography.Title>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
          {t('oncall.print')}
        </Button>
      </Space>
      <Card title={t('oncall.now')} data-testid="oncall-now">
        <Typography.Paragraph type="secondary">{t('oncall.nowHint')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((row) => (
            <Descriptions
              key={row.teamId}
              title={<span style={{ whiteSpace: 'normal' }}>{row.teamName}</span>}
              column={1}
              size="small"
              bordered
            >
              <Descriptions.Item label={t('oncall.primary')}>
                <PersonCell person={row.primary} />
              </Descriptions.Item>
              <Descriptions.Item label={t('oncall.backup')}>
                <PersonCell person={row.backup} />
              </Descriptions.Item>
              {row.source !== 'none' && (
                <Descriptions.Item label={t('oncall.source')}>
                  <Tag>
                    {row.source === 'override' ? t('oncall.fromOverride') : t('oncall.fromRotation', { week: (row.week ?? 0) + 1 })}
                  </Tag>
                  {row.until && `${t('oncall.until')} ${formatDateTime(row.until)}`}
                </Descriptions.Item>
              )}
            </Descriptions>
          ))}
        </Space>
      </Card>

      {canEdit && (
        <Card title={t('oncall.roster')} style={{ marginTop: 16 }} className="no-print">
          <Select
            style={{ width: '100%', maxWidth: 480 }}
            placeholder={t('oncall.pickTeam')}
            aria-label={t('oncall.pickTeam')}
            options={directory.teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            value={teamId}
            onChange={setTeamId}
          />
          {teamId && (
            <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
              <Form.Item name="rotationStart" label={t('oncall.rotationStart')} rules={required}>
                <DatePicker showTime format="DD/MM/YYYY HH:mm" />
              </Form.Item>
              <Typography.Title level={5}>{t('oncall.weeks')}</Typography.Title>
              <Form.List name="weeks">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Row key={field.key} gutter={8} align="middle">
                        <Col xs={24} sm={4}>
                          <Typography.Text strong>{t('oncall.week', { n: i + 1 })}</Typography.Text>
                        </Col>
                        <Col xs={24} sm={9}>
                          <Form.Item name={[field.name, 'primaryUserId']} label={t('oncall.primary')} rules={required}>
                            <Select options={memberOptions} aria-label={`${t('oncall.primary')} ${i + 1}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} sm={9}>
                          <Form.Item name={[field.name, 'backupUserId']} label={t('oncall.backup')}>
                            <Select allowClear options={memberOptions} aria-label={`${t('oncall.backup')} ${i + 1}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} sm={2}>
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('oncall.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Col>
                      </Row>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ backupUserId: null })}>
                      {t('oncall.addWeek')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('oncall.overrides')}
              </Typography.Title>
              <Form.List name="overrides">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                        <Form.Item name={[field.name, 'window']} label={`${t('oncall.from')} – ${t('oncall.to')}`} rules={required}>
                          <DatePicker.RangePicker showTime format="DD/MM/YYYY HH:mm" />
                        </Form.Item>
                        <Row gutter={8}>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[field.name, 'primaryUserId']} label={t('oncall.primary')} rules={required}>
                              <Select options={memberOptions} aria-label={`${t('oncall.primary')} (${t('oncall.overrides')} ${i + 1})`} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[field.name, 'backupUserId']} label={t('oncall.backup')}>
                              <Select
                                allowClear
                                options={memberOptions}
                                aria-label={`${t('oncall.backup')} (${t('oncall.overrides')} ${i + 1})`}
                              />
                            </Form.Item>
                          </Col>
                        </Row>
                        <Form.Item name={[field.name, 'reason']} label={t('oncall.reason')} rules={required}>
                          <Input maxLength={300} />
                        </Form.Item>
                        <Button danger size="small" onClick={() => remove(field.name)}>
                          {t('oncall.remove')}
                        </Button>
                      </Card>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ backupUserId: null })}>
                      {t('oncall.addOverride')}
                    </Button>
                  </>
                )}
              </Form.List>
              <div style={{ marginTop: 16 }}>
                <Button type="primary" loading={busy} onClick={() => void save()}>
                  {t('common.save')}
                </Button>
              </div>
            </Form>
          )}
        </Card>
      )}
    </>
  );
}
