/**
 * Issue #12, second round, in real Chromium against one seeded hub: plain words for the
 * report's jargon and indicators as typed for the agency (item 4), an administrator's
 * one-time password-reset link (item 8), the incident list's count, export and compact rows
 * (item 12), attachment and conversation rows (item 15), printing an incident (item 16), and
 * the registry forms' messages (item 20).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, screenshot, serveSeededHub, signInThroughConsole, watchConsole, type ServedHub } from '../helpers/browser.js';

let browser: Browser;
let served: ServedHub;
const contexts: BrowserContext[] = [];

async function newPage(width = 1366, height = 768): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchConsole(page) };
}

async function as(username: string, width = 1366): Promise<{ page: Page; problems: string[] }> {
  const opened = await newPage(width);
  await signInThroughConsole(opened.page, served.url, username);
  return opened;
}

async function call<T>(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await signIn(served.hub, username);
  const res = await fetch(`${served.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
}

const INDICATORS = [
  { type: 'ip', value: '203.0.113.45' },
  { type: 'domain', value: 'trangluadao.example' },
  { type: 'sha256', value: 'a'.repeat(64) },
];

async function file(title: string, extra: Record<string, unknown> = {}): Promise<IncidentView> {
  const me = (await call<{ agencyId: string }>('focal.a', 'GET', '/me')).body;
  const created = await call<IncidentView>('focal.a', 'POST', '/incidents', {
    agencyId: me.agencyId,
    title,
    category: 'malware',
    description: 'Máy trạm nhiễm mã độc.',
    detectedAt: '2026-11-20T08:00:00+07:00',
    ...extra,
  });
  expect(created.status).toBe(201);
  return (await call<IncidentView>('coordinator', 'GET', `/incidents/${created.body.id}`)).body;
}

async function moveTo(incident: IncidentView, to: string, extra: Record<string, unknown> = {}): Promise<IncidentView> {
  const res = await call<IncidentView>('coordinator', 'POST', `/incidents/${incident.id}/transitions`, {
    to,
    version: incident.version,
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body;
}

const CLOSING_REPORT = {
  rootCause: 'Tệp đính kèm độc hại trong thư điện tử.',
  actionsTaken: 'Cách ly máy, quét sạch, đổi mật khẩu.',
  damage: 'Không mất dữ liệu.',
  recoveryTime: '4 giờ',
  recommendations: 'Tập huấn nhận diện thư lừa đảo.',
};

async function closed(title: string): Promise<IncidentView> {
  let current = await moveTo(await file(title), 'triage');
  current = await moveTo(current, 'initial_response', { severity: 'medium', category: 'malware' });
  current = await moveTo(current, 'containment');
  current = await moveTo(current, 'recovery');
  return moveTo(current, 'closed', { closingReport: CLOSING_REPORT });
}

const noHorizontalScroll = async (page: Page) =>
  (await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')) <= 0;

beforeAll(async () => {
  served = await serveSeededHub();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await served?.close();
});

describe('item 4: plain words for the jargon', () => {
  it('the agency reads indicator types by name and values as typed; CERT staff see them disarmed', async () => {
    const incident = await file('Máy chủ liên lạc với IP lạ', { indicators: INDICATORS, tlp: 'amber' });
    const { page, problems } = await as('focal.a');
    await page.goto(`${served.url}/incidents/${incident.id}`);
    await page.getByTestId('indicator').first().waitFor();
    expect(await page.getByTestId('indicator').allTextContents()).toEqual(INDICATORS.map((i) => i.value));
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('[.]');
    for (const name of ['Địa chỉ IP', 'Tên miền', 'Mã băm tệp (SHA-256)']) expect(body).toContain(name);
    expect(body).not.toMatch(/\bSHA256\b|\bDOMAIN\b/);
    expect(await page.getByTestId('tlp-tag').textContent()).toContain('Hạn chế');
    await page.getByRole('button', { name: 'Giải thích: Dấu hiệu nhận biết (IOC)' }).click();
    await page.getByText('Không bắt buộc: nếu không biết, hãy bỏ qua').waitFor();
    await screenshot(page, 'indicators-agency-view');
    expect(problems).toEqual([]);

    const staff = await as('coordinator');
    await staff.page.goto(`${served.url}/incidents/${incident.id}`);
    await staff.page.getByTestId('indicator').first().waitFor();
    expect(await staff.page.getByTestId('indicator').allTextContents()).toEqual([
      '203[.]0[.]113[.]45',
      'trangluadao[.]example',
      'a'.repeat(64),
    ]);
  });

  it('the report form names indicator types and TLP levels in plain words, with help, also at 390 px', async () => {
    for (const width of [1366, 390]) {
      const { page, problems } = await as('focal.b', width);
      await page.goto(`${served.url}/incidents/new`);
      await page.getByText('Hạn chế (mặc định)').waitFor();
      for (const level of ['Công khai', 'Trong cộng đồng ứng cứu', 'Chỉ trong cơ quan', 'Chỉ người nhận'])
        await page.getByText(level).first().waitFor();
      expect(await page.getByRole('radio', { name: /Hạn chế \(mặc định\)/ }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Giải thích: Mức chia sẻ thông tin (TLP)' }).click();
      await page.getByText('Nếu không chắc, giữ mức').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Thêm dấu hiệu' }).click();
      await page.getByLabel('Loại', { exact: true }).click();
      const options = await page.locator('.ant-select-item-option').allTextContents();
      expect(options).toEqual([
        'Địa chỉ IP',
        'Tên miền',
        'Đường link (URL)',
        'Mã băm tệp (MD5)',
        'Mã băm tệp (SHA-1)',
        'Mã băm tệp (SHA-256)',
        'Địa chỉ thư điện tử',
      ]);
      await page.keyboard.press('Escape');
      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, `report-plain-words-${width}`);
      expect(problems).toEqual([]);
    }
  });
});

describe('item 8: a one-time password-reset link', () => {
  it('the administrator copies a link; it sets a new password once and ends the old sessions', async () => {
    const admin = await signIn(served.hub, 'admin');
    const created = await fetch(`${served.url}/api/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: 'quen.matkhau',
        displayName: 'Trần Thị Quên',
        password: 'Original@12345',
        role: 'leader',
        agencyId: null,
        teamIds: [],
      }),
    });
    expect(created.status).toBe(201);
    const oldSession = await signIn(served.hub, 'quen.matkhau', 'Original@12345');

    const { page, problems } = await as('admin');
    await page.goto(`${served.url}/users?q=quen.matkhau`);
    await page.getByRole('button', { name: 'Tạo liên kết đặt lại mật khẩu cho Trần Thị Quên' }).click();
    const linkField = page.getByTestId('password-reset-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${served.url}/reset-password\\?token=`));
    await page.getByText('chỉ dùng được một lần').waitFor();
    await screenshot(page, 'password-reset-link');
    expect(problems).toEqual([]);

    // The person opens the link in a browser where nobody is signed in, on a phone.
    const person = await newPage(390, 800);
    await person.page.goto(link);
    await person.page.getByLabel('Mật khẩu mới', { exact: true }).fill('Moi-hoan-toan@2026');
    await person.page.getByLabel('Nhập lại mật khẩu mới').fill('Moi-hoan-toan@2026');
    expect(await person.page.getByText('tối đa 72 chữ không dấu').count()).toBe(1);
    expect(await person.page.locator('body').innerText()).not.toContain('byte');
    await person.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await person.page.getByText('Đã đặt mật khẩu mới').waitFor();
    expect(await noHorizontalScroll(person.page)).toBe(true);
    await screenshot(person.page, 'password-reset-done-390');

    const me = await fetch(`${served.url}/api/me`, { headers: { Authorization: `Bearer ${oldSession}` } });
    expect(me.status).toBe(401);
    await person.page.getByRole('link', { name: 'Đến trang đăng nhập' }).click();
    await signInThroughConsole(person.page, served.url, 'quen.matkhau', 'Moi-hoan-toan@2026');

    // The same link a second time: said plainly, nothing changes.
    const again = await newPage();
    await again.page.goto(link);
    await again.page.getByLabel('Mật khẩu mới', { exact: true }).fill('Lan-thu-hai@2026');
    await again.page.getByLabel('Nhập lại mật khẩu mới').fill('Lan-thu-hai@2026');
    await again.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await again.page.getByText('đã được dùng hoặc đã hết hạn').waitFor();
    expect(person.problems).toEqual([]);
    const login = await fetch(`${served.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'quen.matkhau', password: 'Moi-hoan-toan@2026' }),
    });
    expect(login.status).toBe(200);
  });
});

describe('items 15 and 16: incident rows and print', () => {
  it('attachment rows keep the download button beside the file; names and dates do not wrap', async () => {
    const incident = await file('Sự cố có nhiều tệp bằng chứng');
    const token = await signIn(served.hub, 'focal.a');
    for (const name of ['nhat-ky-may-chu.log', 'anh-chup-man-hinh.txt']) {
      const form = new FormData();
      form.append('file', new Blob(['2026-11-20 08:00 dang nhap that bai tu 203.0.113.45\n'.repeat(40)], { type: 'text/plain' }), name);
      const res = await fetch(`${served.url}/api/incidents/${incident.id}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    await call('coordinator', 'POST', `/incidents/${incident.id}/comments`, { body: 'Ghi chú nội bộ về máy chủ.', visibility: 'internal' });
    for (const width of [1366, 390]) {
      const { page, problems } = await as('coordinator', width);
      await page.goto(`${served.url}/incidents/${incident.id}`);
      await page.getByTestId('attachment').first().waitFor();
      await page.getByTestId('comment').first().waitFor();
      const gaps = await page.locator('.incident-attachments .ant-list-item').evaluateAll((rows) =>
        rows.map((row) => {
          const name = row.querySelector('[data-testid="attachment"]')!.getBoundingClientRect();
          const meta = row.querySelector('.attachment-meta')!.getBoundingClientRect();
          const button = row.querySelector('button')!.getBoundingClientRect();
          // Same line: the gap from the text to the button; wrapped: the button starts the next line.
          return button.top >= meta.bottom - 2 ? 0 : button.left - Math.max(name.right, meta.right);
        }),
      );
      expect(gaps).toHaveLength(2);
      for (const gap of gaps) expect(gap).toBeLessThan(40);
      // The internal-note tag, the author and the date each stay on one line.
      const heights = await page
        .locator('.ant-list-item-meta-title')
        .filter({ hasText: 'Ghi chú nội bộ' })
        .first()
        .evaluate((title) => {
          const lineHeight = (el: { getBoundingClientRect(): { height: number } }) => el.getBoundingClientRect().height;
          const author = title.querySelector('.comment-author')!;
          const tag = [...title.querySelectorAll('.ant-tag')].find((t) => t.textContent?.startsWith('Ghi chú nội bộ'))!;
          const date = [...title.querySelectorAll('.ant-typography')].at(-1)!;
          return { author: lineHeight(author), tag: lineHeight(tag), date: lineHeight(date), dateText: date.textContent };
        });
      expect(heights.dateText).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
      expect(heights.author).toBeLessThan(30);
      expect(heights.tag).toBeLessThan(30);
      expect(heights.date).toBeLessThan(30);
      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, `incident-rows-${width}`);
      expect(problems).toEqual([]);
    }
  });

  it('printing an incident leaves the incident, timeline and closing report, without menu, buttons or reply box', async () => {
    const incident = await closed('Sự cố cần in hồ sơ');
    const { page, problems } = await as('coordinator');
    await page.goto(`${served.url}/incidents/${incident.id}`);
    await page.getByTestId('closing-report').waitFor();
    expect(await page.getByTestId('print-incident').isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Trả lời' }).or(page.locator('textarea')).first().isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.ant-layout-sider',
      '.app-header',
      'textarea',
      '[data-testid="print-incident"]',
      'input[placeholder="Thêm việc"]',
    ])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('.incident-page .ant-btn:visible').count()).toBe(0);
    for (const shown of ['incident-code', 'incident-title', 'incident-description', 'closing-report'])
      expect(await page.getByTestId(shown).isVisible(), shown).toBe(true);
    expect(await page.getByTestId('timeline-item').first().isVisible()).toBe(true);
    expect(await page.getByTestId('closing-report').innerText()).toContain(CLOSING_REPORT.rootCause);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await screenshot(page, 'incident-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.ant-layout-sider').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('item 20: registry forms say what is wrong, and that it saved', () => {
  it('a one-letter team name is "too short", a saved team says "Đã lưu", phone numbers stay on one line', async () => {
    const { page, problems } = await as('admin');
    await page.goto(`${served.url}/teams`);
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên', { exact: true }).fill('A');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.getByText('Quá ngắn: cần ít nhất 2 ký tự').waitFor();
    expect(await drawer.getByText('Bắt buộc nhập').count()).toBe(0);

    await drawer.getByLabel('Tên', { exact: true }).fill('Đội ứng cứu Sở Y tế');
    await drawer.getByLabel('Loại', { exact: true }).click();
    await page.locator('.ant-select-item-option').first().click();
    await drawer.getByLabel('Điện thoại').fill('0263 3822 113');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu').waitFor();
    const cell = page.locator('.ant-table-row').filter({ hasText: 'Đội ứng cứu Sở Y tế' }).getByText('0263 3822 113');
    await cell.waitFor();
    expect((await cell.boundingBox())!.height).toBeLessThan(30);
    expect(problems).toEqual([]);
  });

  it('an invalid domain line says which line and why', async () => {
    const { page, problems } = await as('admin');
    await page.goto(`${served.url}/systems`);
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên miền').fill('congthongtin.hoalam.gov.vn\n\nkhong hop le');
    await drawer.getByLabel('Dải địa chỉ IP').fill('203.0.113.0/24\n999.1.1.1');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.getByText('Dòng 3 («khong hop le»): Không phải tên miền hợp lệ').waitFor();
    await drawer.getByText('Dòng 2 («999.1.1.1»): Không phải địa chỉ IP hoặc dải IP (CIDR) hợp lệ').waitFor();
    expect(problems).toEqual([]);
  });

  it('an administrator viewing another agency reads its name, not "your agency"', async () => {
    const agencies = await served.hub.store.agencies.list({ limit: 50 });
    const agency = agencies.items.find((a) => a.name.includes('Sở Y tế')) ?? agencies.items[3]!;
    // A record from before R6 was enforced: no focal point reachable 24/7.
    const stale = { ...agency, focalPoints: agency.focalPoints.map((f) => ({ ...f, available247: false })), version: agency.version + 1 };
    expect(await served.hub.store.agencies.update(stale, agency.version)).toBe(true);

    const { page, problems } = await as('admin');
    await page.goto(`${served.url}/agencies`);
    await page.getByLabel('Tìm kiếm (không cần gõ dấu)').first().fill(agency.name);
    await page.locator('.ant-table-row').filter({ hasText: agency.name }).first().click();
    const alert = page.getByTestId('focal-missing');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`${agency.name} chưa có đầu mối trực 24/7`);
    expect(await alert.innerText()).not.toContain('của bạn');
    expect(problems).toEqual([]);
  });
});

describe('item 12: the incident list counts, exports with its filters and has compact rows', () => {
  it('shows the total for the filters, keeps the export button, and a remembered compact density', async () => {
    for (const [title, category] of [
      ['Mã độc trên máy kế toán', 'malware'],
      ['Mã độc trên máy văn thư', 'malware'],
      ['Thư giả mạo gửi lãnh đạo', 'phishing'],
    ] as const)
      await file(title, { category });
    const total = async (q: string) => (await call<{ total: number }>('coordinator', 'GET', `/incidents/count${q}`)).body.total;
    const { page, problems } = await as('coordinator');
    await page.goto(`${served.url}/incidents`);
    const shown = page.getByTestId('incident-total');
    await expect.poll(() => shown.textContent()).toBe(`Tổng số: ${await total('')} sự cố`);
    await page.goto(`${served.url}/incidents?category=malware`);
    const malware = await total('?category=malware');
    expect(malware).toBeGreaterThanOrEqual(2);
    await expect.poll(() => shown.textContent()).toBe(`Tổng số: ${malware} sự cố`);
    expect(await page.getByRole('button', { name: 'Xuất Excel' }).isVisible()).toBe(true);

    const rowHeight = async () => {
      await page.locator('.ant-table-row').first().waitFor();
      const heights = await page.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      return Math.max(...heights);
    };
    const comfortable = await rowHeight();
    await page.getByRole('switch', { name: 'Thu gọn danh sách' }).click();
    await expect.poll(rowHeight).toBeLessThan(comfortable * 0.75);
    const compact = await rowHeight();
    expect(compact).toBeLessThanOrEqual(48);
    await page.reload();
    await page.getByTestId('incident-total').waitFor();
    expect(await page.getByRole('switch', { name: 'Thu gọn danh sách' }).isChecked()).toBe(true);
    expect(await rowHeight()).toBeLessThanOrEqual(48);
    await screenshot(page, 'incident-list-compact');
    expect(problems).toEqual([]);
  });
});
