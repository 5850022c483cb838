/**
 * The board's compact density (issue #12, item 12), in real Chromium: more cards per screen,
 * remembered per user in this browser, and usable at 390 px without sideways page scrolling.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
const contexts: BrowserContext[] = [];
const codes: string[] = [];

async function newPage(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchConsole(page) };
}

async function file(title: string): Promise<IncidentView> {
  const token = await signIn(served.hub, 'focal.a');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const me = (await (await fetch(`${served.url}/api/me`, { headers })).json()) as { agencyId: string };
  const res = await fetch(`${served.url}/api/incidents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      agencyId: me.agencyId,
      title,
      category: 'phishing',
      description: 'Nhiều cán bộ nhận thư giả mạo yêu cầu đổi mật khẩu.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IncidentView;
}

/** How many cards of the "received" column are wholly inside its visible area, and their mean height. */
async function receivedColumn(page: Page): Promise<{ fullyVisible: number; meanHeight: number }> {
  return page.getByTestId('column-received').evaluate((column) => {
    const body = column.querySelector('.board-column-body')!.getBoundingClientRect();
    const cards = [...column.querySelectorAll('[data-testid=board-card]')].map((c) => c.getBoundingClientRect());
    const visible = cards.filter(
      (c) => c.top >= body.top && c.bottom <= Math.min(body.bottom, column.ownerDocument.documentElement.clientHeight),
    );
    return { fullyVisible: visible.length, meanHeight: cards.reduce((a, c) => a + c.height, 0) / cards.length };
  });
}

const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
  // Enough new reports that the "received" column overflows a 768 px screen.
  for (let n = 1; n <= 14; n++) codes.push((await file(`Thư giả mạo đợt ${n}: yêu cầu cán bộ đổi mật khẩu hộp thư công vụ`)).code);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await served?.close();
});

describe('board density', () => {
  it('compact shows more cards per screen, and is remembered for this user only', async () => {
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'responder');
    await page.goto(`${served.url}/board`);
    await page.locator(`[data-testid=board-card][data-code="${codes[0]}"]`).waitFor();
    expect(await page.getByTestId('board').getAttribute('data-density')).toBe('comfortable');
    const comfortable = await receivedColumn(page);

    await page.getByTestId('board-density').getByText('Gọn').click();
    await page.locator('[data-testid=board][data-density=compact]').waitFor();
    const compact = await receivedColumn(page);
    expect(compact.meanHeight).toBeLessThan(comfortable.meanHeight * 0.7);
    expect(compact.fullyVisible).toBeGreaterThanOrEqual(comfortable.fullyVisible + 3);
    await screenshot(page, 'board-compact-1366');

    // Remembered after a reload ...
    await page.reload();
    await page.locator('[data-testid=board][data-density=compact]').waitFor();
    // ... for this user, not for the next one signing in on the same browser.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/board`);
    await page.locator('[data-testid=board][data-density=comfortable]').waitFor();
    expect(problems).toEqual([]);
  });

  it('works at 390 px: the density switch is reachable and the page does not scroll sideways', async () => {
    const { page, problems } = await newPage(390, 844);
    await signInThroughConsole(page, served.url, 'responder');
    await page.goto(`${served.url}/board`);
    await page.locator(`[data-testid=board-card][data-code="${codes[0]}"]`).waitFor();
    await page.getByTestId('board-density').getByText('Gọn').click();
    await page.locator('[data-testid=board][data-density=compact]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    const card = (await page.locator(`[data-testid=board-card][data-code="${codes[0]}"]`).boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'board-compact-390');
    expect(problems).toEqual([]);
  });
});
