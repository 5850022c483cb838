/**
 * The incident feature over real HTTP, one describe per behaviour (filing, exactly once,
 * access, evidence, machine intake, search, lifecycle, checklist). Over 400 lines because it
 * shares one seeded hub across them; each test creates the incidents it asserts on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, type IncidentView, type SystemView, type TeamView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;
let agencyB: string;

const as = (who: string) => {
  const agent = hub.http();
  const auth = `Bearer ${token[who]}`;
  return {
    get: (url: string) => agent.get(url).set('Authorization', auth),
    post: (url: string, body: object, headers: Record<string, string> = {}) =>
      agent.post(url).set('Authorization', auth).set(headers).send(body),
    put: (url: string, body: object) => agent.put(url).set('Authorization', auth).send(body),
    upload: (url: string, name: string, content: Buffer | string) =>
      agent
        .post(url)
        .set('Authorization', auth)
        .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name),
  };
};

const report = (overrides: Record<string, unknown> = {}) => ({
  agencyId: agencyA,
  systemName: 'Cổng thông tin điện tử Sở Tài chính',
  systemLevel: 2,
  title: 'Trang chủ bị thay đổi giao diện',
  category: 'defacement',
  description: 'Sáng nay trang chủ hiển thị nội dung lạ, có dòng chữ của nhóm tin tặc.',
  detectedAt: '2026-11-20T08:30:00+07:00',
  detectionMethod: 'Người dân gọi điện báo',
  impacts: ['service_interruption'],
  indicators: [
    { type: 'ip', value: '203.0.113.7' },
    { type: 'domain', value: 'evil.example' },
  ],
  actionsTaken: 'Đã tạm tắt trang.',
  supportRequested: true,
  tlp: 'amber',
  ...overrides,
});

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T03:00:00Z'); // 10:00 in Hà Nội
  for (const u of ['admin', 'coordinator', 'responder', 'focal.a', 'focal.b', 'leader']) token[u] = await signIn(hub, u);
  agencyA = (await as('focal.a').get('/api/me')).body.agencyId;
  agencyB = (await as('focal.b').get('/api/me')).body.agencyId;
});
afterAll(() => hub.close());

describe('filing a report', () => {
  it('answers 201 with the stored incident, a code to read aloud, and the standing team as owner', async () => {
    const res = await as('focal.a').post('/api/incidents', report());
    expect(res.status).toBe(201);
    const incident = res.body as IncidentView;
    expect(incident.code).toMatch(/^SC-2026-\d{6}$/);
    expect(incident).toMatchObject({
      status: 'received',
      agencyId: agencyA,
      reportedVia: 'agency',
      serious: false,
      lateReport: false,
      drill: null,
    });
    const teams = (await as('admin').get('/api/teams')).body.items as TeamView[];
    expect(incident.routing.teamId).toBe(teams.find((t) => t.isStanding)!.id);
    expect(incident.indicators).toEqual([
      { type: 'ip', value: '203.0.113.7' },
      { type: 'domain', value: 'evil.example' },
    ]);
    expect(incident.contact?.phone).toBeTruthy();
    const again = await as('focal.a').post('/api/incidents', report({ title: 'Một sự cố khác' }));
    expect(Number(again.body.code.slice(-6))).toBe(Number(incident.code.slice(-6)) + 1);
  });

  it('applies R2: a level-4 system with service interruption that the agency cannot handle is serious, a level-2 one is not', async () => {
    const four = await as('focal.a').post('/api/incidents', report({ systemLevel: 4, canHandleAlone: false }));
    const unanswered = await as('focal.a').post('/api/incidents', report({ systemLevel: 4 }));
    const two = await as('focal.a').post('/api/incidents', report({ systemLevel: 2, canHandleAlone: false }));
    expect(four.body.serious).toBe(true);
    expect(four.body.seriousReasons).toEqual(['system_level_4', 'impact_service_interruption', 'owner_cannot_handle_alone']);
    // (a)+(b) hold but the agency did not say it cannot cope: it meets the criteria, a coordinator decides.
    expect(unanswered.body).toMatchObject({ serious: false, seriousness: { meetsCriteria: true, canHandleAlone: null } });
    expect(two.body.serious).toBe(false);
  });

  it('fills level and sector from a registry system, and refuses another agency’s system', async () => {
    const systems = (await as('admin').get('/api/systems?q=scada%20dieu%20khien')).body.items as SystemView[];
    const scada = systems[0]!;
    const cert = await as('responder').post(
      '/api/incidents',
      report({ agencyId: scada.agencyId, systemId: scada.id, systemName: null, systemLevel: null }),
    );
    expect(cert.status).toBe(201);
    expect(cert.body).toMatchObject({
      systemLevel: 5,
      nationalCritical: true,
      sector: 'energy',
      seriousness: { meetsCriteria: true },
      reportedVia: 'cert',
    });
    const foreign = await as('focal.a').post('/api/incidents', report({ systemId: scada.id }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0].path).toBe('systemId');
  });

  it('applies R1: detected six days before the report is late', async () => {
    const res = await as('focal.a').post('/api/incidents', report({ detectedAt: '2026-11-14T09:00:00+07:00' }));
    expect(res.body.lateReport).toBe(true);
  });

  it.each([
    ['a detection time in the future', { detectedAt: '2026-11-21T10:00:00+07:00' }, 'detectedAt'],
    ['an unknown category', { category: 'aliens' }, 'category'],
    ['an unknown impact', { impacts: ['bad_vibes'] }, 'impacts.0'],
    ['a malformed IPv4', { indicators: [{ type: 'ip', value: '300.1.2.3' }] }, 'indicators.0.value'],
    ['a URL that is not one', { indicators: [{ type: 'url', value: 'javascript:alert(1)' }] }, 'indicators.0.value'],
    ['a short MD5', { indicators: [{ type: 'md5', value: 'abc123' }] }, 'indicators.0.value'],
    ['a SHA-256 with non-hex', { indicators: [{ type: 'sha256', value: 'z'.repeat(64) }] }, 'indicators.0.value'],
    ['a bad e-mail', { indicators: [{ type: 'email', value: 'not-mail' }] }, 'indicators.0.value'],
    ['an unknown indicator type', { indicators: [{ type: 'btc', value: '1abc' }] }, 'indicators.0.type'],
    ['a date without a time zone', { detectedAt: '2026-11-20 08:30' }, 'detectedAt'],
  ])('refuses %s with 400 and the field', async (_n, overrides, field) => {
    const before = await hub.store.incidents.count();
    const res = await as('focal.a').post('/api/incidents', report(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await hub.store.incidents.count()).toBe(before);
  });

  it('accepts every valid indicator type', async () => {
    const res = await as('focal.a').post(
      '/api/incidents',
      report({
        indicators: [
          { type: 'ip', value: '2001:db8::1' },
          { type: 'url', value: 'https://evil.example/login.php?a=1' },
          { type: 'md5', value: 'D41D8CD98F00B204E9800998ECF8427E' },
          { type: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
          { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
          { type: 'email', value: 'attacker@evil.example' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.indicators[2].value).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('a focal point cannot report for another agency', async () => {
    const res = await as('focal.a').post('/api/incidents', report({ agencyId: agencyB }));
    expect(res.status).toBe(403);
  });

  it('leaders are read-only', async () => {
    expect((await as('leader').post('/api/incidents', report())).status).toBe(403);
  });

  it('stores markup in the description verbatim, as data', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await as('focal.a').post('/api/incidents', report({ description: `Mô tả ${evil}`, title: `Tiêu đề ${evil}` }));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.description).toBe(`Mô tả ${evil}`);
  });
});

describe('exactly once', () => {
  it('a retried Idempotency-Key returns the same incident and creates nothing', async () => {
    const key = 'report-2026-11-20-a1b2c3d4';
    const first = await as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': key });
    const count = await hub.store.incidents.count();
    const seq = await hub.store.events.lastSeq();
    const retry = await as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.code).toBe(first.body.code);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await hub.store.incidents.count()).toBe(count);
    // Subscribers (notifications, SLA) may still record their own events about the first
    // report; the retry itself records nothing.
    const later = await hub.store.events.listAfter(seq, 100);
    expect(later.filter((e) => e.entity === 'incident' && e.type !== EVENTS.incidentSlaDueChanged)).toEqual([]);
  });

  it('concurrent retries still create one incident', async () => {
    const key = 'report-concurrent-0001';
    const before = await hub.store.incidents.count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': key })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await hub.store.incidents.count()).toBe(before + 1);
  });

  it('the same key with a different body is 422', async () => {
    const key = 'report-mismatch-0001';
    await as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': key });
    const other = await as('focal.a').post('/api/incidents', report({ title: 'Báo cáo khác hẳn' }), { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
  });

  it('keys are per reporter: another user’s key does not collide', async () => {
    const key = 'shared-looking-key-01';
    const a = await as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': key });
    const b = await as('focal.b').post('/api/incidents', report({ agencyId: agencyB }), { 'Idempotency-Key': key });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('a malformed key is 400', async () => {
    expect((await as('focal.a').post('/api/incidents', report(), { 'Idempotency-Key': 'bad key!' })).status).toBe(400);
  });
});

describe('who sees what', () => {
  let incident: IncidentView;
  beforeAll(async () => {
    incident = (await as('focal.a').post('/api/incidents', report({ title: 'Sự cố riêng của Sở Tài chính' }))).body;
  });

  it('the reporting agency, the routed team and leaders see it', async () => {
    for (const who of ['focal.a', 'responder', 'coordinator', 'leader', 'admin'])
      expect((await as(who).get(`/api/incidents/${incident.id}`)).status).toBe(200);
  });

  it('another agency sees nothing: not by list, not by id', async () => {
    expect((await as('focal.b').get(`/api/incidents/${incident.id}`)).status).toBe(404);
    const list = await as('focal.b').get('/api/incidents?limit=200');
    expect(list.body.items.every((i: IncidentView) => i.agencyId === agencyB)).toBe(true);
    const forced = await as('focal.b').get(`/api/incidents?agencyId=${agencyA}`);
    expect(forced.body.items).toEqual([]);
  });

  it('a responder of another team sees nothing', async () => {
    const police = ((await as('admin').get('/api/teams?kind=police')).body.items as TeamView[])[0]!;
    await as('admin').post('/api/users', {
      username: 'pa05.officer',
      displayName: 'Cán bộ PA05',
      password: 'Mat-khau-2026',
      role: 'responder',
      teamIds: [police.id],
    });
    const officer = await signIn(hub, 'pa05.officer', 'Mat-khau-2026');
    const res = await hub.http().get(`/api/incidents/${incident.id}`).set('Authorization', `Bearer ${officer}`);
    expect(res.status).toBe(404);
  });

  it('incidents touching state secrets also go to the police (R7)', async () => {
    const filed = await as('focal.a').post('/api/incidents', report({ impacts: ['state_secret_disclosure'] }));
    // How routing decided is the CERT's working data: read it as staff.
    const res = await as('admin').get(`/api/incidents/${filed.body.id}`);
    const police = ((await as('admin').get('/api/teams?kind=police')).body.items as TeamView[])[0]!;
    expect(res.body.routing.teamIds).toContain(police.id);
    expect(res.body.routing.teamId).toBe(police.id);
    expect(res.body.routing.reasons).toContain('impacts=state_secret_disclosure');
    expect(filed.body.routing.reasons).toBeUndefined();
  });
});

describe('evidence files', () => {
  let incident: IncidentView;
  const png = fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/screenshot.png'));

  beforeAll(async () => {
    incident = (await as('focal.a').post('/api/incidents', report({ title: 'Sự cố có bằng chứng' }))).body;
  });

  it('accepts a screenshot and serves it only as a download to those who may see it', async () => {
    const up = await as('focal.a').upload(`/api/incidents/${incident.id}/attachments`, 'ảnh chụp màn hình.png', png);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'ảnh chụp màn hình.png', mediaType: 'image/png', size: png.length });
    const url = `/api/incidents/${incident.id}/attachments/${up.body.id}`;
    const down = await as('responder').get(url).buffer(true);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/octet-stream');
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(down.body as Buffer, png)).toBe(0);
    expect((await as('focal.b').get(url)).status).toBe(404);
    expect((await as('focal.b').get(`/api/incidents/${incident.id}/attachments`)).status).toBe(404);
    // Stored under a generated name inside the data directory, not under the given name.
    const stored = await hub.store.attachments.get(up.body.id);
    expect(stored!.storageKey).not.toContain('png');
    expect(fs.existsSync(path.join(hub.dataDir, 'attachments', stored!.storageKey))).toBe(true);
  });

  it('a name like ../../etc/passwd is reduced to its base name and stored inert', async () => {
    const up = await as('focal.a').upload(
      `/api/incidents/${incident.id}/attachments`,
      '../../etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\n',
    );
    expect(up.status).toBe(201);
    expect(up.body.fileName).toBe('passwd');
    expect(up.body.mediaType).toBe('text/plain');
    expect(fs.existsSync('/etc/passwd.cert-hub')).toBe(false);
    const down = await as('focal.a').get(`/api/incidents/${incident.id}/attachments/${up.body.id}`);
    expect(down.headers['content-disposition']).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
  });

  it('refuses an HTML page disguised as an image', async () => {
    const before = (await hub.store.attachments.listByIncident(incident.id)).length;
    const up = await as('focal.a').upload(`/api/incidents/${incident.id}/attachments`, 'anh.png', '<html><script>alert(1)</script></html>');
    expect(up.status).toBe(415);
    expect(up.body.error.message).toMatch(/png/);
    expect((await hub.store.attachments.listByIncident(incident.id)).length).toBe(before);
  });

  it('refuses an HTML file outright', async () => {
    expect((await as('focal.a').upload(`/api/incidents/${incident.id}/attachments`, 'page.html', '<html></html>')).status).toBe(415);
  });

  it('refuses a file one byte over the limit with 413, and leaves nothing behind', async () => {
    const limit = hub.deps.settings.attachmentMaxBytes;
    const over = await as('focal.a').upload(`/api/incidents/${incident.id}/attachments`, 'big.log', Buffer.alloc(limit + 1, 'a'));
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('payload_too_large');
    const atLimit = await as('focal.a').upload(`/api/incidents/${incident.id}/attachments`, 'exact.log', Buffer.alloc(limit, 'a'));
    expect(atLimit.status).toBe(201);
    expect(fs.readdirSync(path.join(hub.dataDir, 'attachments', 'incoming'))).toEqual([]);
  });

  it('a retried upload with the same Idempotency-Key stores the file once', async () => {
    const agent = hub.http();
    const send = () =>
      agent
        .post(`/api/incidents/${incident.id}/attachments`)
        .set('Authorization', `Bearer ${token['focal.a']}`)
        .set('Idempotency-Key', 'upload-0001-abcd')
        .attach('file', Buffer.from('log line 1\n'), 'auth.log');
    const first = await send();
    const second = await send();
    expect(second.body.id).toBe(first.body.id);
  });

  it('another agency cannot upload to it', async () => {
    expect((await as('focal.b').upload(`/api/incidents/${incident.id}/attachments`, 'x.txt', 'x')).status).toBe(404);
  });
});

describe('machine intake', () => {
  it('an administrator issues a key bound to agencies; it files with the same rules; revoked it stops', async () => {
    const issued = await as('admin').post('/api/api-keys', { name: 'SOC tỉnh Hòa Lâm', agencyIds: [agencyA] });
    expect(issued.status).toBe(201);
    const key = issued.body.key as string;
    expect(key).toMatch(/^chk_/);
    // Stored hashed: the key itself is nowhere in the store.
    const stored = await hub.store.apiKeys.get(issued.body.id);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect((await as('admin').get('/api/api-keys')).body.items[0]).not.toHaveProperty('key');

    const machine = (body: object, headers: Record<string, string> = {}) =>
      hub.http().post('/api/incidents').set('X-API-Key', key).set(headers).send(body);
    const filed = await machine(report({ contact: { name: 'Trực ban SOC', phone: '0263 3999 000' } }), {
      'Idempotency-Key': 'siem-alert-778899',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ reportedVia: 'machine', reporter: { kind: 'api_key', name: 'SOC tỉnh Hòa Lâm' } });
    const retry = await machine(report({ contact: { name: 'Trực ban SOC', phone: '0263 3999 000' } }), {
      'Idempotency-Key': 'siem-alert-778899',
    });
    expect(retry.body.id).toBe(filed.body.id);
    expect((await machine(report({ agencyId: agencyB }))).status).toBe(403);
    expect((await machine(report({ category: 'nope' }))).status).toBe(400);
    // A key does not open the rest of the API.
    expect((await hub.http().get('/api/agencies').set('X-API-Key', key)).status).toBe(401);

    expect((await as('focal.a').post(`/api/api-keys/${issued.body.id}/revoke`, {})).status).toBe(403);
    expect((await as('admin').post(`/api/api-keys/${issued.body.id}/revoke`, {})).status).toBe(200);
    expect((await machine(report())).status).toBe(401);
  });
});

describe('search', () => {
  const ids = (res: { body: { items: IncidentView[] } }) => res.body.items.map((i) => i.id);

  it('finds by text without diacritics, by code, by indicator, and filters', async () => {
    // This test's own incidents: a marker no other test uses, one serious and one not.
    const marker = 'Máy chủ thư điện tử Đắk Nông bị mã hoá';
    const serious = (await as('focal.a').post('/api/incidents', report({ title: marker, systemLevel: 4, canHandleAlone: false })))
      .body as IncidentView;
    const minor = (
      await as('focal.a').post(
        '/api/incidents',
        report({ title: `${marker} một phần`, systemLevel: 2, indicators: [{ type: 'ip', value: '198.51.100.77' }] }),
      )
    ).body as IncidentView;
    expect([serious.serious, minor.serious]).toEqual([true, false]);

    const byText = await as('responder').get('/api/incidents?q=may%20chu%20thu%20dien%20tu%20dak%20nong&limit=200');
    expect(ids(byText).sort()).toEqual([serious.id, minor.id].sort());
    expect((await as('responder').get(`/api/incidents?q=${minor.code}`)).body.items.map((i: IncidentView) => i.id)).toEqual([minor.id]);
    expect(ids(await as('responder').get('/api/incidents?q=198.51.100.77&limit=200'))).toEqual([minor.id]);
    const seriousOnly = await as('leader').get('/api/incidents?serious=true&limit=200');
    expect(seriousOnly.body.items.every((i: IncidentView) => i.serious)).toBe(true);
    expect(ids(seriousOnly)).toContain(serious.id);
    expect(ids(seriousOnly)).not.toContain(minor.id);
    const drills = await as('leader').get('/api/incidents?drill=true&limit=200');
    expect(drills.body.items.every((i: IncidentView) => i.drill !== null)).toBe(true);
    expect(ids(drills)).not.toContain(serious.id);
    expect((await as('leader').get('/api/incidents?status=bogus')).status).toBe(400);
  });

  it('pages newest first with a cursor and no overlap', async () => {
    // Five incidents of its own, a second apart, found by a marker only they carry.
    const mine: string[] = [];
    for (let n = 1; n <= 5; n++) {
      hub.clock.advance(1000);
      mine.push((await as('focal.a').post('/api/incidents', report({ title: `Sự cố phân trang Quảng Trị số ${n}` }))).body.id);
    }
    const seen: IncidentView[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: IncidentView[]; nextCursor: string | null } } = await as('leader').get(
        `/api/incidents?q=phan%20trang%20quang%20tri&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.id)).toEqual([...mine].reverse());
  });
});

describe('from report to confirmed closing report', () => {
  it('walks the lifecycle with questions to the agency, and the agency confirms the closing report', async () => {
    let incident = (await as('focal.a').post('/api/incidents', report({ title: 'Sự cố để xử lý đến cùng' }))).body as IncidentView;
    const move = async (who: string, body: object) =>
      as(who).post(`/api/incidents/${incident.id}/transitions`, { version: incident.version, ...body });

    expect((await move('focal.a', { to: 'triage' })).status).toBe(403);
    const triage = await move('responder', { to: 'triage' });
    expect(triage.status).toBe(200);
    incident = triage.body;
    const stale = await as('coordinator').post(`/api/incidents/${incident.id}/transitions`, { to: 'initial_response', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.status).toBe('triage');
    const unclassified = await move('responder', { to: 'initial_response' });
    expect(unclassified.status).toBe(422);
    const illegal = await move('responder', { to: 'closed' });
    expect(illegal.status).toBe(422);
    expect(illegal.body.error.details.allowed).toEqual(['initial_response', 'rejected']);

    // A question to the agency, an internal note, and the agency's reply.
    await as('responder').post(`/api/incidents/${incident.id}/comments`, {
      body: 'Đơn vị đã sao lưu nhật ký máy chủ web chưa?',
      visibility: 'agency',
    });
    await as('responder').post(`/api/incidents/${incident.id}/comments`, {
      body: 'Ghi chú nội bộ: nghi nhóm APT quen thuộc',
      visibility: 'internal',
    });
    const reply = await as('focal.a').post(`/api/incidents/${incident.id}/comments`, {
      body: 'Đã sao lưu, gửi kèm tệp nhật ký.',
      visibility: 'internal',
    });
    expect(reply.body).toMatchObject({ visibility: 'agency' });
    const seenByAgency = (await as('focal.a').get(`/api/incidents/${incident.id}/comments`)).body.items.map(
      (c: { body: string }) => c.body,
    );
    expect(seenByAgency).toEqual(['Đơn vị đã sao lưu nhật ký máy chủ web chưa?', 'Đã sao lưu, gửi kèm tệp nhật ký.']);
    expect((await as('responder').get(`/api/incidents/${incident.id}/comments`)).body.items).toHaveLength(3);

    for (const step of [{ to: 'initial_response', severity: 'high' }, { to: 'containment' }, { to: 'recovery' }]) {
      const res = await move('responder', step);
      expect(res.status).toBe(200);
      incident = res.body;
    }
    expect((await move('responder', { to: 'closed' })).status).toBe(422);
    const closed = await move('coordinator', {
      to: 'closed',
      closingReport: {
        rootCause: 'Plugin CMS lỗi thời cho phép tải tệp lên',
        actionsTaken: 'Gỡ webshell, vá plugin, đổi mật khẩu quản trị',
        damage: 'Trang chủ bị thay đổi 3 giờ; không mất dữ liệu',
        recoveryTime: '3 giờ',
        recommendations: 'Cập nhật CMS hằng tháng; bật WAF',
      },
    });
    expect(closed.status).toBe(200);
    incident = closed.body;
    expect(incident.status).toBe('closed');

    expect((await as('responder').post(`/api/incidents/${incident.id}/closure-confirmation`, { version: incident.version })).status).toBe(
      403,
    );
    const confirmed = await as('focal.a').post(`/api/incidents/${incident.id}/closure-confirmation`, {
      version: incident.version,
      note: 'Đồng ý',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.closureConfirmation.note).toBe('Đồng ý');

    const agencyTimeline = (await as('focal.a').get(`/api/incidents/${incident.id}/timeline`)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(agencyTimeline).not.toContain('incident.updated');
    expect(agencyTimeline.filter((t: string) => t === 'incident.comment_added')).toHaveLength(2);
    expect(agencyTimeline[0]).toBe('incident.created');
    expect(agencyTimeline.at(-1)).toBe('incident.closure_confirmed');
    const certTimeline = (await as('responder').get(`/api/incidents/${incident.id}/timeline`)).body.items;
    expect(certTimeline.filter((e: { type: string }) => e.type === 'incident.comment_added')).toHaveLength(3);
  });
});

describe('response checklist and assignment', () => {
  it('a new incident starts with its category’s playbook; coordinators edit playbooks', async () => {
    const filed = (await as('focal.a').post('/api/incidents', report({ category: 'ransomware' }))).body as IncidentView;
    // The checklist is the CERT's working data: the agency's answer carries none.
    expect(filed.tasks).toBeUndefined();
    const before = (await as('responder').get(`/api/incidents/${filed.id}`)).body as IncidentView;
    expect(before.tasks!.map((t) => t.title)).toContain('Cô lập ngay các máy bị mã hóa khỏi mạng');
    expect(before.tasks!.every((t) => !t.done)).toBe(true);

    expect((await as('responder').put('/api/playbooks/ransomware', { tasks: ['Bước một'] })).status).toBe(403);
    expect((await as('focal.a').get('/api/playbooks')).status).toBe(403);
    const edited = await as('coordinator').put('/api/playbooks/ransomware', { tasks: ['Cô lập máy', 'Báo Công an tỉnh'] });
    expect(edited.status).toBe(200);
    expect((await as('coordinator').put('/api/playbooks/aliens', { tasks: ['x y'] })).status).toBe(404);
    const playbooks = (await as('responder').get('/api/playbooks')).body.items as { category: string; customised: boolean }[];
    expect(playbooks.find((p) => p.category === 'ransomware')!.customised).toBe(true);
    const filedAfter = (await as('focal.a').post('/api/incidents', report({ category: 'ransomware' }))).body as IncidentView;
    const after = (await as('responder').get(`/api/incidents/${filedAfter.id}`)).body as IncidentView;
    expect(after.tasks!.map((t) => t.title)).toEqual(['Cô lập máy', 'Báo Công an tỉnh']);
    // Incidents already filed keep their own checklist.
    expect((await as('responder').get(`/api/incidents/${before.id}`)).body.tasks.length).toBe(before.tasks!.length);
  });

  it('responders tick tasks with the version check; the agency cannot', async () => {
    const filed = (await as('focal.a').post('/api/incidents', report())).body as IncidentView;
    const incident = (await as('responder').get(`/api/incidents/${filed.id}`)).body as IncidentView;
    const task = incident.tasks![0]!;
    expect(
      (await as('focal.a').put(`/api/incidents/${incident.id}/tasks/${task.id}`, { done: true, version: incident.version })).status,
    ).toBe(403);
    const ticked = await as('responder').put(`/api/incidents/${incident.id}/tasks/${task.id}`, { done: true, version: incident.version });
    expect(ticked.status).toBe(200);
    expect(ticked.body.tasks[0]).toMatchObject({ done: true, doneAt: expect.any(String) });
    expect(
      (await as('coordinator').put(`/api/incidents/${incident.id}/tasks/${task.id}`, { done: false, version: incident.version })).status,
    ).toBe(409);
    const added = await as('coordinator').post(`/api/incidents/${incident.id}/tasks`, {
      title: 'Gọi nhà cung cấp hosting',
      version: ticked.body.version,
    });
    expect(added.status).toBe(201);
    expect(added.body.tasks.at(-1).title).toBe('Gọi nhà cung cấp hosting');
    // The agency's timeline does not show internal checklist work.
    const types = (await as('focal.a').get(`/api/incidents/${incident.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(types).not.toContain('incident.task_updated');
  });

  it('assigns only members of the handling teams, with the version check', async () => {
    const incident = (await as('focal.a').post('/api/incidents', report())).body as IncidentView;
    const users = (await as('coordinator').get('/api/users?limit=100')).body.items as { id: string; username: string }[];
    const responder = users.find((u) => u.username === 'responder')!;
    const leader = users.find((u) => u.username === 'leader')!;
    const patch = (who: string, body: object) =>
      hub.http().patch(`/api/incidents/${incident.id}`).set('Authorization', `Bearer ${token[who]}`).send(body);
    expect((await patch('coordinator', { assigneeIds: [leader.id], version: incident.version })).status).toBe(422);
    const assigned = await patch('coordinator', { assigneeIds: [responder.id], severity: 'medium', version: incident.version });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeIds: [responder.id], severity: 'medium' });
    expect((await patch('responder', { severity: 'low', version: incident.version })).status).toBe(409);
    expect((await patch('focal.a', { severity: 'low', version: assigned.body.version })).status).toBe(403);
    expect((await patch('coordinator', { status: 'closed', version: assigned.body.version })).status).toBe(400);
    const mine = (await as('responder').get(`/api/incidents?assigneeId=${responder.id}`)).body.items.map((i: IncidentView) => i.id);
    expect(mine).toContain(incident.id);
  });
});
