/**
 * Issue #11: canonicalJson was rewritten to build its string without intermediate arrays. The
 * audit chain's stored hashes depend on it byte for byte, so it must write exactly what the
 * first definition (kept here as the reference) wrote, for every kind of value an event holds.
 */
import { expect, it } from 'vitest';
import { canonicalJson } from '../server/src/audit/chain.js';

function referenceCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

it('writes what the reference definition writes', () => {
  const values: unknown[] = [
    null,
    undefined,
    0,
    -1.5,
    'Sở Tài chính "Hòa Lâm"\n',
    true,
    [],
    {},
    [undefined, null, 1, 'a', { b: undefined }],
    { z: 1, a: { y: [1, { d: 2, c: undefined, b: null }], x: '' }, m: undefined },
    { Z: 1, a: 2, _: 3, '\u00e9': 4, 'e\u0301': 5, '10': 6, '9': 7, '\u{1f600}': 8, '\ufb00': 9 },
    { only: undefined },
    { changes: { status: ['received', 'triage'], teamIds: [[], ['t1', 't2']] }, incident: { tags: ['a'], drill: null } },
  ];
  for (const value of values) expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
});
