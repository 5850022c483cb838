/**
 * Form rules from the shared zod schemas: the console checks a field with the same rule
 * the server will apply, in the console's language.
 */
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

export const zodRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === '' || value === null) return;
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Invalid');
  },
});
