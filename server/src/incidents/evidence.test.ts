/**
 * Plain-text evidence is recognised by its content: a short Vietnamese text whose last
 * characters are multi-byte is text, a file with a broken UTF-8 sequence inside is not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEvidence } from './evidence.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-evidence-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
};

describe('plain-text evidence', () => {
  it('accepts a short Vietnamese text ending in multi-byte characters', async () => {
    expect(await checkEvidence(file('a.txt', Buffer.from('Phụ lục số liệu\n', 'utf8')), 'phu-luc.txt')).toEqual({
      ok: true,
      mediaType: 'text/plain',
    });
    expect(await checkEvidence(file('b.log', Buffer.from('lỗi', 'utf8')), 'b.log')).toMatchObject({ ok: true });
  });

  it('refuses a file with a broken UTF-8 sequence', async () => {
    const broken = Buffer.concat([Buffer.from('abc '), Buffer.from([0xe1, 0xbb]), Buffer.from(' def ghi jkl\n')]);
    expect(await checkEvidence(file('c.txt', broken), 'c.txt')).toMatchObject({ ok: false });
  });
});
