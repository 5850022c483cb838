/**
 * First start in a real browser: with no accounts, the sign-in screen says how to begin; the
 * one-time link the hub prints opens the setup screen, which creates the first
 * administrator, who then signs in. No default password anywhere.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveEmptyHub, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveEmptyHub()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('first start', () => {
  it('creates the first administrator through the setup screen, once', async () => {
    const token = await served.hub.services.setup.issueToken(); // what main.ts prints
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(served.url);
    await page.getByText('Hệ thống chưa có tài khoản nào').waitFor();
    // Nobody gets in with a guessed default.
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('admin');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The setup hint stays on screen beside the refusal.
    await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();

    await page.goto(`${served.url}/setup?token=${token}`);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Họ và tên').fill('Nguyễn Quản Trị');
    await page.getByLabel('Mật khẩu').fill('ngan');
    await page.getByRole('button', { name: 'Tạo quản trị viên' }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await page.getByLabel('Mật khẩu').fill('Mat-khau-manh-2026');
    await page.getByRole('button', { name: 'Tạo quản trị viên' }).click();
    await page.getByText('Đã tạo quản trị viên').waitFor();
    await screenshot(page, 'setup-done');

    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('Mat-khau-manh-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-role').textContent()).toBe('Quản trị hệ thống');

    await page.goto(`${served.url}/setup?token=${token}`);
    await page.getByText('Hệ thống đã được khởi tạo').waitFor();
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });
});
