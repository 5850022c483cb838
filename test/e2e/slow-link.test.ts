/**
 * The console on a slow link: Chromium's "Fast 3G" profile (DevTools' preset: 562.5 ms
 * latency, 1.6 Mbit/s down, 750 kbit/s up) through CDP, a new browser context (empty cache). The sign-in page
 * must be usable within 4 s of opening the board's address, and the board's first cards
 * must show within 2 s of pressing "sign in".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, SCREENSHOTS, serveSeededHub, watchConsole, type ServedHub } from '../helpers/browser.js';

const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

/**
 * The targets are for a machine that is not saturated. When the load average is above twice
 * the core count (several suites sharing the machine), Chromium and the hub are starved of
 * CPU rather than network, so the bounds are doubled and the test says so; it still fails
 * past them.
 */
const overloaded = os.loadavg()[0]! > 2 * os.cpus().length;
const slack = overloaded ? 2 : 1;
/**
 * Issue #11's targets. The first cards need two round trips after "sign in" (the sign-in
 * request, then the board's first pages, asked for the moment the token arrives while the
 * board's code — fetched during typing — renders), ~1.2 s of the profile's latency alone.
 */
const SIGN_IN_USABLE_MS = 4_000;
const FIRST_CARDS_MS = 2_000;
/** The board's page of cards per column (BOARD_PAGE in client/src/board/boardQuery.ts). */
const BOARD_PAGE = 50;

let browser: Browser;
let served: ServedHub;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('on a "Fast 3G" link', () => {
  it('the sign-in page is usable within 4 s and the board shows its first cards within 2 s of signing in', async () => {
    // A busy morning: a full first page of reports waiting on the responders' board (what
    // travels is a realistic page of cards, not one), the one to look for filed last.
    const focal = await signIn(served.hub, 'focal.a');
    const agencyId = (await served.hub.http().get('/api/me').set('Authorization', `Bearer ${focal}`)).body.agencyId as string;
    const file = (n: number, title: string) =>
      served.hub
        .http()
        .post('/api/incidents')
        .set('Authorization', `Bearer ${focal}`)
        .set('Idempotency-Key', `slow-link-report-${String(n).padStart(4, '0')}`)
        .send({
          agencyId,
          title,
          category: 'ddos',
          description: 'Cổng dịch vụ công không truy cập được từ 8 giờ sáng.',
          detectedAt: '2026-11-20T08:00:00+07:00',
        });
    for (let n = 1; n < BOARD_PAGE; n += 1) {
      expect((await file(n, `Truy cập bất thường vào hệ thống một cửa điện tử số ${n}`)).status).toBe(201);
      served.hub.clock.advance(1_000);
    }
    const filed = await file(BOARD_PAGE, 'Tấn công từ chối dịch vụ cổng dịch vụ công');
    expect(filed.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);

    // Which requests the two waits were spent on, for the report written below.
    // (sentMs: when it left, after waiting for one of the six connections a browser opens per host)
    const requests: { url: string; startMs: number; sentMs: number | null; endMs: number }[] = [];
    page.on('requestfinished', (request) => {
      const t = request.timing();
      requests.push({
        url: request.url().replace(served.url, ''),
        startMs: Math.round(t.startTime - opened),
        sentMs: t.requestStart >= 0 ? Math.round(t.startTime + t.requestStart - opened) : null,
        endMs: Math.round(t.startTime + t.responseEnd - opened),
      });
    });
    const opened = Date.now();
    await page.goto(`${served.url}/board`, { waitUntil: 'commit' });
    const username = page.getByLabel('Tên đăng nhập');
    await username.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => username.isEditable()).toBe(true);
    const signInUsableMs = Date.now() - opened;

    // Typed at a brisk 10 keys a second, as a person would (the page prefetches meanwhile).
    await username.pressSequentially('responder', { delay: 100 });
    await page.getByLabel('Mật khẩu').pressSequentially('Demo@12345', { delay: 100 });
    const submitted = Date.now();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator(`[data-testid="board-card"][data-code="${filed.body.code as string}"]`).waitFor({ timeout: 30_000 });
    const firstCardsMs = Date.now() - submitted;

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(
      path.join(SCREENSHOTS, 'slow-link.json'),
      `${JSON.stringify({ profile: FAST_3G, loadAverage: os.loadavg(), overloaded, signInUsableMs, firstCardsMs, submittedAtMs: submitted - opened, requests }, null, 2)}\n`,
    );
    process.stdout.write(
      `Fast 3G: sign-in usable after ${signInUsableMs} ms, first board cards ${firstCardsMs} ms after signing in` +
        (overloaded ? ` (machine overloaded, load ${os.loadavg()[0]!.toFixed(1)}: bounds doubled)\n` : '\n'),
    );
    expect(signInUsableMs).toBeLessThanOrEqual(SIGN_IN_USABLE_MS * slack);
    expect(firstCardsMs).toBeLessThanOrEqual(FIRST_CARDS_MS * slack);
    expect(problems).toEqual([]);
    await context.close();
  });
});
