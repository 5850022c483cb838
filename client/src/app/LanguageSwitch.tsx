import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index.js';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('nav.language')}
      value={i18n.language}
      options={[
        { label: t('shell.languages.vi'), value: 'vi' },
        { label: t('shell.languages.en'), value: 'en' },
      ]}
      onChange={(v) => setLanguage(v as Language)}
    />
  );
}
