/**
 * Intake as an agency does it, in real Chromium: a focal point writes a report with an
 * indicator and an evidence file, closes the tab half-way, comes back to the restored draft,
 * loses the network while sending, and the hub still gets exactly one report. Another
 * agency sees none of it. Markup in the report stays text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';
import { signIn } from '../../server/src/testing/testHub.js';

let browser: Browser;
let served: ServedHub;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const TITLE = 'Cổng thông tin bị thay đổi giao diện';
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

async function pickOption(page: Page, fieldLabel: string, typed: string, option: string) {
  await page.getByLabel(fieldLabel).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('a focal point reports an incident', () => {
  let context: BrowserContext;
  let incidentId: string;

  it('keeps the draft across a closed tab, retries through a dropped connection, and files exactly once', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    let page = await context.newPage();
    const problems = watchConsole(page);
    await signInThroughConsole(page, served.url, 'focal.a');
    await page.getByRole('menuitem', { name: 'Báo cáo sự cố' }).click();

    await page.getByLabel('Tiêu đề').fill(TITLE);
    await pickOption(page, 'Loại sự cố', 'thay doi', 'Thay đổi giao diện');
    await page.getByLabel('Thời điểm phát hiện').click();
    await page.getByLabel('Thời điểm phát hiện').fill('20/11/2026 08:30');
    await page.keyboard.press('Enter');
    await page.getByLabel('Mô tả sự cố').fill(`Trang chủ hiển thị nội dung lạ. ${HOSTILE}`);
    await page.getByRole('button', { name: 'Thêm dấu hiệu' }).click();
    await page.getByLabel('Giá trị').fill('203.0.113.7');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'nhat-ky-web.log', mimeType: 'text/plain', buffer: Buffer.from('GET /wp-admin 200 203.0.113.7\n') });
    await page.getByTestId('draft-file').waitFor();
    await page.waitForTimeout(600); // the draft is saved a moment after typing stops
    expect(problems).toEqual([]);

    // The tab is closed mid-way…
    await page.close();
    const incidentsBefore = await served.hub.store.incidents.count();

    // …and opened again: everything is there.
    page = await context.newPage();
    const problemsAfter = watchConsole(page);
    await page.goto(`${served.url}/incidents/new`);
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Giá trị').inputValue()).toBe('203.0.113.7');
    expect(await page.getByTestId('draft-file').allTextContents()).toEqual(['nhat-ky-web.log']);
    await screenshot(page, 'report-draft-restored');

    // The network drops just as the report is sent: the form says so and keeps trying.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.getByTestId('send-status').textContent(), { timeout: 15_000 }).toContain('Mất kết nối');
    await screenshot(page, 'report-retrying');
    await context.setOffline(false);
    await page.getByTestId('received-code').waitFor({ timeout: 40_000 });
    const code = await page.getByTestId('received-code').textContent();
    expect(code).toMatch(/^SC-2026-\d{6}$/);
    await screenshot(page, 'report-received');

    expect(await served.hub.store.incidents.count()).toBe(incidentsBefore + 1);
    const stored = (await served.hub.store.incidents.list({ limit: 10, q: code! })).items;
    expect(stored).toHaveLength(1);
    incidentId = stored[0]!.id;
    expect(stored[0]!.indicators).toEqual([{ type: 'ip', value: '203.0.113.7' }]);
    expect(stored[0]!.detectedAt).toBe('2026-11-20T01:30:00.000Z');
    expect((await served.hub.store.attachments.listByIncident(incidentId)).map((a) => a.fileName)).toEqual(['nhat-ky-web.log']);
    expect(problemsAfter.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('shows the report in the agency view, with the hostile markup as plain text', async () => {
    const page = await context.newPage();
    await page.goto(`${served.url}/incidents`);
    await page.locator('.ant-table-row').filter({ hasText: TITLE }).first().click();
    await page.getByTestId('incident-code').waitFor();
    expect(await page.getByTestId('incident-description').textContent()).toContain(HOSTILE);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The agency sees its indicator as typed (issue #12 item 4); the disarmed form is for CERT staff.
    expect(await page.getByTestId('indicator').allTextContents()).toEqual(['203.0.113.7']);
    expect(await page.getByTestId('attachment').allTextContents()).toEqual(['nhat-ky-web.log']);
    expect(await page.getByText('Tiếp nhận').first().isVisible()).toBe(true);
    await screenshot(page, 'incident-agency-view');
    await context.close();
  });

  it('another agency sees it nowhere: not in its list, not by id, not by attachment URL', async () => {
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await other.newPage();
    await signInThroughConsole(page, served.url, 'focal.b');
    await page.goto(`${served.url}/incidents`);
    await page.getByText('Sự cố của cơ quan tôi').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(`${served.url}/incidents/${incidentId}`);
    await page.getByText('404').first().waitFor();
    await other.close();

    const tokenB = await signIn(served.hub, 'focal.b');
    const [attachment] = await served.hub.store.attachments.listByIncident(incidentId);
    const res = await fetch(`${served.url}/api/incidents/${incidentId}/attachments/${attachment!.id}`, {
      headers: { Authorization: `Bearer ${tokenB}` },
    });
    expect(res.status).toBe(404);
  });
});
