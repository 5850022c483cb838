/**
 * An agency's level change waits for the CERT, in real Chromium on a phone-sized screen:
 * focal.a asks to raise their own system's level, the coordinator sees the pending request
 * on /systems and approves it, and the hub then holds the new level; the focal point sees
 * their request waiting but has no approve button.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemView } from '@cert-hub/shared';
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

async function openAs(username: string, path: string) {
  browser ??= await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInThroughConsole(page, served.url, username);
  await page.goto(`${served.url}${path}`);
  return { context, page, problems };
}

beforeAll(async () => {
  served = await serveSeededHub();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a focal point’s level change request', () => {
  it('shows as pending to everyone and is approved by the coordinator on the systems page', async () => {
    const name = 'Cổng tiếp nhận phản ánh kiến nghị';
    const me = (await call<{ agencyId: string }>('focal.a', 'GET', '/me')).body;
    const created = await call<SystemView>('focal.a', 'POST', '/systems', {
      agencyId: me.agencyId,
      name,
      level: 2,
      nationalCritical: false,
    });
    expect(created.status).toBe(201);
    const asked = await call<SystemView>('focal.a', 'PATCH', `/systems/${created.body.id}`, { level: 4, version: created.body.version });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ level: 2, pendingClassification: { level: 4 } });
    const listPath = `/systems?q=${encodeURIComponent(name)}`;

    // The focal point sees the request waiting, and cannot decide it.
    const focal = await openAs('focal.a', listPath);
    const focalRow = focal.page.getByRole('row', { name: new RegExp(name) });
    await expect(focalRow.getByTestId('classification-pending').textContent()).resolves.toContain('Cấp 4');
    expect(await focalRow.getByRole('button', { name: /^Duyệt/ }).count()).toBe(0);
    expect(await focalRow.getByRole('button', { name: /^Từ chối/ }).count()).toBe(0);
    expect(await focal.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(focal.problems).toEqual([]);
    await focal.context.close();

    // The coordinator approves it from the list.
    const coordinator = await openAs('coordinator', listPath);
    const row = coordinator.page.getByRole('row', { name: new RegExp(name) });
    await expect(row.getByTestId('classification-pending').textContent()).resolves.toContain('Chờ duyệt cấp độ: Cấp 4');
    expect(await coordinator.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(coordinator.page, 'classification-pending-390');
    const approve = row.getByRole('button', { name: `Duyệt đề nghị đổi cấp độ của ${name}` });
    // On a phone the buttons sit beside the tag, on screen without scrolling the table.
    const box = await approve.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await approve.click();
    await coordinator.page.getByText('Đã duyệt').waitFor();
    // The refreshed list drops the pending tag and shows the new level.
    await row.getByTestId('classification-pending').waitFor({ state: 'detached' });
    await row.getByText('Cấp 4', { exact: true }).waitFor();
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();

    const after = await call<SystemView>('coordinator', 'GET', `/systems/${created.body.id}`);
    expect(after.body).toMatchObject({ level: 4, nationalCritical: false, pendingClassification: null });
  }, 90_000);
});
