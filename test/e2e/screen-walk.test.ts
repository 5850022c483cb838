/**
 * The screen walk (issue #12, "Done when"): every screen each role sees, in Vietnamese and in
 * English, in real Chromium; every visible string must come from that language's catalogue
 * (the console's, Ant Design's, dayjs's) or be data the hub sent (names, titles, codes,
 * dates). A string from neither — hard-coded, or left in the other language — fails the walk.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, serveSeededHub, watchConsole, type ServedHub } from '../helpers/browser.js';
import { Catalogue, DataValues, isKnown, type Language } from '../helpers/catalogue.js';

let browser: Browser;
let served: ServedHub;
let incident: IncidentView;
const catalogues = { vi: new Catalogue('vi'), en: new Catalogue('en') };
const SIGN_IN = { vi: ['Tên đăng nhập', 'Mật khẩu', 'Đăng nhập'], en: ['Username', 'Password', 'Sign in'] };

async function call<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
  const token = await signIn(served.hub, username);
  const res = await fetch(`${served.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The visible text of the page: text nodes of rendered elements, and input placeholders. */
const VISIBLE_TEXT = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (!el || !text) continue;
    // People's own words (Markdown comments) and indicator values are shown as typed.
    if (el.closest('script,style,noscript,code,pre,.markdown')) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    out.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder],textarea[placeholder]')) {
    if (input.checkVisibility() && input.placeholder.trim()) out.push(input.placeholder.trim());
  }
  return out;
})()`;

/** The paths in this user's side menu (antd keeps the key, a path, at the end of data-menu-id). */
const MENU_PATHS = `[...document.querySelectorAll('.ant-menu [data-menu-id]')].map((li) => li.getAttribute('data-menu-id').match(/-(\\/.*)$/)?.[1]).filter(Boolean)`;

async function unknownStrings(page: Page, lang: Language, data: DataValues, where: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  const texts = await page.evaluate<string[]>(VISIBLE_TEXT);
  return [...new Set(texts.filter((t) => !isKnown(t, catalogues[lang], data)))].map((t) => `${where}: "${t}"`);
}

/** Walks every screen of one role in one language; returns what is not from the catalogue. */
async function walk(username: string, lang: Language): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript(`localStorage.setItem('certhub.lang', '${lang}')`);
  const page = await context.newPage();
  const problems = watchConsole(page);
  const data = new DataValues();
  page.on('response', (res) => {
    if (!res.url().includes('/api/') || res.status() >= 400 || !(res.headers()['content-type'] ?? '').includes('json')) return;
    void res.json().then(
      (json: unknown) => data.add(json),
      () => undefined,
    );
  });
  const found: string[] = [];
  try {
    await page.goto(`${served.url}/login`);
    found.push(...(await unknownStrings(page, lang, data, `${lang} /login`)));
    const [user, password, submit] = SIGN_IN[lang];
    await page.getByLabel(user!).fill(username);
    await page.getByLabel(password!).fill('Demo@12345');
    await page.getByRole('button', { name: submit }).click();
    await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
    const paths = await page.evaluate<string[]>(MENU_PATHS);
    expect(paths.length).toBeGreaterThan(3);
    const extra = [`/incidents/${incident.id}`, '/notification-settings'];
    if (paths.includes('/drills')) extra.push('/drills/years/2026');
    for (const path of [...paths, ...extra]) {
      await page.goto(`${served.url}${path}`);
      await page.getByTestId('current-user').waitFor();
      found.push(...(await unknownStrings(page, lang, data, `${lang} ${username} ${path}`)));
    }
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
  return found;
}

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
  // An incident with something on every card of its page: triaged, a reply, a checklist.
  const me = await call<{ agencyId: string }>('focal.a', 'GET', '/me');
  const created = await call<IncidentView>('focal.a', 'POST', '/incidents', {
    agencyId: me.agencyId,
    title: 'Trang thông tin điện tử bị thay đổi giao diện',
    category: 'defacement',
    description: 'Trang chủ hiển thị nội dung lạ từ 7 giờ sáng.',
    detectedAt: '2026-11-20T07:00:00+07:00',
    indicators: [{ type: 'ip', value: '203.0.113.45' }],
  });
  const triaged = await call<IncidentView>('coordinator', 'POST', `/incidents/${created.id}/transitions`, {
    to: 'triage',
    version: created.version,
  });
  await call('coordinator', 'POST', `/incidents/${created.id}/comments`, {
    body: 'Đề nghị gửi nhật ký máy chủ web.',
    visibility: 'agency',
  });
  incident = triaged;
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('every screen in Vietnamese and English shows only catalogue strings and data', () => {
  const ROLES = ['focal.a', 'responder', 'coordinator', 'leader', 'admin'];
  it.each(ROLES.flatMap((r) => (['vi', 'en'] as const).map((l) => [r, l] as const)))(
    '%s in %s',
    async (username, lang) => {
      const found = await walk(username, lang);
      expect(found).toEqual([]);
    },
    300_000,
  );
});
