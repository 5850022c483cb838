/**
 * The console as people use it, in real Chromium against a real hub holding the demo
 * province: every demo account signs in, an administrator manages the registry, a focal
 * point stays in their own agency, the language switch works. No console errors anywhere.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '@cert-hub/shared';
import { USERS } from '../../server/src/demo/province.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Europe/Paris' });
  page = await context.newPage();
  problems = watchConsole(page);
});
afterEach(async () => {
  await context.close();
});

describe('signing in through the console', () => {
  it.each(USERS.map((u) => [u.username, u.role] as const))('%s signs in and sees their role in Vietnamese', async (username, role) => {
    await signInThroughConsole(page, served.url, username);
    await expect.poll(() => page.getByTestId('current-role').textContent()).toBe(ROLE_LABELS[role].vi);
    await screenshot(page, `home-${username}`);
    expect(problems).toEqual([]);
  });

  it('says so when the password is wrong, and keeps the user on the sign-in screen', async () => {
    await page.goto(`${served.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('focal.a');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sai tên đăng nhập hoặc mật khẩu');
    expect(page.url()).toContain('/login');
  });

  it('keeps the session across a reload (refresh cookie) and ends it at sign-out', async () => {
    await signInThroughConsole(page, served.url, 'leader');
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await page.goto(`${served.url}/agencies`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('an administrator manages the registry', () => {
  it('creates an agency with validation messages, then finds it by a search without diacritics', async () => {
    await signInThroughConsole(page, served.url, 'admin');
    await page.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên', { exact: true }).fill('UBND phường Đồng Tâm');
    await drawer.getByLabel('Thư điện tử').fill('khong-phai-email');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).not.toEqual([]);
    await screenshot(page, 'agency-form-validation');
    await drawer.getByLabel('Thư điện tử').fill('vanthu@phuongdongtam.hoalam.gov.vn');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    // The new agency opens in its detail drawer.
    await page.getByText('UBND phường Đồng Tâm').first().waitFor();
    await page.keyboard.press('Escape');

    await page.getByLabel('Tìm kiếm (không cần gõ dấu)').fill('dong tam');
    await expect.poll(async () => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('UBND phường Đồng Tâm');
    expect(page.url()).toContain('q=dong+tam');
    await screenshot(page, 'agency-search');
    const stored = await served.hub.store.agencies.list({ limit: 10, q: 'Đồng Tâm' });
    expect(stored.items.map((a) => a.email)).toEqual(['vanthu@phuongdongtam.hoalam.gov.vn']);
    expect(problems).toEqual([]);
  });

  it('creates a focal-point account bound to an agency', async () => {
    await signInThroughConsole(page, served.url, 'admin');
    await page.goto(`${served.url}/users`);
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên đăng nhập').fill('focal.xtanhoi');
    await drawer.getByLabel('Họ và tên').fill('Kiều Thị Nhung');
    await drawer.getByLabel('Mật khẩu').fill('Mat-khau-2026');
    await drawer.getByLabel('Vai trò').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đầu mối ứng cứu sự cố của cơ quan' }).click();
    await drawer.getByLabel('Cơ quan').click();
    await page.keyboard.type('tan hoi');
    await page.locator('.ant-select-item-option').filter({ hasText: 'UBND xã Tân Hội' }).click();
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.ant-table-row').filter({ hasText: 'focal.xtanhoi' }).waitFor();
    const user = await served.hub.store.users.getByUsername('focal.xtanhoi');
    const agency = await served.hub.store.agencies.get(user!.agencyId!);
    expect(agency?.name).toBe('UBND xã Tân Hội');
    expect(problems).toEqual([]);
  });
});

describe('a focal point in the console', () => {
  it("sees only their own agency's screens and keeps its 24/7 contacts current", async () => {
    await signInThroughConsole(page, served.url, 'focal.b');
    const menu = await page.getByRole('menuitem').allTextContents();
    expect(menu).toEqual(['Tổng quan', 'Báo cáo định kỳ', 'Báo cáo sự cố', 'Sự cố', 'Cơ quan của tôi', 'Hệ thống thông tin', 'Tài khoản']);
    // A staff screen typed into the address bar sends them home.
    await page.goto(`${served.url}/users`);
    await page.waitForURL(`${served.url}/`);

    await page.goto(`${served.url}/my-agency`);
    await page.getByText('UBND phường Hòa Bình').first().waitFor();
    await page.getByRole('button', { name: 'Cập nhật đầu mối' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Điện thoại').first().fill('0912 000 111');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('0912 000 111').waitFor();
    await screenshot(page, 'focal-b-my-agency');
    const agencies = await served.hub.store.agencies.list({ limit: 5, q: 'phuong hoa binh' });
    expect(agencies.items[0]!.focalPoints[0]!.phone).toBe('0912 000 111');
    expect(problems).toEqual([]);
  });
});

describe('language', () => {
  it('switches the console to English and back', async () => {
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('current-role').textContent()).toBe('Coordinator');
    expect(await page.getByRole('menuitem').allTextContents()).toContain('Agencies');
    await screenshot(page, 'home-coordinator-en');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await expect.poll(() => page.getByTestId('current-role').textContent()).toBe('Điều phối viên');
  });
});
