import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { errorText, issueText } from '../messages/issues.js';

/**
 * Shows an API failure where the user will see it: field errors on the form fields,
 * everything else as a message, always in the user's language (from codes, never the
 * server's English text).
 */
export function useApiError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  // Stable across renders: effects list it as a dependency.
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError) {
        const issues = error.fieldIssues.filter((i) => i.path);
        if (form && issues.length) {
          const known = new Set(Object.keys(form.getFieldsValue(true) as object));
          const onFields = issues.filter((i) => known.has(i.path.split('.')[0]!));
          form.setFields(
            onFields.map((i) => ({ name: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [issueText(t, i)] })),
          );
          if (onFields.length === issues.length) return;
        }
        if (error.status === 409 && error.code === 'version_conflict') return void message.warning(t('common.conflict'), 6);
        if (error.status === 403) return void message.error(t('common.forbidden'));
        // A field problem with no field on screen is still said in the user's words.
        const first = issues[0] ?? error.fieldIssues[0];
        return void message.error(first ? `${errorText(t, error.code)}: ${issueText(t, first)}` : errorText(t, error.code));
      }
      void message.error(t('common.offline'));
    },
    [message, t],
  );
}
