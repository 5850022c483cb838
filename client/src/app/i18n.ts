/**
 * Console strings of the application frame. Each language is named in itself in both
 * catalogues (a reader of the other language must still find their own).
 */
const languages = { vi: 'Tiếng Việt', en: 'English' };
export const shellI18n = {
  vi: { languages },
  en: { languages },
};
