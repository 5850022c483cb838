import { Checkbox, Form, Input, Radio, Select, Switch, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  IMPACT_LABELS,
  IMPACTS,
  INCIDENT_CATEGORIES,
  REPORT_SOURCES,
  SECURITY_LEVELS,
  SEVERITIES,
  SEVERITY_LABELS,
  TLP_LEVELS,
} from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useDirectory } from '../lib/useDirectory.js';
import type { RuleForm } from './ruleForm.js';

/** The fields of one routing rule: its conditions (all must hold) and its actions. */
export function RuleEditorForm({
  form,
  teamOptions,
  sectorOptions,
  sourceLabel,
}: {
  form: FormInstance<RuleForm>;
  teamOptions: { value: string; label: string }[];
  sectorOptions: { value: string; label: string }[];
  sourceLabel: (source: string) => string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const directory = useDirectory();
  const multi = (name: (string | number)[], text: string, options: { value: string | number; label: string }[]) => (
    <Form.Item name={name} label={text}>
      <Select mode="multiple" allowClear filterOption={diacriticFilter} options={options} aria-label={text} />
    </Form.Item>
  );
  const triOptions = [
    { value: 'any', label: t('routing.seriousAny') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  return (
    <Form form={form} layout="vertical">
      <Form.Item name="name" label={t('routing.name')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="enabled" label={t('routing.enabled')} valuePropName="checked">
        <Switch aria-label={t('routing.enabled')} />
      </Form.Item>
      <Typography.Title level={5}>{t('routing.conditions')}</Typography.Title>
      {multi(
        ['conditions', 'categories'],
        t('routing.categories'),
        INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) })),
      )}
      {multi(
        ['conditions', 'impacts'],
        t('routing.impacts'),
        IMPACTS.map((i) => ({ value: i, label: label(IMPACT_LABELS[i]) })),
      )}
      <Form.Item name={['conditions', 'serious']} label={t('routing.serious')}>
        <Radio.Group optionType="button" options={triOptions} />
      </Form.Item>
      {multi(
        ['conditions', 'severities'],
        t('routing.severities'),
        SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS[s]) })),
      )}
      {multi(
        ['conditions', 'systemLevels'],
        t('routing.systemLevels'),
        SECURITY_LEVELS.map((l) => ({ value: l, label: String(l) })),
      )}
      {multi(['conditions', 'sectors'], t('routing.sectors'), sectorOptions)}
      {multi(
        ['conditions', 'agencyTypes'],
        t('routing.agencyTypes'),
        AGENCY_TYPES.map((a) => ({ value: a, label: label(AGENCY_TYPE_LABELS[a]) })),
      )}
      {multi(
        ['conditions', 'agencyIds'],
        t('routing.agencyIds'),
        directory.agencies.map((a) => ({ value: a.id, label: a.name })),
      )}
      {multi(
        ['conditions', 'tlps'],
        t('routing.tlps'),
        TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` })),
      )}
      {multi(
        ['conditions', 'sources'],
        t('routing.sources'),
        REPORT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) })),
      )}
      <Form.Item name={['conditions', 'hasIndicators']} label={t('routing.hasIndicators')}>
        <Radio.Group optionType="button" options={triOptions} />
      </Form.Item>
      <Typography.Title level={5}>{t('routing.actions')}</Typography.Title>
      <Form.Item name={['actions', 'owningTeamId']} label={t('routing.owningTeam')}>
        <Select options={[{ value: null, label: t('routing.standingTeam') }, ...teamOptions]} aria-label={t('routing.owningTeam')} />
      </Form.Item>
      {multi(['actions', 'informTeamIds'], t('routing.informTeams'), teamOptions)}
      <Form.Item name={['actions', 'assignOnCall']} valuePropName="checked">
        <Checkbox>{t('routing.assignOnCall')}</Checkbox>
      </Form.Item>
      <Form.Item name={['actions', 'informLeaders']} valuePropName="checked">
        <Checkbox>{t('routing.informLeaders')}</Checkbox>
      </Form.Item>
      <Form.Item name={['actions', 'tags']} label={t('routing.tags')}>
        <Select mode="tags" aria-label={t('routing.tags')} />
      </Form.Item>
      <Form.Item name={['actions', 'playbook']} label={t('routing.playbook')}>
        <Select
          options={[
            { value: null, label: t('routing.playbookOwn') },
            ...INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) })),
          ]}
          aria-label={t('routing.playbook')}
        />
      </Form.Item>
    </Form>
  );
}
