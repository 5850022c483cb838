/** GET /api/incidents/count (issue #12, item 12): the list's total, in the viewer's scope, with the list's filters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
beforeAll(async () => {
  hub = await createSeededHub();
  for (const u of ['focal.a', 'focal.b', 'coordinator', 'leader']) token[u] = await signIn(hub, u);
  const agencyId = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
  for (const [title, category] of [
    ['Trang chủ bị thay đổi', 'defacement'],
    ['Máy trạm nhiễm mã độc', 'malware'],
    ['Thư lừa đảo giả mạo', 'phishing'],
  ] as const) {
    const res = await hub
      .http()
      .post('/api/incidents')
      .set('Authorization', `Bearer ${token['focal.a']}`)
      .send({ agencyId, title, category, description: 'Mô tả sự cố đủ dài.', detectedAt: '2026-11-19T08:00:00+07:00' });
    expect(res.status).toBe(201);
  }
});
afterAll(() => hub.close());

const get = (who: string, url: string) => hub.http().get(url).set('Authorization', `Bearer ${token[who]}`);

async function listedTotal(who: string, query: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const res = await get(who, `/api/incidents?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    total += (res.body.items as unknown[]).length;
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return total;
}

describe('incident count', () => {
  it.each([
    ['focal.a', ''],
    ['focal.a', '&category=malware'],
    ['focal.b', ''],
    ['coordinator', '&q=ma%20doc'],
    ['leader', '&open=true'],
  ])('%s %s: the total equals what the list pages through', async (who, query) => {
    const res = await get(who, `/api/incidents/count?${query.slice(1)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: await listedTotal(who, query) });
  });

  it('an agency counts only its own incidents, whatever it asks for', async () => {
    const a = (await get('focal.a', '/api/incidents/count')).body.total as number;
    expect(a).toBeGreaterThanOrEqual(3);
    const agencyA = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
    expect((await get('focal.b', `/api/incidents/count?agencyId=${agencyA}`)).body).toEqual({ total: 0 });
  });

  it('refuses bad filters and anonymous callers', async () => {
    expect((await get('focal.a', '/api/incidents/count?severity=huge')).status).toBe(400);
    expect((await get('focal.a', '/api/incidents/count?limit=5')).status).toBe(400);
    expect((await hub.http().get('/api/incidents/count')).status).toBe(401);
  });
});
