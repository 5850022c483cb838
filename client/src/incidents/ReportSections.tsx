import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { indicatorSchema, type AgencyView, type SystemView } from '@cert-hub/shared';
import { IndicatorTypeSelect, IocHelp, IocIntro } from './IndicatorHelp.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { schemaIssueText } from '../messages/issues.js';
import { type ReportDraft } from './reportDraft.js';

import { MAX_FILES, OTHER_SYSTEM } from './useReportSubmission.js';

const required = (t: (key: string) => string) => ({ required: true, message: t('common.required') });

/** Which information system was hit: from the agency's registry, or named by hand. */
export function ReportSystemCard({
  isAgency,
  agencies,
  systems,
  systemChoice,
}: {
  isAgency: boolean;
  agencies: AgencyView[];
  systems: SystemView[];
  systemChoice: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('incidents.system')}>
      <Row gutter={16}>
        {!isAgency && (
          <Col xs={24} md={12}>
            <Form.Item name="agencyId" label={t('incidents.agency')} rules={[required(t)]}>
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
              <Form.Item name="systemName" label={t('incidents.systemName')} rules={[required(t)]}>
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
  );
}

/** Indicators (IP, domain, hash…), each checked against its type as it is typed. */
export function ReportIndicatorsCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('incidents.indicators')} extra={<IocHelp />} style={{ marginTop: 16 }}>
      <IocIntro />
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }} className="indicator-row">
                <Form.Item name={[field.name, 'type']} rules={[required(t)]} initialValue="ip">
                  <IndicatorTypeSelect />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  dependencies={[['indicators', field.name, 'type']]}
                  rules={[
                    required(t),
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
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
  );
}

/** Evidence files: kept in the draft with the report and sent once the report is acknowledged. */
export function ReportFilesCard({
  files,
  busy,
  update,
}: {
  files: File[];
  busy: boolean;
  update: (change: (current: ReportDraft) => ReportDraft) => unknown;
}) {
  const { t } = useTranslation();
  return (
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
        dataSource={files}
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
  );
}
