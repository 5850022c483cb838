import { App, Button, Card, Descriptions, Form, Input, List, Modal, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TLP_LEVELS, UPWARD_CHANNELS, type IncidentView, type RoutingRuleView, type UpwardNotificationView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';

interface Props {
  incident: IncidentView;
  onChanged: (incident: IncidentView) => void;
}

type SeriousAction = 'confirm' | 'declare' | 'withdraw' | 'clear';

/**
 * The incident room's routing side: who owns it and by which rule, a coordinator's
 * transfer / add-a-body dialog, the serious-incident panel (R2 as corrected) and the
 * upward notifications per recipient.
 */
/** The fields of the routing forms below, as antd hands them back. */
interface RerouteValues {
  action: 'add_team' | 'transfer' | 'remove_team';
  teamId: string;
  reason: string;
}
type UpwardValues = Partial<Pick<UpwardNotificationView, 'channel' | 'content' | 'tlp'>> & {
  sent?: boolean;
  acknowledged?: boolean;
  documentNumber?: string | null;
  acknowledgement?: string | null;
};

export function IncidentRoutingPanel({ incident, onChanged }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [rules, setRules] = useState<RoutingRuleView[]>([]);
  const [upward, setUpward] = useState<UpwardNotificationView[]>([]);
  const [rerouting, setRerouting] = useState(false);
  const [deciding, setDeciding] = useState<SeriousAction | null>(null);
  const [editingUpward, setEditingUpward] = useState<UpwardNotificationView | null>(null);
  const [followUps, setFollowUps] = useState<Record<string, string>>({});
  const [rerouteForm] = Form.useForm<RerouteValues>();
  const [decisionForm] = Form.useForm<{ reason: string }>();
  const [upwardForm] = Form.useForm<UpwardValues>();
  const isAgency = user.role === 'focal_point';
  const isCoordinator = user.role === 'coordinator';
  const s = incident.seriousness;

  useEffect(() => {
    if (!isAgency)
      void api<{ items: RoutingRuleView[] }>('/routing/rules').then(
        (r) => setRules(r.items),
        () => undefined,
      );
  }, [isAgency]);
  const loadUpward = useCallback(() => {
    if (isAgency) return;
    void api<{ items: UpwardNotificationView[] }>(`/incidents/${incident.id}/upward-notifications`).then(
      (r) => setUpward(r.items),
      showError,
    );
  }, [incident.id, isAgency, showError]);
  // Serious flips prepare notifications: reload whenever the incident changes.
  useEffect(loadUpward, [loadUpward, incident.version]);

  const call = async (path: string, method: 'POST' | 'PUT', body: object) => {
    try {
      onChanged(await api<IncidentView>(path, { method, body }));
      void message.success(t('common.saved'));
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };

  const reroute = async () => {
    const v = await rerouteForm.validateFields();
    if (await call(`/incidents/${incident.id}/routing`, 'POST', { version: incident.version, ...v })) setRerouting(false);
  };
  const decide = async () => {
    const v = await decisionForm.validateFields();
    if (await call(`/incidents/${incident.id}/serious`, 'POST', { version: incident.version, action: deciding, reason: v.reason }))
      setDeciding(null);
  };
  const answer = (canHandleAlone: boolean) =>
    void call(`/incidents/${incident.id}/assessment`, 'PUT', { version: incident.version, canHandleAlone });

  const saveUpward = async () => {
    if (!editingUpward) return;
    const v = await upwardForm.validateFields();
    try {
      await api(`/incidents/${incident.id}/upward-notifications/${editingUpward.id}`, {
        method: 'PATCH',
        body: {
          version: editingUpward.version,
          ...v,
          documentNumber: v.documentNumber || null,
          acknowledgement: v.acknowledgement || null,
        },
      });
      setEditingUpward(null);
      loadUpward();
    } catch (e) {
      showError(e);
      loadUpward();
    }
  };
  const addFollowUp = async (n: UpwardNotificationView) => {
    const note = followUps[n.id]?.trim();
    if (!note) return;
    try {
      await api(`/incidents/${incident.id}/upward-notifications/${n.id}/follow-ups`, {
        method: 'POST',
        body: { version: n.version, note },
      });
      setFollowUps((f) => ({ ...f, [n.id]: '' }));
      loadUpward();
    } catch (e) {
      showError(e);
    }
  };

  const rule = rules.find((r) => r.id === incident.routing.ruleId);
  const statusColor = { prepared: 'default', sent: 'blue', acknowledged: 'green' } as const;

  return (
    <>
      {!isAgency && (
        <Card
          title={t('routing.routingCard')}
          data-testid="routing-card"
          extra={
            isCoordinator && (
              <Button size="small" onClick={() => (rerouteForm.resetFields(), setRerouting(true))}>
                {t('routing.reroute')}
              </Button>
            )
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('routing.owningTeam')}>
              {incident.routing.teamId ? directory.teamName(incident.routing.teamId) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.rule')}>
              {rule?.name ?? (incident.routing.ruleId ? incident.routing.ruleId : t('routing.defaultRule'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.informed')}>
              {incident.routing.informedTeamIds.map((id) => directory.teamName(id)).join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.reasons')}>
              {(incident.routing.reasons ?? []).map((r) => (
                <Tag key={r} style={{ whiteSpace: 'normal' }}>
                  {t(`codes.routingReasons.${r}`, { defaultValue: r })}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Card title={t('routing.seriousCard')} data-testid="serious-card">
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Tag color={incident.serious ? 'red' : 'default'} data-testid="serious-state">
              {incident.serious ? t('routing.isSerious') : t('routing.notSerious')}
            </Tag>
            {s.mayExceedCapacity && <Tag color="volcano">{t('routing.emergency')}</Tag>}
          </div>
          <Typography.Text>{s.meetsCriteria ? t('routing.meetsCriteria') : t('routing.notMeetsCriteria')}</Typography.Text>
          {s.criteria.length > 0 && (
            <div>
              {s.criteria.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            </div>
          )}
          <Typography.Text>
            {s.canHandleAlone === null
              ? t('routing.agencyUnanswered')
              : s.canHandleAlone
                ? t('routing.agencyCan')
                : t('routing.agencyCannot')}
          </Typography.Text>
          {isAgency && (
            <Space wrap>
              <Typography.Text strong>{t('routing.canHandleAloneQuestion')}</Typography.Text>
              <Button size="small" onClick={() => answer(true)}>
                {t('routing.yesCan')}
              </Button>
              <Button size="small" danger onClick={() => answer(false)}>
                {t('routing.noCannot')}
              </Button>
            </Space>
          )}
          {s.decision && (
            <Typography.Text type="secondary">
              {t('routing.decision')}: {s.decision.serious ? t('routing.isSerious') : t('routing.notSerious')} — {s.decision.reason} (
              {formatDateTime(s.decision.at)})
            </Typography.Text>
          )}
          {isCoordinator && (
            <Space wrap>
              {incident.serious && !s.decision && <Button onClick={() => setDeciding('confirm')}>{t('routing.confirm')}</Button>}
              {!incident.serious && (
                <Button danger onClick={() => setDeciding('declare')}>
                  {t('routing.declare')}
                </Button>
              )}
              {incident.serious && <Button onClick={() => setDeciding('withdraw')}>{t('routing.withdraw')}</Button>}
              {s.decision && <Button onClick={() => setDeciding('clear')}>{t('routing.clear')}</Button>}
            </Space>
          )}
        </Space>
      </Card>

      {!isAgency && upward.length > 0 && (
        <Card title={t('routing.upward')} data-testid="upward-card">
          <Typography.Paragraph type="secondary">{t('routing.upwardHint')}</Typography.Paragraph>
          <List
            dataSource={upward}
            renderItem={(n) => (
              <List.Item key={n.id} style={{ display: 'block' }}>
                <Space wrap>
                  <Typography.Text strong>{n.recipientName}</Typography.Text>
                  <Tag color={statusColor[n.status]}>{t(`routing.status.${n.status}`)}</Tag>
                  <Tag>{`TLP:${n.tlp.toUpperCase()}`}</Tag>
                </Space>
                <div>
                  {n.channel && `${t(`routing.channels.${n.channel}`)} · `}
                  {n.sentAt && `${t('routing.sentAt')} ${formatDateTime(n.sentAt)} · `}
                  {n.documentNumber && `${t('routing.documentNumber')} ${n.documentNumber}`}
                </div>
                {n.acknowledgedAt && (
                  <div>
                    {t('routing.acknowledged')}: {formatDateTime(n.acknowledgedAt)} {n.acknowledgement}
                  </div>
                )}
                {n.followUps.map((f) => (
                  <div key={f.at + f.note}>
                    <Typography.Text type="secondary">{formatDateTime(f.at)}</Typography.Text> {f.note}
                  </div>
                ))}
                {isCoordinator && (
                  <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                    <Button
                      onClick={() => (
                        upwardForm.setFieldsValue({ ...n, sent: Boolean(n.sentAt), acknowledged: Boolean(n.acknowledgedAt) }),
                        setEditingUpward(n)
                      )}
                    >
                      {t('routing.record')}
                    </Button>
                    <Input
                      aria-label={`${t('routing.addFollowUp')}: ${n.recipientName}`}
                      placeholder={t('routing.addFollowUp')}
                      value={followUps[n.id] ?? ''}
                      onChange={(e) => setFollowUps((f) => ({ ...f, [n.id]: e.target.value }))}
                      onPressEnter={() => void addFollowUp(n)}
                    />
                  </Space.Compact>
                )}
              </List.Item>
            )}
          />
        </Card>
      )}

      <Modal
        open={rerouting}
        title={t('routing.rerouteTitle')}
        onCancel={() => setRerouting(false)}
        onOk={() => void reroute()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={rerouteForm} layout="vertical" initialValues={{ action: 'add_team' }}>
          <Form.Item name="action" label={t('routing.action')}>
            <Radio.Group
              options={[
                { value: 'add_team', label: t('routing.addTeam') },
                { value: 'transfer', label: t('routing.transfer') },
                { value: 'remove_team', label: t('routing.removeTeam') },
              ]}
            />
          </Form.Item>
          <Form.Item name="teamId" label={t('routing.team')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              filterOption={diacriticFilter}
              options={directory.teams.map((tm) => ({ value: tm.id, label: tm.name }))}
              aria-label={t('routing.team')}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('routing.reason')} rules={[{ required: true, min: 3, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={deciding !== null}
        title={deciding ? t(`routing.${deciding}`) : ''}
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={decisionForm} layout="vertical">
          <Form.Item name="reason" label={t('routing.reason')} rules={[{ required: true, min: 3, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={editingUpward !== null}
        title={editingUpward?.recipientName}
        onCancel={() => setEditingUpward(null)}
        onOk={() => void saveUpward()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={upwardForm} layout="vertical">
          <Form.Item name="channel" label={t('routing.channel')}>
            <Select
              allowClear
              options={UPWARD_CHANNELS.map((c) => ({ value: c, label: t(`routing.channels.${c}`) }))}
              aria-label={t('routing.channel')}
            />
          </Form.Item>
          <Form.Item name="sent" label={t('routing.sent')} valuePropName="checked">
            <Switch aria-label={t('routing.sent')} />
          </Form.Item>
          <Form.Item name="documentNumber" label={t('routing.documentNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('routing.content')}>
            <Input.TextArea rows={3} maxLength={20_000} />
          </Form.Item>
          <Form.Item name="tlp" label="TLP">
            <Select options={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))} aria-label="TLP" />
          </Form.Item>
          <Form.Item name="acknowledged" label={t('routing.acknowledged')} valuePropName="checked">
            <Switch aria-label={t('routing.acknowledged')} />
          </Form.Item>
          <Form.Item name="acknowledgement" label={t('routing.acknowledgement')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
