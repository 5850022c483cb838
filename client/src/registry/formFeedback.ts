/**
 * What the registry forms say (issue #12, item 20): "too short" rather than "required" for a
 * name that is too short, which line of a multi-line field is wrong and why, and "Saved".
 */
import { App } from 'antd';
import type { Rule } from 'antd/es/form';
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { schemaIssueText } from '../messages/issues.js';

export const minLengthRule = (min: number): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '' && value.trim().length < min)
      throw new Error(i18n.t('registryForms.tooShort', { min }));
  },
});

/** The non-empty lines of a textarea. */
export const linesOf = (value: unknown): string[] =>
  (typeof value === 'string' ? value : '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Checks each line of a textarea against a schema; names the first bad line (counting every line the user sees). */
export const linesRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    const all = (typeof value === 'string' ? value : '').split(/\r?\n/);
    for (const [index, raw] of all.entries()) {
      const line = raw.trim();
      if (!line) continue;
      const reason = schemaIssueText(i18n.t.bind(i18n), schema, line);
      if (reason)
        throw new Error(i18n.t('registryForms.badLine', { line: index + 1, value: line, reason, interpolation: { escapeValue: false } }));
    }
  },
});

/** A short "Saved" after a registry form is stored. */
export function useSavedNotice(): () => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(() => void message.success(t('registryForms.saved')), [message, t]);
}
