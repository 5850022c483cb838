import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Steps, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPACT_LABELS, IMPACTS, INCIDENT_CATEGORIES, phoneSchema } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { zodRule } from '../lib/zodRule.js';
import { TlpChoice, TlpLabel } from './IndicatorHelp.js';
import { ReportReceived } from './ReportReceived.js';
import { ReportFilesCard, ReportIndicatorsCard, ReportSystemCard } from './ReportSections.js';
import { useReportSubmission } from './useReportSubmission.js';

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
  const {
    form,
    draft,
    restored,
    phase,
    agencies,
    systems,
    isAgency,
    systemChoice,
    update,
    onValuesChange,
    submit,
    startOver,
    step,
    status,
  } = useReportSubmission();

  if (phase.kind === 'done') return <ReportReceived phase={phase} onStartOver={() => void startOver()} />;

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
        <ReportSystemCard isAgency={isAgency} agencies={agencies} systems={systems} systemChoice={systemChoice} />

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

        <ReportIndicatorsCard />

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

        <ReportFilesCard files={draft?.files ?? []} busy={busy} update={update} />

        <div style={{ marginTop: 16 }}>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('incidents.submit')}
          </Button>
        </div>
      </Form>
    </Space>
  );
}
