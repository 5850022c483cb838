import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let focal: string;
let responder: string;
let agencyId: string;

beforeAll(async () => {
  hub = await createSeededHub();
  focal = await signIn(hub, 'focal.a');
  responder = await signIn(hub, 'responder');
  agencyId = (await hub.http().get('/api/me').set('Authorization', `Bearer ${focal}`)).body.agencyId;
});
afterAll(() => hub.close());

const CARD_FIELDS = [
  'abilities',
  'agencyId',
  'assigneeIds',
  'category',
  'code',
  'drill',
  'id',
  'lateReport',
  'reportedAt',
  'routing',
  'serious',
  'severity',
  'slaDueAt',
  'status',
  'statusChangedAt',
  'title',
  'version',
];

async function file(title: string, category = 'phishing') {
  const res = await hub
    .http()
    .post('/api/incidents')
    .set('Authorization', `Bearer ${focal}`)
    .set('Idempotency-Key', `card-view-${title.replace(/\W+/g, '-')}`)
    .send({
      agencyId,
      title,
      category,
      description: 'Mô tả đủ dài cho biểu mẫu báo cáo ban đầu. '.repeat(20),
      detectedAt: '2026-11-20T08:00:00+07:00',
      indicators: [{ type: 'ip', value: '203.0.113.9' }],
    });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string };
}

describe('GET /api/incidents?view=card', () => {
  it("answers the board's compact projection: only the card fields, a fraction of the full size", async () => {
    const filed = await file('Thẻ bảng: thư lừa đảo giả mạo');
    const query = `/api/incidents?open=true&q=${encodeURIComponent('the bang')}`;
    const cards = await hub.http().get(`${query}&view=card`).set('Authorization', `Bearer ${responder}`);
    const full = await hub.http().get(query).set('Authorization', `Bearer ${responder}`);
    expect(cards.status).toBe(200);
    expect(cards.body.items.map((c: { id: string }) => c.id)).toEqual([filed.id]);
    const card = cards.body.items[0];
    expect(Object.keys(card).sort()).toEqual(CARD_FIELDS);
    expect(Object.keys(card.routing).sort()).toEqual(['teamId', 'teamIds']);
    expect(card).toMatchObject({ code: filed.code, status: 'received', version: 1 });
    // Every card field has the value the full incident has.
    const incident = full.body.items[0];
    for (const field of CARD_FIELDS.filter((f) => f !== 'routing')) expect(card[field]).toEqual(incident[field]);
    expect(JSON.stringify(card).length * 3).toBeLessThan(JSON.stringify(incident).length);
    // Where the event log stood before the page was read: the console catches up from there.
    expect(cards.body.lastSeq).toBe(await hub.store.events.lastSeq());
    expect(full.body.lastSeq).toBeUndefined();
  });

  it('keeps filters and paging, one status column a page at a time', async () => {
    await file('Cột bảng một: mã độc', 'malware');
    await file('Cột bảng hai: mã độc', 'malware');
    const first = await hub
      .http()
      .get('/api/incidents?status=received&category=malware&view=card&limit=1')
      .set('Authorization', `Bearer ${responder}`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await hub
      .http()
      .get(`/api/incidents?status=received&category=malware&view=card&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set('Authorization', `Bearer ${responder}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    for (const card of [...first.body.items, ...second.body.items]) expect(card).toMatchObject({ status: 'received', category: 'malware' });
  });

  it('refuses an unknown view', async () => {
    const res = await hub.http().get('/api/incidents?view=tiny').set('Authorization', `Bearer ${responder}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('view');
  });
});
