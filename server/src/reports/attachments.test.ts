/**
 * Files on an agency's answer in a reporting round: checked by content like incident
 * evidence, served only as inert downloads, visible to the round's followers and that agency
 * only (another agency of the same round gets 404), refused once the answer is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let roundId: string;

const as = (who: string) => {
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => hub.http().get(url).set('Authorization', auth),
    upload: (url: string, bytes: Buffer, name: string) => hub.http().post(url).set('Authorization', auth).attach('file', bytes, name),
    put: (url: string, body: object) => hub.http().put(url).set('Authorization', auth).send(body),
  };
};

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T02:00:00Z');
  for (const who of ['coordinator', 'leader', 'focal.a', 'focal.b']) token[who] = await signIn(hub, who);
  const agencyOf = async (who: string) => (await as(who).get('/api/me')).body.agencyId as string;
  const res = await hub
    .http()
    .post('/api/reports/rounds')
    .set('Authorization', `Bearer ${token.coordinator}`)
    .send({
      reportType: 'agency_annual',
      title: 'Báo cáo năm 2026 (có phụ lục)',
      year: 2026,
      deadline: '2026-12-05T00:00:00+07:00',
      agencyIds: [await agencyOf('focal.a'), await agencyOf('focal.b')],
    });
  expect(res.status).toBe(201);
  roundId = res.body.id;
}, 60_000);
afterAll(async () => hub?.close());

describe('attachments on a report submission', () => {
  const name = 'Phụ lục số liệu.csv';
  const bytes = Buffer.from('cơ quan,số sự cố\nSở Tài chính,3\n', 'utf8');
  let attachmentId: string;

  it('are checked by content like evidence: a page named .png and an empty file are refused', async () => {
    const fake = await as('focal.a').upload(
      `/api/reports/rounds/${roundId}/attachments`,
      Buffer.from('<html><script>x</script></html>'),
      'anh.png',
    );
    expect(fake.status).toBe(415);
    const empty = await as('focal.a').upload(`/api/reports/rounds/${roundId}/attachments`, Buffer.alloc(0), 'trong.txt');
    expect(empty.status).toBe(422);
    const ok = await as('focal.a').upload(`/api/reports/rounds/${roundId}/attachments`, bytes, name);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ roundId, fileName: name, mediaType: 'text/plain', size: bytes.length });
    attachmentId = ok.body.id;
    // A coordinator or leader does not attach for an agency.
    expect((await as('coordinator').upload(`/api/reports/rounds/${roundId}/attachments`, bytes, name)).status).toBe(403);
  });

  it('are seen by the round’s followers and that agency only; another agency of the round gets 404', async () => {
    const mine = await as('focal.a').get(`/api/reports/rounds/${roundId}/attachments`);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([attachmentId]);
    const other = await as('focal.b').get(`/api/reports/rounds/${roundId}/attachments`);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    expect((await as('focal.b').get(`/api/reports/rounds/${roundId}/attachments/${attachmentId}`)).status).toBe(404);
    const all = await as('coordinator').get(`/api/reports/rounds/${roundId}/attachments`);
    expect(all.body.items.map((a: { id: string }) => a.id)).toEqual([attachmentId]);

    const download = await as('leader')
      .get(`/api/reports/rounds/${roundId}/attachments/${attachmentId}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
  });

  it('are refused once the agency’s answer is submitted', async () => {
    const sent = await as('focal.a').put(`/api/reports/rounds/${roundId}/submission`, {
      sections: { results: 'Kết quả', difficulties: 'Khó khăn', recommendations: 'Kiến nghị' },
      submit: true,
    });
    expect(sent.status).toBe(200);
    const late = await as('focal.a').upload(`/api/reports/rounds/${roundId}/attachments`, bytes, 'them.txt');
    expect(late.status).toBe(409);
    expect((await as('focal.a').get(`/api/reports/rounds/${roundId}/attachments`)).body.items).toHaveLength(1);
  });
});
