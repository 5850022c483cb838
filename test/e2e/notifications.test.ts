/**
 * The notification bell in real Chromium, on a phone-width screen: a focal point is signed in,
 * the CERT asks their agency a question, and within a second the bell counts it; opening the
 * bell shows the question, and following it opens the incident and marks it read.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
let page: Page;
let problems: string[];

const tokens = new Map<string, string>();
async function call<T>(who: string, method: string, route: string, body?: unknown): Promise<T> {
  if (!tokens.has(who)) tokens.set(who, await signIn(served.hub, who));
  const token = tokens.get(who)!;
  const res = await fetch(`${served.url}/api${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveSeededHub();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  problems = watchConsole(page);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const bell = () => page.getByTestId('notification-bell');
const unread = async () => Number(await bell().getAttribute('data-unread'));

describe('notification bell', () => {
  it('counts a CERT question within a second and opens the incident from it', async () => {
    const me = await call<{ agencyId: string }>('focal.a', 'GET', '/me');
    const incident = await call<IncidentView>('focal.a', 'POST', '/incidents', {
      agencyId: me.agencyId,
      title: 'Thư lừa đảo giả danh Kho bạc',
      category: 'phishing',
      description: 'Cán bộ nhận thư yêu cầu đăng nhập.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    });
    await signInThroughConsole(page, served.url, 'focal.a');
    await expect.poll(unread).toBe(0);
    // The live connection is up before the question is asked.
    await page.locator('[data-testid=notification-bell][data-live=true]').waitFor();

    await call('coordinator', 'GET', '/me'); // signed in before the clock starts
    const asked = Date.now();
    await call('coordinator', 'POST', `/incidents/${incident.id}/comments`, {
      body: 'Đơn vị đã chặn tên miền gửi thư chưa?',
      visibility: 'agency',
    });
    await expect.poll(unread, { timeout: 1000, interval: 50 }).toBe(1);
    expect(Date.now() - asked).toBeLessThan(1000);
    await expect.poll(async () => bell().getAttribute('aria-label')).toBe('1 thông báo chưa đọc');

    await bell().click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('agency_question');
    expect(await item.textContent()).toContain(incident.code);
    expect(await item.textContent()).toContain('CERT đặt câu hỏi');
    // The open panel fits the phone: no horizontal page scroll.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'notification-bell-390');

    await item.click();
    await page.waitForURL(`**/incidents/${incident.id}`);
    await expect.poll(unread).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the audit, SLA, deliveries and notification settings pages work on a phone; the chain verifies', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    problems = watchConsole(page);
    await signInThroughConsole(page, served.url, 'admin');
    for (const path of ['/sla', '/deliveries', '/notification-settings', '/audit']) {
      await page.goto(`${served.url}${path}`);
      await page.locator('.page-header h3').first().waitFor();
      await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), path).toBe(true);
    }
    // On a phone the menu is a drawer behind a button; the header (menu button, bell, language,
    // who, sign-out) fits the screen beside it.
    const bellBox = await bell().boundingBox();
    const menuButton = await page.getByRole('button', { name: /menu/i }).first().boundingBox();
    expect(bellBox!.x).toBeGreaterThanOrEqual(menuButton!.x + menuButton!.width);
    expect(bellBox!.x + bellBox!.width).toBeLessThanOrEqual(390);
    await page.getByTestId('audit-verify').click();
    await expect.poll(async () => page.getByTestId('audit-verdict').textContent()).toMatch(/Chuỗi toàn vẹn: đã kiểm tra \d+ mục/);
    await screenshot(page, 'audit-390');
    expect(problems).toEqual([]);
  });
});
