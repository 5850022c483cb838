import { Button, Card, Checkbox, Col, Descriptions, Form, Radio, Row, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPACT_LABELS, IMPACTS, INCIDENT_CATEGORIES, REPORT_SOURCES, SECURITY_LEVELS, TLP_LEVELS, type RuleTrace } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useApiError } from '../lib/useApiError.js';
import { useDirectory } from '../lib/useDirectory.js';

interface PreviewResult {
  rule: { id: string; name: string } | null;
  routing: { teamId: string | null; informedTeamIds: string[]; assigneeIds: string[]; reasons: string[] };
  tags: string[];
  serious: boolean;
  informLeaders: boolean;
  trace: RuleTrace[];
}

/** The preview form: a made-up report, only the fields the rules look at. */
interface PreviewValues {
  agencyId: string;
  category?: string;
  systemLevel?: number;
  sector?: string;
  impacts?: string[];
  canHandleAlone?: 'yes' | 'no' | 'unknown';
  source?: string;
  tlp?: string;
  hasIndicators?: boolean;
}

/** "Which rule would match this report, and why": a made-up report run through the rules, nothing filed. */
export function RoutingPreviewCard({
  sectorOptions,
  userName,
  sourceLabel,
}: {
  sectorOptions: { value: string; label: string }[];
  userName: (id: string) => string;
  sourceLabel: (source: string) => string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const showError = useApiError();
  const directory = useDirectory();
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewForm] = Form.useForm<PreviewValues>();

  const runPreview = async () => {
    const v = await previewForm.validateFields();
    try {
      setPreview(
        await api<PreviewResult>('/routing/preview', {
          method: 'POST',
          body: {
            agencyId: v.agencyId,
            systemName: 'Hệ thống thử',
            systemLevel: v.systemLevel ?? null,
            sector: v.sector ?? null,
            title: 'Báo cáo thử quy tắc',
            category: v.category,
            description: 'Báo cáo giả định để xem trước quy tắc điều phối.',
            detectedAt: new Date().toISOString(),
            impacts: v.impacts ?? [],
            indicators: v.hasIndicators ? [{ type: 'domain', value: 'preview.example' }] : [],
            tlp: v.tlp,
            source: v.source,
            canHandleAlone: v.canHandleAlone === 'yes' ? true : v.canHandleAlone === 'no' ? false : null,
          },
        }),
      );
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card title={t('routing.preview')} data-testid="routing-preview">
      <Typography.Paragraph type="secondary">{t('routing.previewHint')}</Typography.Paragraph>
      <Form
        form={previewForm}
        layout="vertical"
        initialValues={{ tlp: 'amber', source: 'agency', category: 'phishing', canHandleAlone: 'unknown' }}
      >
        <Form.Item name="agencyId" label={t('routing.agencyIds')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            filterOption={diacriticFilter}
            options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
            aria-label={t('routing.agencyIds')}
          />
        </Form.Item>
        <Form.Item name="category" label={t('routing.categories')}>
          <Select options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))} aria-label={t('routing.categories')} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="systemLevel" label={t('routing.systemLevels')}>
              <Select
                allowClear
                options={SECURITY_LEVELS.map((l) => ({ value: l, label: String(l) }))}
                aria-label={t('routing.systemLevels')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sector" label={t('routing.sectors')}>
              <Select allowClear options={sectorOptions} aria-label={t('routing.sectors')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="impacts" label={t('routing.impacts')}>
          <Checkbox.Group options={IMPACTS.map((i) => ({ value: i, label: label(IMPACT_LABELS[i]) }))} />
        </Form.Item>
        <Form.Item name="canHandleAlone" label={t('routing.canHandleAlone')}>
          <Radio.Group
            options={[
              { value: 'unknown', label: t('routing.unknown') },
              { value: 'yes', label: t('routing.yesCan') },
              { value: 'no', label: t('routing.noCannot') },
            ]}
          />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('routing.sources')}>
              <Select options={REPORT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} aria-label={t('routing.sources')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="tlp" label={t('routing.tlps')}>
              <Select options={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))} aria-label={t('routing.tlps')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hasIndicators" label={t('routing.hasIndicators')} valuePropName="checked">
          <Switch aria-label={t('routing.hasIndicators')} />
        </Form.Item>
        <Button type="primary" onClick={() => void runPreview()}>
          {t('routing.runPreview')}
        </Button>
      </Form>
      {preview && (
        <div data-testid="preview-result" style={{ marginTop: 16 }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('routing.matchedRule')}>
              <span data-testid="preview-rule">{preview.rule?.name ?? t('routing.defaultRule')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.owningTeam')}>
              <span data-testid="preview-team">{preview.routing.teamId ? directory.teamName(preview.routing.teamId) : '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.informTeams')}>
              {preview.routing.informedTeamIds.map((id) => directory.teamName(id)).join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.assignee')}>
              {preview.routing.assigneeIds.map(userName).join(', ') || t('routing.nobody')}
            </Descriptions.Item>
            <Descriptions.Item label={t('routing.serious')}>{preview.serious ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('routing.reasons')}>
              {preview.routing.reasons.map((r) => (
                <Tag key={t(`codes.routingReasons.${r}`, { defaultValue: r })} style={{ whiteSpace: 'normal' }}>
                  {r}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('routing.trace')}
          </Typography.Title>
          <ol style={{ paddingLeft: 20 }}>
            {preview.trace.map((step) => (
              <li key={step.ruleId}>
                {step.name} —{' '}
                <Tag color={step.matched ? 'green' : 'default'}>{step.matched ? t('routing.matched') : t('routing.notMatched')}</Tag>
                {!step.matched &&
                  step.checks.filter((c) => !c.holds).map((c) => <Tag key={c.condition}>{t(`routing.${c.condition}`)}</Tag>)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
