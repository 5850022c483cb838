/**
 * The leaders' dashboard and the reporting cycle in real Chromium: the leader signs in and
 * sees the current year's charts (drill incidents not counted), at desktop and phone widths;
 * two focal points fill and submit their agency's report in the console.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateYearOfIncidents } from '../../server/src/demo/yearOfIncidents.js';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
let context: BrowserContext | undefined;
let realCount: number;
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
  const hub = served.hub;
  // An SLA policy, so the dashboard has SLA compliance to show.
  const coordinator = await signIn(hub, 'coordinator');
  const policy = await hub
    .http()
    .post('/api/sla/policies')
    .set('Authorization', `Bearer ${coordinator}`)
    .send({ scope: 'default', acknowledge: 'PT2H', leaveTriage: null, contain: 'P1D', escalationDelay: 'PT1H' });
  expect(policy.status).toBe(200);
  const plan = await generateYearOfIncidents(hub.services, hub.store, hub.clock, {
    year: thisYear,
    count: 60,
    seed: 11,
    drillShare: 0.1,
    until: new Date(),
  });
  realCount = plan.filter((p) => !p.drill).length;
  hub.clock.set(new Date());
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return { page, problems: watchConsole(page) };
}

describe('the leaders’ dashboard', () => {
  it('shows the leader this year’s figures as charts, without drill incidents', async () => {
    const { page, problems } = await open(1366, 900);
    await signInThroughConsole(page, served.url, 'leader');
    await page.getByRole('menuitem', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/dashboard$/);
    await expect
      .poll(() => page.getByTestId('kpi-total').locator('.ant-statistic-content-value').textContent(), { timeout: 15_000 })
      .toBe(String(realCount));
    for (const chart of ['chart-month', 'chart-category', 'chart-severity', 'chart-agency']) {
      await page.getByTestId(chart).locator('.recharts-surface').first().waitFor();
    }
    expect(await page.getByTestId('chart-month').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await screenshot(page, 'dashboard-leader-1366');

    // SLA compliance: a bar per step; clicking one lists the overdue incidents of that step.
    const sla = page.getByTestId('chart-sla');
    await sla.locator('.recharts-bar-rectangle').first().waitFor();
    await sla.locator('.recharts-bar-rectangle').first().click();
    await expect.poll(() => page.getByTestId('sla-breaches-title').textContent()).toContain('Sự cố quá hạn: Tiếp nhận');
    expect(await page.getByTestId('sla-breaches').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);

    // A bar opens the incident list behind it.
    await page.getByTestId('chart-category').locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/\/incidents\?.*category=/);
    expect(new URL(page.url()).searchParams.get('drill')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('fits a phone without horizontal scrolling', async () => {
    const { page, problems } = await open(390, 844);
    await signInThroughConsole(page, served.url, 'leader');
    await page.goto(`${served.url}/dashboard`);
    await page.getByTestId('chart-month').locator('.recharts-surface').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-leader-390');
    expect(problems).toEqual([]);
  });
});

describe('the reporting cycle in the console', () => {
  it('two focal points submit their agency’s report; the coordinator sees who has', async () => {
    const hub = served.hub;
    const agencies = (await hub.store.agencies.list({ limit: 200 })).items;
    const ids = ['Sở Tài chính tỉnh Hòa Lâm', 'UBND phường Hòa Bình', 'Sở Nội vụ tỉnh Hòa Lâm'].map(
      (n) => agencies.find((a) => a.name === n)!.id,
    );
    const token = await signIn(hub, 'coordinator');
    const opened = await hub
      .http()
      .post('/api/reports/rounds')
      .set('Authorization', `Bearer ${token}`)
      .send({
        reportType: 'agency_annual',
        title: `Báo cáo năm ${thisYear}`,
        year: thisYear,
        deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        agencyIds: ids,
      });
    expect(opened.status).toBe(201);
    const roundId = opened.body.id as string;

    for (const username of ['focal.a', 'focal.b']) {
      const { page, problems } = await open(1366, 900);
      await signInThroughConsole(page, served.url, username);
      await page.getByRole('menuitem', { name: 'Báo cáo định kỳ' }).click();
      await page.getByRole('link', { name: `Báo cáo năm ${thisYear}` }).click();
      await page.getByLabel('Kết quả đạt được').fill(`Kết quả của ${username}`);
      await page.getByLabel('Khó khăn, vướng mắc').fill('Thiếu nhân lực chuyên trách');
      await page.getByLabel('Đề xuất, kiến nghị').fill('Tăng cường đào tạo');
      await page.locator('input[type=file]').setInputFiles({
        name: `phu-luc-${username}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from('Phụ lục số liệu\n'),
      });
      await page
        .getByTestId('round-attachment')
        .filter({ hasText: `phu-luc-${username}.txt` })
        .waitFor();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByText('Đã gửi báo cáo lúc').waitFor();
      expect(problems).toEqual([]);
      await context!.close();
      context = undefined;
    }

    const { page, problems } = await open(1366, 900);
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/reports/${roundId}`);
    await page.getByText('Kết quả của focal.a').waitFor();
    // The coordinator sees both agencies' files.
    await expect.poll(() => page.getByTestId('round-attachment').count()).toBe(2);
    await expect.poll(() => page.getByTestId('state-submitted').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('state-pending').count()).toBe(1);
    await screenshot(page, 'report-round-coordinator');
    expect(problems).toEqual([]);
  });
});

describe('a report reminder in the console', () => {
  it('reaches the focal point’s bell live and opens the round', async () => {
    const hub = served.hub;
    const { page, problems } = await open(390, 844);
    await signInThroughConsole(page, served.url, 'focal.a');
    await page.locator('[data-testid=notification-bell][data-live=true]').waitFor();
    const token = await signIn(hub, 'coordinator');
    const agencyA = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
    // Due in two days with the default three-day reminder: the reminder is due at once.
    const opened = await hub
      .http()
      .post('/api/reports/rounds')
      .set('Authorization', `Bearer ${token}`)
      .send({
        reportType: 'ad_hoc',
        title: 'Báo cáo đột xuất về mã độc',
        year: thisYear,
        deadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        agencyIds: [agencyA],
      });
    expect(opened.status).toBe(201);
    // The hub's reminder timer re-arms when a round opens and may send it first: either way, once.
    await hub.services.reports.runDueReminders();

    const item = page.getByTestId('notification-item').filter({ hasText: 'Báo cáo đột xuất về mã độc' });
    await expect.poll(async () => Number(await page.getByTestId('notification-bell').getAttribute('data-unread'))).toBeGreaterThan(0);
    await page.getByTestId('notification-bell').click();
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('report_reminder');
    expect(await item.textContent()).toContain('Nhắc nộp báo cáo');
    await item.click();
    await page.waitForURL(new RegExp(`/reports/${opened.body.id as string}$`));
    await page.getByTestId('report-reminder').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('report types in the console', () => {
  it('a coordinator adds a type on a phone, without horizontal scrolling, and can open a round with it', async () => {
    const { page, problems } = await open(390, 844);
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/reports/types`);
    await page.getByTestId('report-type-agency_annual').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Thêm loại báo cáo' }).click();
    await page.getByLabel('Mã').fill('quarterly_security');
    await page.getByLabel('Tên tiếng Việt').fill('Báo cáo quý về an toàn thông tin');
    await page.getByLabel('Tên tiếng Anh').fill('Quarterly security report');
    await page.getByLabel('Hạn nộp (tháng-ngày)').fill('03-31');
    await page.getByLabel('Đơn vị gửi').fill('Cơ quan, đơn vị');
    await page.getByLabel('Nơi nhận').fill('Công an tỉnh');
    await page.getByRole('checkbox', { name: 'Khó khăn, vướng mắc' }).uncheck();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('report-type-quarterly_security').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'report-types-coordinator-390');
    const stored = (await served.hub.store.reportTypes.get('quarterly_security'))!;
    expect(stored.sections).toEqual(['results', 'recommendations']);
    expect(problems).toEqual([]);
  });
});
