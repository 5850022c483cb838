import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../server/src/http/consoleAssets.js';
import { createTestHub, type TestHub } from '../server/src/testing/testHub.js';

/** A built console as Vite leaves it: hashed assets with precompressed siblings. */
const script = `console.log(${JSON.stringify('Hòa Lâm '.repeat(400))});`;
let clientDir: string;
let hub: TestHub;

beforeAll(() => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-console-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-3f9a1c.js"></script>');
  const file = path.join(clientDir, 'assets/index-3f9a1c.js');
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
  hub = createTestHub({ clientDir });
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

const asset = '/assets/index-3f9a1c.js';

describe('console assets', () => {
  it('sends the brotli file to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await hub.http().get(asset).set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toBe(script); // supertest decodes brotli
    expect(Number(res.headers['content-length'])).toBe(fs.statSync(path.join(clientDir, `${asset}.br`)).size);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await hub.http().get(asset).set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script); // supertest decompresses gzip
    const plain = await hub.http().get(asset).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('never caches index.html, at / or on a console route', async () => {
    for (const url of ['/', '/board', '/index.html']) {
      const res = await hub.http().get(url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('/assets/index-3f9a1c.js');
    }
  });

  it('answers 404 for a hashed asset that does not exist instead of the app shell', async () => {
    const res = await hub.http().get('/assets/index-000000.js');
    expect(res.status).toBe(404);
  });
});
