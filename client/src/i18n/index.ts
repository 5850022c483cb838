import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en } from './en.js';
import { vi } from './vi.js';

const STORAGE_KEY = 'certhub.lang';
export type Language = 'vi' | 'en';

export const initialLanguage = (): Language => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi');

/** Validation messages from the shared zod schemas follow the console's language. */
function applyZodLocale(lang: Language) {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes
  showSupportNotice: false,
});
applyZodLocale(initialLanguage());
// The page's language follows the stored choice from the first paint (screen readers, hyphenation).
document.documentElement.lang = initialLanguage();

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  applyZodLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
