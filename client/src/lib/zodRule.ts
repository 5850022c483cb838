/**
 * Form rules from the shared zod schemas: the console checks a field with the same rule
 * the server will apply, and says what is wrong in the console's language (from the
 * issue's code and parameters, never zod's English).
 */
import type { Rule } from 'antd/es/form';
import i18n from 'i18next';
import type { z } from 'zod';
import { schemaIssueText } from '../messages/issues.js';

export const zodRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === '' || value === null) return;
    const problem = schemaIssueText(i18n.t.bind(i18n), schema, value);
    if (problem) throw new Error(problem);
  },
});
