import { CopyOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Avatar,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import {
  IMPACT_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  type AttachmentView,
  type CommentView,
  type DomainEventView,
  type Impact,
  type IncidentAbility,
  type IncidentStatus,
  type IncidentView,
} from '@cert-hub/shared';
import { AuthorBadge } from '../access/AuthorBadge.js';
import { api, ApiError, apiUpload, downloadFile } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';
import { IndicatorTypeTag, IndicatorValue, IocHelp, TlpTag } from './IndicatorHelp.js';
import { PrintButton } from './PrintButton.js';
import { IncidentFlags, SeverityTag, StatusTag, useCategoryLabel } from './labels.js';
import { Markdown } from './Markdown.js';
import { IncidentRoutingPanel } from '../routing/IncidentRoutingPanel.js';
import { WorkPanel } from './WorkPanel.js';
import { TransitionModal } from './TransitionModal.js';
import { usePresence } from './usePresence.js';
import { useDomainEvents } from '../realtime/LiveProvider.js';
import { IncidentDocuments } from '../reports/IncidentDocuments.js';

const LIFECYCLE: IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed'];

/**
 * One incident as its reader needs it. The agency: status, what the CERT did that it may
 * see, questions to answer, the closing report to confirm. The CERT: all of it, plus moves.
 * Everything people typed is rendered as text, never as markup.
 */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useLabel();
  const categoryLabel = useCategoryLabel();
  const user = useUser();
  const directory = useDirectory();
  const showError = useApiError();
  const { message } = App.useApp();
  const [incident, setIncident] = useState<IncidentView | null>(null);
  const [missing, setMissing] = useState(false);
  const [events, setEvents] = useState<DomainEventView[]>([]);
  const [comments, setComments] = useState<CommentView[]>([]);
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);
  const [reply, setReply] = useState('');
  const [visibility, setVisibility] = useState<'agency' | 'internal'>('agency');
  const [moving, setMoving] = useState<IncidentStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmForm] = Form.useForm();

  const load = useCallback(async () => {
    try {
      const [i, tl, cs, as] = await Promise.all([
        api<IncidentView>(`/incidents/${id}`),
        api<{ items: DomainEventView[] }>(`/incidents/${id}/timeline`),
        api<{ items: CommentView[] }>(`/incidents/${id}/comments`),
        api<{ items: AttachmentView[] }>(`/incidents/${id}/attachments`),
      ]);
      setIncident(i);
      setEvents(tl.items);
      setComments(cs.items);
      setAttachments(as.items);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else showError(e);
    }
  }, [id, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  // Live: any change to this incident refreshes what is on screen.
  useDomainEvents((m) => {
    if (m.event.incidentId !== id) return;
    if (m.incident) setIncident((current) => (!current || current.version <= m.incident!.version ? m.incident : current));
    void load();
  });
  const presence = usePresence(id, user.id);

  if (missing) return <Result status="404" title="404" subTitle={t('common.forbidden')} />;
  if (!incident) return <Spin />;

  // What this user may do comes with the record (shared access rules on the hub), never re-derived here.
  const can = (ability: IncidentAbility) => incident.abilities.includes(ability);
  const isAgency = !can('see_internal');
  const canWork = can('transition');
  const canComment = can('comment_agency') || can('comment_internal');
  const canConfirm = can('confirm_closure') && incident.status === 'closed' && incident.closingReport && !incident.closureConfirmation;
  const status = incident.status as IncidentStatus;

  const sendComment = async () => {
    if (!reply.trim()) return;
    try {
      await api(`/incidents/${id}/comments`, { method: 'POST', body: { body: reply, visibility: isAgency ? 'agency' : visibility } });
      setReply('');
      await load();
    } catch (e) {
      showError(e);
    }
  };

  const confirm = async (values: { note?: string }) => {
    try {
      setIncident(
        await api<IncidentView>(`/incidents/${id}/closure-confirmation`, {
          method: 'POST',
          body: { version: incident.version, note: values.note || null },
        }),
      );
      setConfirming(false);
      await load();
    } catch (e) {
      showError(e);
    }
  };

  // Which fields an edit changed, in words (an assignment says "Người xử lý", not just "updated").
  const FIELD_LABELS: Record<string, string> = {
    assigneeIds: t('incidents.assignees'),
    severity: t('incidents.severity'),
    category: t('incidents.category'),
    title: t('incidents.heading'),
    tags: t('usability.tags'),
  };
  const eventText = (e: DomainEventView) => {
    const data = e.data as {
      to?: IncidentStatus;
      fileName?: string;
      visibility?: string;
      title?: string;
      done?: boolean;
      added?: boolean;
      target?: string;
      changes?: Record<string, unknown>;
    };
    if (e.type === 'incident.task_updated' && data.title)
      return t(data.added ? 'usability.taskAdded' : data.done ? 'usability.taskDone' : 'usability.taskUndone', { title: data.title });
    if (e.type === 'incident.updated' && data.changes && Object.keys(data.changes).length > 0)
      return t('usability.updatedFields', {
        fields: Object.keys(data.changes)
          .map((key) => (FIELD_LABELS[key] ?? key).toLowerCase())
          .join(', '),
      });
    return t([`incidents.event.${e.type}`, `notify.events.${e.type}`], {
      status: data.to ? label(STATUS_LABELS[data.to]) : '',
      // A file's name, or a checklist task's.
      name: data.fileName ?? data.title ?? '',
      target: data.target ? t(`notify.targets.${data.target}`) : '',
      defaultValue: t(`routing.event.${e.type}`, { defaultValue: e.type }),
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="incident-page">
      <Card>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="incident-code">
              {incident.code}
            </Typography.Title>
            <StatusTag status={incident.status} />
            <SeverityTag severity={incident.severity} />
            <IncidentFlags serious={incident.serious} lateReport={incident.lateReport} drill={incident.drill} />
            <TlpTag tlp={incident.tlp} />
            <IncidentDocuments incident={incident} />
            <PrintButton />
            {presence.viewers.length > 0 && (
              <Tooltip title={presence.viewers.map((v) => v.name).join(', ')}>
                <Space size={4} data-testid="viewers">
                  <Typography.Text type="secondary">{t('incidents.alsoViewing')}</Typography.Text>
                  <Avatar.Group size="small" max={{ count: 4 }}>
                    {presence.viewers.map((v) => (
                      <Avatar key={v.id} size="small" style={{ background: '#1677ff' }}>
                        {v.name.slice(0, 1)}
                      </Avatar>
                    ))}
                  </Avatar.Group>
                </Space>
              </Tooltip>
            )}
          </Space>
          <Typography.Title level={4} style={{ marginTop: 4 }} data-testid="incident-title">
            {incident.title}
          </Typography.Title>
          {status !== 'rejected' ? (
            <Steps size="small" current={LIFECYCLE.indexOf(status)} items={LIFECYCLE.map((s) => ({ title: label(STATUS_LABELS[s]) }))} />
          ) : (
            <Alert type="warning" showIcon message={`${label(STATUS_LABELS.rejected)}: ${incident.rejectionReason ?? ''}`} />
          )}
          {canWork && TRANSITIONS[status].length > 0 && (
            <Space wrap style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('incidents.move')}:</Typography.Text>
              {TRANSITIONS[status].map((to) => (
                <Button key={to} onClick={() => setMoving(to)} danger={to === 'rejected'}>
                  {label(STATUS_LABELS[to])}
                </Button>
              ))}
            </Space>
          )}
        </Space>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('common.details')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('incidents.agency')}>{directory.agencyName(incident.agencyId)}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.category')}>{categoryLabel(incident.category)}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.system')}>
                  {incident.systemName ?? t('common.none')}
                  {incident.systemLevel ? ` · ${t('systems.levelN', { level: incident.systemLevel })}` : ''}
                  {incident.nationalCritical ? ` · ${t('systems.critical')}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('incidents.detectedAt')}>{formatDateTime(incident.detectedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.reportedAt')}>{formatDateTime(incident.reportedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.reportedVia')}>
                  {t(`incidents.via.${incident.reportedVia}`)} · {incident.reporter.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('incidents.contact')}>
                  {incident.contact ? `${incident.contact.name} · ${incident.contact.phone}` : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('incidents.supportRequested')}>
                  {incident.supportRequested ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('incidents.detectionMethod')}>{incident.detectionMethod ?? t('common.none')}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.impacts')}>
                  {incident.impacts.length
                    ? incident.impacts.map((i) => <Tag key={i}>{label(IMPACT_LABELS[i as Impact], i)}</Tag>)
                    : t('common.none')}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5}>{t('incidents.description')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="incident-description">
                {incident.description}
              </Typography.Paragraph>
              {incident.actionsTaken && (
                <>
                  <Typography.Title level={5}>{t('incidents.actionsTaken')}</Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{incident.actionsTaken}</Typography.Paragraph>
                </>
              )}
            </Card>

            <Card title={t('incidents.indicators')} extra={<IocHelp />}>
              <Table
                size="small"
                rowKey={(x) => `${x.type}:${x.value}`}
                pagination={false}
                dataSource={incident.indicators}
                locale={{ emptyText: t('common.none') }}
                columns={[
                  {
                    title: t('incidents.indicatorType'),
                    dataIndex: 'type',
                    render: (v: string) => <IndicatorTypeTag type={v} />,
                    width: 170,
                  },
                  {
                    title: t('incidents.indicatorValue'),
                    render: (_: unknown, x) => <IndicatorValue type={x.type} value={x.value} />,
                  },
                  {
                    width: 60,
                    render: (_: unknown, x) => (
                      <Tooltip title={t('incidents.copy')}>
                        <Button
                          size="small"
                          icon={<CopyOutlined />}
                          aria-label={t('incidents.copy')}
                          onClick={() => void navigator.clipboard.writeText(x.value).then(() => message.success(t('incidents.copied')))}
                        />
                      </Tooltip>
                    ),
                  },
                ]}
              />
            </Card>

            <Card
              title={t('incidents.attachments')}
              extra={
                can('attach') && (
                  <Upload
                    showUploadList={false}
                    customRequest={({ file, onSuccess, onError }) => {
                      apiUpload(`/incidents/${id}/attachments`, file as File)
                        .then((r) => {
                          onSuccess?.(r);
                          void load();
                        })
                        .catch((e: unknown) => {
                          onError?.(e as Error);
                          showError(e);
                        });
                    }}
                  >
                    <Button icon={<UploadOutlined />}>{t('incidents.upload')}</Button>
                  </Upload>
                )
              }
            >
              <List
                size="small"
                dataSource={attachments}
                className="incident-attachments"
                locale={{ emptyText: t('common.none') }}
                renderItem={(a) => (
                  <List.Item
                    actions={[
                      <Button
                        key="dl"
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() => void downloadFile(`/incidents/${id}/attachments/${a.id}`, a.fileName).catch(showError)}
                      >
                        {t('incidents.download')}
                      </Button>,
                    ]}
                  >
                    <span data-testid="attachment">{a.fileName}</span>
                    <Typography.Text type="secondary" className="attachment-meta">
                      {' '}
                      · {Math.ceil(a.size / 1024)} KB · {formatDateTime(a.createdAt)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>

            {incident.closingReport && (
              <Card title={t('incidents.closingReport')} data-testid="closing-report">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('incidents.rootCause')}>{incident.closingReport.rootCause}</Descriptions.Item>
                  <Descriptions.Item label={t('incidents.actionsTaken')}>{incident.closingReport.actionsTaken}</Descriptions.Item>
                  <Descriptions.Item label={t('incidents.damage')}>{incident.closingReport.damage}</Descriptions.Item>
                  <Descriptions.Item label={t('incidents.recoveryTime')}>{incident.closingReport.recoveryTime}</Descriptions.Item>
                  <Descriptions.Item label={t('incidents.recommendations')}>{incident.closingReport.recommendations}</Descriptions.Item>
                </Descriptions>
                {incident.closureConfirmation ? (
                  <Alert
                    type="success"
                    showIcon
                    message={t('incidents.confirmed', { at: formatDateTime(incident.closureConfirmation.at) })}
                    description={incident.closureConfirmation.note}
                  />
                ) : (
                  canConfirm && (
                    <Button type="primary" onClick={() => setConfirming(true)}>
                      {t('incidents.confirmClosure')}
                    </Button>
                  )
                )}
              </Card>
            )}
          </Space>
        </Col>

        <Col xs={24} xl={9}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {!isAgency && <WorkPanel incident={incident} canWork={canWork} onChanged={setIncident} />}
            <IncidentRoutingPanel incident={incident} onChanged={setIncident} />
            <Card title={isAgency ? t('incidents.conversation') : t('usability.conversationStaff')}>
              <List
                dataSource={comments}
                locale={{ emptyText: <Empty description={t('incidents.noComments')} /> }}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space size={4} wrap>
                          <span className="comment-author">{c.author.name}</span>
                          <AuthorBadge author={c.author} />
                          {c.visibility === 'internal' && <Tag style={{ whiteSpace: 'nowrap' }}>{t('incidents.internalNote')}</Tag>}
                          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12, whiteSpace: 'nowrap' }}>
                            {formatDateTime(c.createdAt)}
                          </Typography.Text>
                        </Space>
                      }
                      description={
                        <div data-testid="comment">
                          <Markdown text={c.body} />
                        </div>
                      }
                    />
                  </List.Item>
                )}
              />
              {isAgency && incident.status === 'closed' && (
                <Alert type="info" showIcon message={t('usability.closedNotice')} data-testid="closed-notice" />
              )}
              {canComment && (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {!isAgency && (
                    <Radio.Group
                      size="small"
                      value={visibility}
                      onChange={(e) => setVisibility(e.target.value as 'agency' | 'internal')}
                      options={[
                        { value: 'agency', label: t('incidents.toAgency') },
                        { value: 'internal', label: t('incidents.internalNote') },
                      ]}
                    />
                  )}
                  {presence.typing.length > 0 && (
                    <Typography.Text type="secondary" data-testid="typing">
                      {t('incidents.typing', { names: presence.typing.join(', ') })}
                    </Typography.Text>
                  )}
                  <Input.TextArea
                    rows={3}
                    value={reply}
                    onChange={(e) => {
                      setReply(e.target.value);
                      presence.noteTyping(isAgency ? 'agency' : visibility);
                    }}
                    aria-label={t('incidents.reply')}
                    placeholder={t('incidents.reply')}
                    maxLength={10_000}
                  />
                  <Button type="primary" onClick={() => void sendComment()} disabled={!reply.trim()}>
                    {t('incidents.send')}
                  </Button>
                </Space>
              )}
            </Card>

            <Card title={t('incidents.timeline')}>
              <Timeline
                items={events.map((e) => ({
                  key: e.seq,
                  children: (
                    <div data-testid="timeline-item">
                      <Typography.Text strong>{eventText(e)}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">
                        {formatDateTime(e.at)}
                        {e.actor?.username ? ` · ${e.actor.username}` : ''}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>

      <TransitionModal
        incident={incident}
        to={moving}
        onClose={() => setMoving(null)}
        onMoved={(next) => {
          setIncident(next);
          setMoving(null);
          void load();
        }}
        onConflict={setIncident}
      />

      <Modal
        open={confirming}
        title={t('incidents.confirmClosure')}
        onCancel={() => setConfirming(false)}
        onOk={() => confirmForm.submit()}
        okText={t('incidents.confirmClosure')}
        cancelText={t('common.cancel')}
      >
        <Form form={confirmForm} layout="vertical" onFinish={(v) => void confirm(v)} name="confirmClosure">
          <Form.Item name="note" label={t('incidents.confirmNote')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
