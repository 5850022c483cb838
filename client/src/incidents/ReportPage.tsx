import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Switch,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  IMPACT_LABELS,
  IMPACTS,
  INCIDENT_CATEGORIES,
  indicatorSchema,
  phoneSchema,
  type AgencyView,
  type IncidentView,
  type Page,
  type SystemView,
} from '@cert-hub/shared';
import { api, ApiError, apiUpload } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { TIME_ZONE } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';
import { fetchAll } from '../lib/useCursorList.js';
import { zodRule } from '../lib/zodRule.js';
import { errorText, schemaIssueText } from '../messages/issues.js';
import { IndicatorTypeSelect, IocHelp, IocIntro, TlpChoice, TlpLabel } from './IndicatorHelp.js';
import { sendUntilAnswered, type Attempt } from './persistentSend.js';
import { discardDraft, loadDraft, newDraft, saveDraft, type ReportDraft } from './reportDraft.js';

const OTHER_SYSTEM = '__other__';
const MAX_FILES = 20;

type Phase =
  | { kind: 'editing' }
  | { kind: 'sending'; attempt: Attempt }
  | { kind: 'uploading'; name: string; attempt: Attempt }
  | { kind: 'done'; incident: { id: string; code: string }; rejected: string[] };

/** The picked wall-clock time read as Hà Nội time, whatever the browser's zone. */
const toIso = (value: Dayjs) => dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), TIME_ZONE).toISOString();
const fromIso = (iso: string) => dayjs(dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm'));

/** Form values as they are kept in the draft (dates as ISO strings). */
function serialise(values: Record<string, unknown>): Record<string, unknown> {
  const detectedAt = values.detectedAt as Dayjs | undefined;
  return { ...values, detectedAt: detectedAt && dayjs.isDayjs(detectedAt) ? toIso(detectedAt) : undefined };
}
function deserialise(values: Record<string, unknown>): Record<string, unknown> {
  return { ...values, detectedAt: typeof values.detectedAt === 'string' ? fromIso(values.detectedAt) : undefined };
}

/**
 * Enter in a one-line field (the date picker confirms its date with it) must not file the
 * whole report: only the submit button does. Text areas keep their new lines.
 */
function keepEnterInField(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
}

/**
 * The initial report (báo cáo ban đầu), written by a focal point or by the CERT for an
 * agency. Kept as a draft in the browser until acknowledged; sent with an Idempotency-Key
 * and retried until the hub answers; the user always sees which state the report is in.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const [form] = Form.useForm();
  const showError = useApiError();
  const directory = useDirectory();
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [systems, setSystems] = useState<SystemView[]>([]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<ReportDraft | null>(null);
  const isAgency = user.role === 'focal_point';
  const agencyId = Form.useWatch('agencyId', form) as string | undefined;
  const systemChoice = Form.useWatch('systemId', form) as string | undefined;

  // Open the draft (or start one, with its Idempotency-Key) before anything is typed.
  useEffect(() => {
    void (async () => {
      const existing = await loadDraft(user.id);
      const current = existing ?? newDraft();
      if (!existing) await saveDraft(user.id, current);
      latest.current = current;
      setDraft(current);
      if (existing) {
        setRestored(Object.keys(existing.values).length > 0 || existing.files.length > 0);
        form.setFieldsValue(deserialise(existing.values));
        if (existing.incidentId) void send(current);
      } else {
        form.setFieldsValue({ agencyId: user.agencyId ?? undefined, tlp: 'amber', impacts: [], indicators: [], supportRequested: true });
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.id]);

  useEffect(() => {
    if (isAgency) return;
    void fetchAll<AgencyView>('/agencies').then(setAgencies, showError);
  }, [isAgency, showError]);

  useEffect(() => {
    const id = isAgency ? user.agencyId : agencyId;
    if (!id) return setSystems([]);
    void api<Page<SystemView>>(`/systems?agencyId=${id}&limit=200`).then((p) => setSystems(p.items), showError);
  }, [isAgency, user.agencyId, agencyId, showError]);

  // The latest draft lives in a ref: a debounced save must not write back an older copy.
  const update = (change: (current: ReportDraft) => ReportDraft) => {
    if (!latest.current) return latest.current;
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
    void saveDraft(user.id, next);
    return next;
  };
  const persist = (next: ReportDraft) => update(() => next);

  const onValuesChange = () => {
    if (phase.kind !== 'editing') return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(
      () =>
        update((d) => ({ ...d, values: serialise(form.getFieldsValue(true) as Record<string, unknown>), savedAt: dayjs().toISOString() })),
      250,
    );
  };

  const buildBody = (values: Record<string, unknown>) => {
    const fromRegistry = values.systemId && values.systemId !== OTHER_SYSTEM;
    return {
      agencyId: isAgency ? user.agencyId : values.agencyId,
      systemId: fromRegistry ? values.systemId : null,
      systemName: fromRegistry ? null : values.systemName || null,
      systemLevel: fromRegistry ? null : (values.systemLevel ?? null),
      title: values.title,
      category: values.category,
      description: values.description,
      detectedAt: values.detectedAt,
      detectionMethod: values.detectionMethod || null,
      impacts: values.impacts ?? [],
      indicators: ((values.indicators as { type: string; value: string }[] | undefined) ?? []).filter((i) => i?.value),
      actionsTaken: values.actionsTaken || null,
      supportRequested: Boolean(values.supportRequested),
      // R2 (c) and R1's emergency report, as the agency answers them.
      canHandleAlone: values.canHandleAlone === 'yes' ? true : values.canHandleAlone === 'no' ? false : null,
      mayExceedCapacity: Boolean(values.mayExceedCapacity),
      tlp: values.tlp,
      contact: !isAgency && values.contactName ? { name: values.contactName, phone: values.contactPhone } : null,
    };
  };

  /** Sends the report (if not yet acknowledged), then every file not yet acknowledged. */
  const send = async (start: ReportDraft) => {
    let current = start;
    try {
      if (!current.incidentId) {
        const body = buildBody(current.values);
        const incident = await sendUntilAnswered(
          () => api<IncidentView>('/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': current.key } }),
          (attempt) => setPhase({ kind: 'sending', attempt }),
        );
        current = { ...current, incidentId: incident.id, incidentCode: incident.code };
        persist(current);
      }
      const rejected: string[] = [];
      for (const [index, file] of current.files.entries()) {
        if (current.uploaded.includes(index)) continue;
        try {
          await sendUntilAnswered(
            () => apiUpload(`/incidents/${current.incidentId}/attachments`, file, { 'Idempotency-Key': `${current.key}-file-${index}` }),
            (attempt) => setPhase({ kind: 'uploading', name: file.name, attempt }),
          );
        } catch (error) {
          rejected.push(
            t('incidents.fileRejected', {
              name: file.name,
              reason: error instanceof ApiError ? errorText(t, error.code) : t('common.offline'),
            }),
          );
        }
        current = { ...current, uploaded: [...current.uploaded, index] };
        persist(current);
      }
      await discardDraft(user.id);
      setPhase({ kind: 'done', incident: { id: current.incidentId!, code: current.incidentCode! }, rejected });
    } catch (error) {
      setPhase({ kind: 'editing' });
      showError(error, form);
    }
  };

  const submit = async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    const next = update((d) => ({ ...d, values: serialise(form.getFieldsValue(true) as Record<string, unknown>) }));
    if (next) await send(next);
  };

  const startOver = async () => {
    await discardDraft(user.id);
    const fresh = newDraft();
    await saveDraft(user.id, fresh);
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setPhase({ kind: 'editing' });
    form.resetFields();
    form.setFieldsValue({ agencyId: user.agencyId ?? undefined, tlp: 'amber', impacts: [], indicators: [], supportRequested: true });
  };

  const step = phase.kind === 'editing' ? 0 : phase.kind === 'sending' ? 1 : phase.kind === 'uploading' ? 3 : 2;
  const status = useMemo(() => {
    if (phase.kind === 'sending')
      return phase.attempt.retryInMs
        ? { type: 'warning' as const, text: t('incidents.retrying', { seconds: Math.round(phase.attempt.retryInMs / 1000) }) }
        : { type: 'info' as const, text: t('incidents.sending', { attempt: phase.attempt.attempt }) };
    if (phase.kind === 'uploading')
      return phase.attempt.retryInMs
        ? { type: 'warning' as const, text: t('incidents.retrying', { seconds: Math.round(phase.attempt.retryInMs / 1000) }) }
        : { type: 'info' as const, text: t('incidents.uploading', { name: phase.name, attempt: phase.attempt.attempt }) };
    return null;
  }, [phase, t]);

  const receivedTitle = t('incidents.received', { code: '\u0000' }).split('\u0000');
  // The standing team's number, for "who do I call" right after filing.
  const hotline = directory.teams.find((team) => team.isStanding);
  if (phase.kind === 'done')
    return (
      <Result
        status="success"
        title={
          // The code is said once, in the title, and marked so it can be found.
          <>
            {receivedTitle[0]}
            <span data-testid="received-code">{phase.incident.code}</span>
            {receivedTitle[1]}
          </>
        }
        subTitle={
          <Space direction="vertical" size={4} style={{ maxWidth: 560 }}>
            <span>{t('usability.nextSteps')}</span>
            {hotline?.phone && (
              <Typography.Text strong>
                {t('usability.callUs', { team: hotline.name, phone: '' })}
                <a href={`tel:${hotline.phone.replace(/[^+0-9]/g, '')}`}>{hotline.phone}</a>
              </Typography.Text>
            )}
          </Space>
        }
        extra={[
          <Link key="open" to={`/incidents/${phase.incident.id}`}>
            <Button type="primary">{t('common.details')}</Button>
          </Link>,
          <Button key="new" onClick={() => void startOver()}>
            {t('incidents.report')}
          </Button>,
        ]}
      >
        {phase.rejected.length > 0 &&
          phase.rejected.map((r) => <Alert key={r} type="error" showIcon message={r} style={{ marginBottom: 8 }} />)}
      </Result>
    );

  const required = { required: true, message: t('common.required') };
  const busy = phase.kind !== 'editing';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('incidents.report')}</Typography.Title>
        {restored && phase.kind === 'editing' && <Button onClick={() => void startOver()}>{t('incidents.discardDraft')}</Button>}
      </div>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('incidents.stepDraft') },
          { title: t('incidents.stepSending') },
          { title: t('incidents.stepReceived') },
          { title: t('incidents.stepFiles') },
        ]}
      />
      {restored && phase.kind === 'editing' && (
        <Alert type="info" showIcon message={t('incidents.draftRestored')} data-testid="draft-restored" />
      )}
      {status && <Alert type={status.type} showIcon message={status.text} data-testid="send-status" role="status" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={() => void submit()}
        onKeyDown={keepEnterInField}
        onValuesChange={onValuesChange}
        disabled={busy}
        name="report"
        scrollToFirstError
      >
        <Card title={t('incidents.system')}>
          <Row gutter={16}>
            {!isAgency && (
              <Col xs={24} md={12}>
                <Form.Item name="agencyId" label={t('incidents.agency')} rules={[required]}>
                  <Select showSearch filterOption={diacriticFilter} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="systemId" label={t('incidents.system')}>
                <Select
                  allowClear
                  showSearch
                  filterOption={diacriticFilter}
                  options={[
                    ...systems.map((s) => ({ value: s.id, label: `${s.name} (${t('systems.levelN', { level: s.level })})` })),
                    { value: OTHER_SYSTEM, label: t('incidents.systemOther') },
                  ]}
                />
              </Form.Item>
            </Col>
            {systemChoice === OTHER_SYSTEM && (
              <>
                <Col xs={24} md={16}>
                  <Form.Item name="systemName" label={t('incidents.systemName')} rules={[required]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="systemLevel" label={t('incidents.systemLevel')}>
                    <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>

        <Card title={t('incidents.description')} style={{ marginTop: 16 }}>
          <Form.Item name="title" label={t('incidents.heading')} rules={[required, { min: 5 }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="category" label={t('incidents.category')} rules={[required]}>
                <Select
                  showSearch
                  filterOption={diacriticFilter}
                  options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="detectedAt" label={t('incidents.detectedAt')} rules={[required]} extra={t('incidents.detectedAtHint')}>
                <DatePicker
                  // A typed date is kept when the user clicks elsewhere, not only on Tab or OK.
                  needConfirm={false}
                  showTime={{ format: 'HH:mm' }}
                  format="DD/MM/YYYY HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('incidents.description')} rules={[required, { min: 10 }]}>
            <Input.TextArea rows={5} maxLength={20_000} showCount />
          </Form.Item>
          <Form.Item name="detectionMethod" label={t('incidents.detectionMethod')}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item name="impacts" label={t('incidents.impacts')}>
            <Checkbox.Group options={IMPACTS.map((i) => ({ value: i, label: label(IMPACT_LABELS[i]) }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="canHandleAlone" label={t('routing.canHandleAloneQuestion')}>
                <Radio.Group
                  options={[
                    { value: 'yes', label: t('routing.yesCan') },
                    { value: 'no', label: t('routing.noCannot') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="mayExceedCapacity" label={t('routing.mayExceedCapacity')} valuePropName="checked">
                <Switch aria-label={t('routing.mayExceedCapacity')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="actionsTaken" label={t('incidents.actionsTaken')}>
            <Input.TextArea rows={3} maxLength={10_000} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="supportRequested" label={t('incidents.supportRequested')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="tlp" label={<TlpLabel />}>
                <TlpChoice />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('incidents.indicators')} extra={<IocHelp />} style={{ marginTop: 16 }}>
          <IocIntro />
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }} className="indicator-row">
                    <Form.Item name={[field.name, 'type']} rules={[required]} initialValue="ip">
                      <IndicatorTypeSelect />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'value']}
                      dependencies={[['indicators', field.name, 'type']]}
                      rules={[
                        required,
                        ({ getFieldValue }) => ({
                          validator: async (_, value) => {
                            const type = getFieldValue(['indicators', field.name, 'type']) as string;
                            const problem = value ? schemaIssueText(t, indicatorSchema, { type, value }) : null;
                            if (problem) throw new Error(problem);
                          },
                        }),
                      ]}
                    >
                      <Input style={{ width: 420 }} aria-label={t('incidents.indicatorValue')} placeholder="203.0.113.7" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ type: 'ip', value: '' })}>
                  {t('incidents.addIndicator')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        {!isAgency && (
          <Card title={t('incidents.contact')} style={{ marginTop: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="contactName" label={t('incidents.contactName')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="contactPhone" label={t('incidents.contactPhone')} rules={[zodRule(phoneSchema)]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}

        <Card title={t('incidents.attachments')} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">{t('incidents.attachHint', { count: MAX_FILES })}</Typography.Paragraph>
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              update((d) => (d.files.length < MAX_FILES ? { ...d, files: [...d.files, file] } : d));
              return false; // kept in the draft; sent after the report is acknowledged
            }}
          >
            <Button icon={<PaperClipOutlined />}>{t('incidents.pickFiles')}</Button>
          </Upload>
          <List
            size="small"
            dataSource={draft?.files ?? []}
            renderItem={(file, index) => (
              <List.Item
                actions={[
                  <Button
                    key="rm"
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={busy}
                    onClick={() => update((d) => ({ ...d, files: d.files.filter((_, i) => i !== index) }))}
                  />,
                ]}
              >
                <span data-testid="draft-file">{file.name}</span> · {Math.ceil(file.size / 1024)} KB
              </List.Item>
            )}
          />
        </Card>

        <div style={{ marginTop: 16 }}>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('incidents.submit')}
          </Button>
        </div>
      </Form>
    </Space>
  );
}
