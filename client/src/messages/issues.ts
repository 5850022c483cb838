/**
 * Field problems in the user's language, from a code and its parameters: whether the
 * problem came from the hub (`error.details[]`) or from a shared schema run in the console.
 * The English `message` of an issue is never shown.
 */
import type { TFunction } from 'i18next';
import { codedIssue, type CodedIssue } from '@cert-hub/shared';
import type { z } from 'zod';

type IssueLike = Partial<Pick<CodedIssue, 'code' | 'params' | 'path'>>;

const zodKey = (code: string, params: Record<string, unknown>): string => {
  const origin = typeof params.origin === 'string' ? params.origin : '';
  switch (code) {
    case 'too_small':
    case 'too_big': {
      const kind =
        origin === 'string' || origin === 'array' || origin === 'file'
          ? origin
          : origin === 'number' || origin === 'int' || origin === 'bigint'
            ? 'number'
            : '';
      if (!kind) return code;
      return params.inclusive === false && kind === 'number' ? `${code}_${kind}_exclusive` : `${code}_${kind}`;
    }
    case 'invalid_format':
      return `format_${typeof params.format === 'string' ? params.format : ''}`;
    default:
      return code;
  }
};

/** One issue as a sentence in the current language. */
export function issueText(t: TFunction, issue: IssueLike): string {
  const code = issue.code ?? 'invalid';
  const params = { ...(issue.params ?? {}) };
  if (Array.isArray(params.keys)) params.keys = (params.keys as string[]).join(', ');
  const field = issue.path?.split('.').pop();
  const keys = [
    ...(field ? [`issues.field.${field}.${code}`] : []),
    `issues.hub.${code}`,
    `issues.zod.${zodKey(code, params)}`,
    `issues.zod.${code}`,
    'issues.zod.invalid',
  ];
  return t(keys, params);
}

/** The first problem a shared schema finds with a value, as a sentence (or null). */
export function schemaIssueText(t: TFunction, schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return issueText(t, codedIssue(result.error.issues[0]!));
}

/** An API error code (`error.code`) as a sentence. */
export const errorText = (t: TFunction, code: string) => t([`issues.errors.${code}`, 'issues.errors.internal']);
