/**
 * The API's larger JSON answers to reads travel compressed to clients that accept it (the
 * board's pages of cards on a slow link); writes and small answers go as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, COMPRESS_MIN_BYTES } from '../server/src/http/compressJson.js';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
let focal: string;
let responder: string;
let agencyId: string;

const report = (n: number) => ({
  agencyId,
  title: `Tấn công từ chối dịch vụ cổng dịch vụ công số ${n}`,
  category: 'ddos',
  description: 'Cổng dịch vụ công không truy cập được từ 8 giờ sáng.',
  detectedAt: '2026-11-20T08:00:00+07:00',
});

beforeAll(async () => {
  hub = await createSeededHub();
  focal = await signIn(hub, 'focal.a');
  responder = await signIn(hub, 'responder');
  agencyId = (await hub.http().get('/api/me').set('Authorization', `Bearer ${focal}`)).body.agencyId as string;
  for (let n = 1; n <= 12; n += 1) {
    const filed = await hub
      .http()
      .post('/api/incidents')
      .set('Authorization', `Bearer ${focal}`)
      .set('Idempotency-Key', `compression-report-${String(n).padStart(4, '0')}`)
      .send(report(n));
    expect(filed.status).toBe(201);
  }
});
afterAll(async () => {
  await hub?.close();
});

const cards = '/api/incidents?view=card&status=received&limit=50';
const getCards = (acceptEncoding: string) =>
  hub.http().get(cards).set('Authorization', `Bearer ${responder}`).set('Accept-Encoding', acceptEncoding);

describe('compressed API answers', () => {
  it('sends a page of board cards in brotli to a browser that accepts it, the same JSON in a fraction of the bytes', async () => {
    const plain = await getCards('identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as { items: unknown[] }).items).toHaveLength(12);
    const plainBytes = Number(plain.headers['content-length']);
    expect(plainBytes).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const br = await getCards('gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.body).toEqual(plain.body); // supertest decodes brotli
    expect(Number(br.headers['content-length'])).toBeLessThan(plainBytes / 3);
  });

  it('falls back to gzip, and says Vary even when it sends the plain answer', async () => {
    const gz = await getCards('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toEqual((await getCards('identity')).body);
    const plain = await getCards('identity');
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/);
  });

  it('leaves small answers and writes as they are', async () => {
    const health = await hub.http().get('/api/health').set('Accept-Encoding', 'br');
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const filed = await hub
      .http()
      .post('/api/incidents')
      .set('Authorization', `Bearer ${focal}`)
      .set('Idempotency-Key', 'compression-report-write')
      .set('Accept-Encoding', 'br')
      .send(report(99));
    expect(filed.status).toBe(201);
    expect(JSON.stringify(filed.body).length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(filed.headers['content-encoding']).toBeUndefined();
  });

  it('reads the encodings a client offers', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, deflate')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    // q=0 means "not acceptable" (RFC 9110 §12.4.2): never answer in a refused encoding.
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0')).toBeNull();
    expect(chooseEncoding('br;q=0.000, gzip;q=0')).toBeNull();
  });
});
