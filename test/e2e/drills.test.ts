/**
 * Drills end to end over real HTTP: the hub restarts during a running drill and the
 * remaining injects fire once each, at their stored due times, from the timer the server
 * arms at boot; then, in real Chromium, a coordinator plans and starts a drill whose
 * incidents appear on the board marked DIỄN TẬP, and the leader reaches the year view
 * from the home page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillMetricsView, DrillView, IncidentView, TeamView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let served: ServedHub;
let browser: Browser | null = null;

async function call<T>(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await signIn(served.hub, who);
  const res = await fetch(`${served.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Polls the hub until `check` holds: the server's own timer does the work, the test only watches. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  served = await serveSeededHub();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a hub restart during a running drill', () => {
  it('fires the remaining injects once each, on time, from the timer armed at boot', async () => {
    const me = (await call<{ agencyId: string }>('focal.a', 'GET', '/me')).body;
    const teams = (await call<{ items: TeamView[] }>('admin', 'GET', '/teams')).body.items;
    const cert = teams.find((t) => t.isStanding)!.id;
    const incident = (title: string) => ({
      title,
      category: 'ddos',
      description: 'Kịch bản: cổng thông tin bị tấn công từ chối dịch vụ.',
      impacts: ['service_interruption'],
    });
    const created = await call<DrillView>('coordinator', 'POST', '/drills', {
      name: 'Diễn tập khởi động lại máy chủ',
      year: 2026,
      type: 'live_fire',
      participatingAgencyIds: [me.agencyId],
      teamIds: [cert],
      injects: [
        { offset: 'PT0S', target: { teamId: cert, agencyId: me.agencyId }, incident: incident('Tình huống 1: DDoS cổng thông tin') },
        { offset: 'PT1M', target: { teamId: cert, agencyId: me.agencyId }, incident: incident('Tình huống 2: DDoS cổng dịch vụ công') },
        { offset: 'PT2M', target: { teamId: cert, agencyId: me.agencyId }, incident: incident('Tình huống 3: DDoS hệ thống thư') },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const started = await call<DrillView>('coordinator', 'POST', `/drills/${id}/start`, {});
    expect(started.status).toBe(200);
    const startAt = Date.parse(started.body.startedAt!);
    const firedCount = async () => (await served.hub.store.drills.get(id))!.injects.filter((i) => i.firedAt).length;
    expect(await firedCount()).toBe(1);

    await served.restart();
    // Nothing is due yet: the restarted timer must not fire early.
    served.hub.clock.advance(59_000);
    const drillIncidents = async () =>
      (await served.hub.store.incidents.list({ limit: 100, drill: true })).items.filter((i) => i.drill?.drillId === id);
    expect((await drillIncidents()).length).toBe(1);
    served.hub.clock.advance(1_000);
    await until(drillIncidents, (items) => items.length === 2);
    served.hub.clock.advance(60_000);
    const all = await until(drillIncidents, (items) => items.length === 3);

    const drill = (await served.hub.store.drills.get(id))!;
    expect(drill.injects.map((i) => i.firedAt)).toEqual([0, 60_000, 120_000].map((ms) => new Date(startAt + ms).toISOString()));
    expect(new Set(all.map((i) => i.drill!.injectId))).toEqual(new Set(drill.injects.map((i) => i.id)));
    // Each once: the timer keeps running, nothing more appears.
    served.hub.clock.advance(600_000);
    await served.hub.services.drills.fireDue();
    expect((await drillIncidents()).length).toBe(3);
    await call('coordinator', 'POST', `/drills/${id}/end`, {});
  }, 60_000);
});

describe('drills in the console (real Chromium)', () => {
  let problems: string[] = [];
  const newPage = async (width = 1366, height = 900): Promise<Page> => {
    browser ??= await launchBrowser();
    const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    problems = watchConsole(page);
    return page;
  };

  it('a coordinator plans and starts a drill; its incidents appear on the board marked DIỄN TẬP; the responder’s times show on the drill', async () => {
    const page = await newPage();
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.getByRole('menuitem', { name: 'Diễn tập' }).click();
    await page.getByRole('button', { name: 'Lập kế hoạch diễn tập' }).click();
    await page.getByLabel('Tên cuộc diễn tập').fill('Diễn tập trên trình duyệt 2026');
    await page.getByLabel('Cơ quan, đơn vị tham gia').fill('Sở Tài chính');
    await page.keyboard.press('Enter');
    await page.getByLabel('Kịch bản', { exact: true }).click(); // closes the agency list
    for (const [index, [offset, title]] of [
      ['PT0S', 'Diễn tập: máy chủ thư điện tử nhiễm mã độc'],
      ['PT30S', 'Diễn tập: máy trạm kế toán nhiễm mã độc'],
    ].entries()) {
      await page.getByRole('button', { name: 'Thêm tình huống' }).click();
      const inject = page.getByRole('group', { name: `Tình huống (inject) ${index + 1}` });
      await inject.getByLabel('Thời điểm (ISO-8601, ví dụ PT10M)').fill(offset!);
      await inject.getByLabel('Tiêu đề sự cố').fill(title!);
      await inject.getByLabel('Mô tả', { exact: true }).fill('Kịch bản diễn tập: phát hiện tệp lạ và lưu lượng bất thường.');
    }
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    const drillUrl = page.url();
    await page.getByText('Đang diễn tập').first().waitFor();
    await screenshot(page, 'drill-running');

    await page.getByRole('menuitem', { name: 'Bảng điều phối' }).click();
    const first = page.getByTestId('board-card').filter({ hasText: 'máy chủ thư điện tử nhiễm mã độc' });
    await expect.poll(async () => first.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => first.innerText()).toContain('DIỄN TẬP');
    // The second inject is due 30 s later: move the hub's clock, the board receives it live.
    served.hub.clock.advance(30_000);
    const second = page.getByTestId('board-card').filter({ hasText: 'máy trạm kế toán nhiễm mã độc' });
    await expect.poll(async () => second.count(), { timeout: 15_000 }).toBe(1);
    expect(await second.innerText()).toContain('DIỄN TẬP');
    await screenshot(page, 'drill-board');

    // The responder acknowledges both 45 s after the first inject and contains them a minute later.
    const drillId = new URL(drillUrl).pathname.split('/').pop()!;
    const drill = (await call<DrillView>('coordinator', 'GET', `/drills/${drillId}`)).body;
    const incidentIds = drill.injects.map((i) => i.incidentId!);
    const moveAll = async (to: string, extra: Record<string, unknown> = {}) => {
      for (const id of incidentIds) {
        const current = (await call<IncidentView>('responder', 'GET', `/incidents/${id}`)).body;
        const moved = await call('responder', 'POST', `/incidents/${id}/transitions`, { to, version: current.version, ...extra });
        expect(moved.status).toBe(200);
      }
    };
    served.hub.clock.advance(15_000);
    await moveAll('triage');
    served.hub.clock.advance(60_000);
    await moveAll('initial_response', { severity: 'high' });
    await moveAll('containment');
    await moveAll('recovery');
    const metrics = (await call<DrillMetricsView>('coordinator', 'GET', `/drills/${drillId}/metrics`)).body;
    expect(metrics.rows.map((r) => [r.seconds.acknowledged, r.seconds.contained])).toEqual([
      [45, 105],
      [15, 75],
    ]);
    await page.goto(drillUrl);
    await screenshot(page, 'drill-metrics');
    // On the controller's panel: 45 s to acknowledge, 105 s to leave triage and to contain.
    const row = page.getByRole('row').filter({ hasText: 'máy chủ thư điện tử nhiễm mã độc' }).filter({ hasText: 'phút' });
    await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toContain('0.8 phút 1.8 phút 1.8 phút —');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('the leader reaches the year view from the home page, on a desktop and on a phone', async () => {
    for (const width of [1366, 390]) {
      const page = await newPage(width, 900);
      await signInThroughConsole(page, served.url, 'leader');
      await page.getByRole('link', { name: /Tổng kết diễn tập năm \d{4}/ }).click();
      await page.getByRole('heading', { name: /Tổng kết diễn tập năm \d{4}/ }).waitFor();
      await page.getByText(/Cơ quan chưa tham gia diễn tập năm/).waitFor();
      await page.getByTestId('non-participating').getByText('UBND phường Hòa Bình').waitFor();
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `drill-year-${width}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  }, 90_000);
});
