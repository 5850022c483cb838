/**
 * Plain words for the report's jargon (issue #12, item 4): indicator types by name, TLP levels
 * with what each means, a "?" popover for the terms, and indicators as typed for the agency
 * (the disarmed `203[.]0[.]113[.]7` form is for CERT staff, who copy the original).
 */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defang, INDICATOR_TYPES, TLP_LEVELS, type IndicatorType, type Tlp } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import './layout.css';

/** A "?" button that opens a short explanation (click or keyboard, not hover only). */
export function HelpPopover({ topic, title, text }: { topic: string; title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Popover trigger="click" title={title} content={<div className="help-popover">{text}</div>}>
      <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={t('incidentHelp.helpButton', { topic })} />
    </Popover>
  );
}

export function IocHelp() {
  const { t } = useTranslation();
  return <HelpPopover topic={t('incidents.indicators')} title={t('incidentHelp.iocTitle')} text={t('incidentHelp.iocHelp')} />;
}

export function TlpHelp() {
  const { t } = useTranslation();
  return <HelpPopover topic={t('incidents.tlp')} title={t('incidentHelp.tlpTitle')} text={t('incidentHelp.tlpHelp')} />;
}

/** Label of a form field with its "?" beside it. */
export function TlpLabel() {
  const { t } = useTranslation();
  return (
    <span className="label-with-help">
      {t('incidents.tlp')}
      <TlpHelp />
    </span>
  );
}

export function useIndicatorTypeOptions() {
  const { t } = useTranslation();
  return INDICATOR_TYPES.map((type) => ({ value: type, label: t(`incidentHelp.type.${type}`) }));
}

export function indicatorPlaceholder(t: (key: string) => string, type: string | undefined): string {
  return t(`incidentHelp.example.${(INDICATOR_TYPES as readonly string[]).includes(type ?? '') ? type : 'ip'}`);
}

/** The TLP choice as plain names with one line each; used as the child of a Form.Item. */
export function TlpChoice({ value, onChange, id }: { value?: Tlp; onChange?: (value: Tlp) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as Tlp)} className="tlp-choice">
      <Space direction="vertical" size={4}>
        {TLP_LEVELS.map((level) => (
          <Radio key={level} value={level}>
            <strong>{t(`incidentHelp.tlp.${level}`)}</strong>{' '}
            <Typography.Text type="secondary">
              {`(TLP:${level.toUpperCase()})`} — {t(`incidentHelp.tlpHint.${level}`)}
            </Typography.Text>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}

export function TlpTag({ tlp }: { tlp: string }) {
  const { t } = useTranslation();
  const known = (TLP_LEVELS as readonly string[]).includes(tlp);
  return (
    <Tooltip title={known ? t(`incidentHelp.tlpHint.${tlp}`) : undefined}>
      <Tag data-testid="tlp-tag">{`${known ? `${t(`incidentHelp.tlp.${tlp}`)} · ` : ''}TLP:${tlp.toUpperCase()}`}</Tag>
    </Tooltip>
  );
}

export function IndicatorTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  const known = (INDICATOR_TYPES as readonly string[]).includes(type);
  return <Tag className="indicator-type">{known ? t(`incidentHelp.type.${type as IndicatorType}`) : type}</Tag>;
}

/** As typed for the agency; disarmed for CERT staff, who copy the original with the copy button. */
export function IndicatorValue({ type, value }: { type: string; value: string }) {
  const { t } = useTranslation();
  const user = useUser();
  if (user.role === 'focal_point')
    return (
      <code data-testid="indicator" className="indicator-value">
        {value}
      </code>
    );
  return (
    <Tooltip title={t('incidentHelp.defangedHint')}>
      <code data-testid="indicator" className="indicator-value">
        {defang(type, value)}
      </code>
    </Tooltip>
  );
}

/** The indicator type picker with plain names; used as the child of a Form.Item. */
export function IndicatorTypeSelect(props: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t } = useTranslation();
  const options = useIndicatorTypeOptions();
  return <Select {...props} className="indicator-type-select" aria-label={t('incidents.indicatorType')} options={options} />;
}

/** One line under the indicators card title: what to put there, and that it is optional. */
export function IocIntro() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" className="ioc-intro">
      {t('incidentHelp.iocShort')}
    </Typography.Paragraph>
  );
}
