import { useTranslation } from 'react-i18next';

/** Picks the label of a shared code list in the console's language. */
export function useLabel() {
  const { i18n } = useTranslation();
  return (labels: { vi: string; en: string } | undefined, fallback = '') =>
    labels ? (i18n.language === 'en' ? labels.en : labels.vi) : fallback;
}
