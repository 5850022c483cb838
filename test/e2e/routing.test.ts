/**
 * The routing rules editor in real Chromium: a coordinator asks "which rule would match,
 * and why" for a state-secret report from a commune, reorders the rules and sees the
 * answer change, and the page stays usable on a phone (no horizontal page scroll).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor as systemActorForTest } from '../../server/src/auth/actor.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
let context: BrowserContext;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});
afterEach(async () => {
  await context?.close();
});

async function pickOption(page: Page, scope: Locator, fieldLabel: string, typed: string, option: string) {
  await scope.getByLabel(fieldLabel, { exact: true }).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

const ruleTitles = (page: Page) => page.getByTestId('routing-rule').locator('.ant-card-head-title').allTextContents();

describe('routing rules editor', () => {
  it('previews which rule matches and why, and a reorder changes the answer', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.getByRole('menuitem', { name: 'Quy tắc điều phối' }).click();
    await expect.poll(() => ruleTitles(page)).toHaveLength(5);
    expect((await ruleTitles(page))[0]).toBe('1. Lộ bí mật nhà nước → Công an tỉnh (PA05)');

    const preview = page.getByTestId('routing-preview');
    await pickOption(page, preview, 'Cơ quan, đơn vị', 'hoa binh', 'UBND phường Hòa Bình');
    await preview.getByLabel('Có khả năng lộ bí mật nhà nước').check();
    await preview.getByRole('button', { name: 'Xem kết quả' }).click();
    await expect.poll(() => page.getByTestId('preview-rule').textContent()).toBe('Lộ bí mật nhà nước → Công an tỉnh (PA05)');
    expect(await page.getByTestId('preview-team').textContent()).toContain('Công an tỉnh');
    expect(await page.getByTestId('preview-result').textContent()).toContain('impacts=state_secret_disclosure');
    await screenshot(page, 'routing-preview');

    // Without the impact the default rule answers, and the on-call responder is named.
    await preview.getByLabel('Có khả năng lộ bí mật nhà nước').uncheck();
    await preview.getByRole('button', { name: 'Xem kết quả' }).click();
    await expect.poll(() => page.getByTestId('preview-rule').textContent()).toBe('Mặc định → Đội ứng cứu tỉnh (thường trực)');

    // Move the default rule to the top: now it catches the state-secret report too.
    for (let i = 0; i < 4; i++) {
      const cards = page.getByTestId('routing-rule');
      const index = (await ruleTitles(page)).findIndex((title) => title.includes('Mặc định'));
      await cards.nth(index).getByRole('button', { name: 'Lên trên' }).click();
      await expect.poll(async () => (await ruleTitles(page)).findIndex((title) => title.includes('Mặc định'))).toBe(index - 1);
    }
    await preview.getByLabel('Có khả năng lộ bí mật nhà nước').check();
    await preview.getByRole('button', { name: 'Xem kết quả' }).click();
    await expect.poll(() => page.getByTestId('preview-rule').textContent()).toBe('Mặc định → Đội ứng cứu tỉnh (thường trực)');
    // The order is stored, not just shown.
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    await expect.poll(async () => (await ruleTitles(page))[0], { timeout: 10_000 }).toBe('1. Mặc định → Đội ứng cứu tỉnh (thường trực)');
    expect(problems).toEqual([]);
  });

  it('adds a rule through the drawer and fits a 390 px phone without horizontal scrolling', async () => {
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: true,
    });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/routing`);
    await expect.poll(() => ruleTitles(page)).toHaveLength(5);
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên quy tắc').fill('DDoS từ SIEM → Quân sự');
    await pickOption(page, drawer, 'Nguồn báo cáo', 'tu dong', 'Nguồn tự động');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => ruleTitles(page)).toHaveLength(6);
    expect((await ruleTitles(page))[5]).toBe('6. DDoS từ SIEM → Quân sự');
    const pageWidth = await page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(pageWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'routing-rules-phone');
    expect(problems).toEqual([]);
  });
});

describe('on call and the incident room', () => {
  it('shows who is on call now, and a serious incident’s panel with its upward notifications that a coordinator records', async () => {
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: true,
    });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const hub = served.hub;
    const focal = (await hub.services.users.list(systemActorForTest, { q: 'focal.b', limit: 5 })).items[0]!;
    const agencyB = focal.agencyId!;
    const { incident } = await hub.services.incidents.create(
      {
        kind: 'user',
        id: focal.id,
        username: focal.username,
        displayName: focal.displayName,
        role: 'focal_point',
        agencyId: agencyB,
        teamIds: [],
        sessionId: null,
      },
      {
        agencyId: agencyB,
        systemName: 'Cổng dịch vụ công phường',
        systemLevel: 4,
        title: 'Cổng dịch vụ công ngừng hoạt động',
        category: 'ddos',
        description: 'Cổng dịch vụ công không truy cập được từ sáng.',
        detectedAt: hub.clock.now().toISOString(),
        impacts: ['service_interruption'],
        indicators: [],
        supportRequested: true,
        canHandleAlone: false,
        tlp: 'amber',
      },
      null,
    );
    expect(incident.serious).toBe(true);

    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/oncall`);
    await expect
      .poll(() => page.getByTestId('oncall-now').textContent(), { timeout: 10_000 })
      .toContain('Đội ứng cứu sự cố an toàn thông tin mạng tỉnh Hòa Lâm');
    expect(await page.getByTestId('oncall-now').textContent()).toMatch(/Trần Thị Ứng Cứu|Nguyễn Văn Điều Phối/);
    await screenshot(page, 'oncall-now-phone');
    expect(problems).toEqual([]);
    await context.close();

    // The incident room at a desk (1366 px).
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const desk = await context.newPage();
    const deskProblems = watchConsole(desk);
    await signInThroughConsole(desk, served.url, 'coordinator');
    await roomChecks(desk, incident.id);
    expect(deskProblems).toEqual([]);
  });
});

/** The incident room of a serious incident: the R2 panel and the upward notifications, one recorded as sent. */
async function roomChecks(page: Page, incidentId: string) {
  await page.goto(`${served.url}/incidents/${incidentId}`);
  await expect.poll(() => page.getByTestId('serious-state').textContent(), { timeout: 10_000 }).toBe('Nghiêm trọng');
  const upward = page.getByTestId('upward-card');
  await expect.poll(() => upward.textContent(), { timeout: 10_000 }).toContain('Trung tâm ứng cứu khẩn cấp không gian mạng Việt Nam');
  expect(await upward.textContent()).toContain('Lãnh đạo tỉnh');
  const first = upward.locator('.ant-list-item').first();
  await first.getByRole('button', { name: 'Cập nhật' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Kênh').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Công văn' }).click();
  await dialog.getByRole('switch', { name: 'Đã gửi' }).click();
  await dialog.getByLabel('Số văn bản').fill('45/CAT-PA05');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('45/CAT-PA05');
  expect(await first.textContent()).toContain('Đã gửi');
  // The timeline names the routing and serious events in Vietnamese.
  const timeline = (await page.getByTestId('timeline-item').allTextContents()).join('\n');
  expect(timeline).toContain('Điều phối theo quy tắc');
  expect(timeline).toContain('Thay đổi tình trạng sự cố nghiêm trọng');
  await screenshot(page, 'incident-serious');
}
