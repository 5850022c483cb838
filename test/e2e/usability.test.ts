/**
 * What real users tripped over in the console (issue #12), in real Chromium against one
 * seeded hub: the report form's date field and Enter key, messages in the user's language,
 * a closed incident the agency can no longer change, the board's new cards, drag feedback
 * and closed column, the closing warning, the language after a reload, phones at 390 px.
 *
 * Over 400 lines: one seeded hub and one Chromium serve every item, so the file stays whole.
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

async function call<T>(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await signIn(served.hub, username);
  const res = await fetch(`${served.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function file(title: string): Promise<IncidentView> {
  const me = (await call<{ agencyId: string }>('focal.a', 'GET', '/me')).body;
  const created = await call<IncidentView>('focal.a', 'POST', '/incidents', {
    agencyId: me.agencyId,
    title,
    category: 'malware',
    description: 'Máy trạm nhiễm mã độc.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  });
  expect(created.status).toBe(201);
  // The CERT's view (checklist, assignees): the agency's answer leaves them out.
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

async function toRecovery(incident: IncidentView): Promise<IncidentView> {
  let current = await moveTo(incident, 'triage');
  current = await moveTo(current, 'initial_response', { severity: 'medium', category: 'malware' });
  current = await moveTo(current, 'containment');
  return moveTo(current, 'recovery');
}

const CLOSING_REPORT = {
  rootCause: 'Tệp đính kèm độc hại trong thư điện tử.',
  actionsTaken: 'Cách ly máy, quét sạch, đổi mật khẩu.',
  damage: 'Không mất dữ liệu.',
  recoveryTime: '4 giờ',
  recommendations: 'Tập huấn nhận diện thư lừa đảo.',
};

async function fillReportBasics(page: Page, title: string) {
  await page.goto(`${served.url}/incidents/new`);
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Loại sự cố').click();
  await page.keyboard.type('ma doc');
  await page.locator('.ant-select-item-option').filter({ hasText: 'Mã độc' }).first().click();
  await page.getByLabel('Mô tả sự cố').fill('Máy trạm của văn thư bật cửa sổ lạ liên tục.');
}

const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await served?.close();
});

describe('the report form (focal point)', () => {
  it('item 1: Enter in the detection time confirms the date and does not file the report', async () => {
    const { page, problems } = await newPage();
    await signInThroughConsole(page, served.url, 'focal.a');
    await fillReportBasics(page, 'Enter không được gửi báo cáo');
    await page.getByLabel('Thời điểm phát hiện').click();
    await page.getByLabel('Thời điểm phát hiện').fill('20/11/2026 07:45');
    await page.keyboard.press('Enter');
    // Still editing: the form takes more input and nothing was filed.
    await page.getByLabel('Mô tả sự cố').fill('Máy trạm của văn thư bật cửa sổ lạ liên tục, đã rút mạng.', { timeout: 3000 });
    expect(await page.getByTestId('received-code').count()).toBe(0);
    expect(await page.getByLabel('Thời điểm phát hiện').inputValue()).toBe('20/11/2026 07:45');
    const filed = await served.hub.store.incidents.list({ limit: 5, q: 'Enter không được gửi báo cáo' });
    expect(filed.items).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('item 2: a typed date survives a click elsewhere and is what the hub stores', async () => {
    const { page, problems } = await newPage();
    await signInThroughConsole(page, served.url, 'focal.a');
    await fillReportBasics(page, 'Ngày gõ tay được giữ lại');
    await page.getByLabel('Thời điểm phát hiện').click();
    await page.getByLabel('Thời điểm phát hiện').fill('19/11/2026 09:30');
    await page.getByLabel('Tiêu đề').click(); // a click elsewhere, not Tab
    expect(await page.getByLabel('Thời điểm phát hiện').inputValue()).toBe('19/11/2026 09:30');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByTestId('received-code').waitFor();
    // Item 5: the code once, what happens next, whom to call.
    const code = (await page.getByTestId('received-code').textContent())!;
    const received = (await page.locator('.ant-result').textContent())!;
    expect(received.split(code).length - 1).toBe(1);
    expect(received).toContain('Tiếp theo');
    expect(await page.locator('.ant-result a[href^="tel:"]').count()).toBe(1);
    const filed = await served.hub.store.incidents.list({ limit: 5, q: 'Ngày gõ tay được giữ lại' });
    expect(filed.items[0]?.detectedAt).toBe('2026-11-19T02:30:00.000Z');
    expect(problems).toEqual([]);
  });

  it('item 3: field messages from the shared rules and from the hub are in the chosen language', async () => {
    const { page } = await newPage();
    await signInThroughConsole(page, served.url, 'focal.a');
    await fillReportBasics(page, 'Thông báo bằng tiếng Việt');
    await page.getByRole('button', { name: 'Thêm dấu hiệu' }).click();
    await page.getByLabel('Giá trị', { exact: true }).fill('khong-phai-ip');
    await page.getByLabel('Tiêu đề').click();
    const error = page.locator('.ant-form-item-explain-error').first();
    await error.waitFor();
    expect(await error.textContent()).toBe('Không phải địa chỉ IPv4 hoặc IPv6 hợp lệ');

    // The hub's own answer: a taken username, as an administrator creating an account.
    const admin = await newPage();
    await signInThroughConsole(admin.page, served.url, 'admin');
    await admin.page.goto(`${served.url}/users`);
    await admin.page.getByRole('button', { name: 'Thêm mới' }).click();
    const drawer = admin.page.getByRole('dialog');
    await drawer.getByLabel('Tên đăng nhập').fill('focal.a');
    await drawer.getByLabel('Họ và tên').fill('Trùng Tên');
    await drawer.getByLabel('Mật khẩu').fill('Mat-khau-2026');
    await drawer.getByLabel('Vai trò').click();
    await admin.page.locator('.ant-select-item-option').filter({ hasText: 'Lãnh đạo' }).click();
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.getByText('Tên đăng nhập này đã có người dùng').waitFor();

    // In English the same rule speaks English.
    await page.getByText('English', { exact: true }).click();
    await page.getByLabel('Value', { exact: true }).fill('still-not-an-ip');
    await expect.poll(() => error.textContent()).toBe('Not a valid IPv4 or IPv6 address');
  });

  it('item 3: the hub answers field problems with stable codes and parameters', async () => {
    const res = await call<{ error: { details: { path: string; code: string; params?: Record<string, unknown> }[] } }>(
      'focal.a',
      'POST',
      '/incidents',
      { title: 'abc', category: 'malware', description: 'ngắn', detectedAt: '2026-11-20T08:00:00+07:00' },
    );
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.error.details.map((d) => [d.path, d]));
    expect(byPath.title).toMatchObject({ code: 'too_small', params: { minimum: 5 } });
    expect(byPath.description).toMatchObject({ code: 'too_small', params: { minimum: 10 } });
  });
});

describe('a closed incident (agency)', () => {
  it('item 7: after closure the agency can no longer reply or upload, only confirm', async () => {
    const incident = await toRecovery(await file('Đã đóng thì không trao đổi thêm'));
    const closed = await moveTo(incident, 'closed', { closingReport: CLOSING_REPORT });
    const { page, problems } = await newPage();
    await signInThroughConsole(page, served.url, 'focal.a');
    await page.goto(`${served.url}/incidents/${closed.id}`);
    await page.getByTestId('closed-notice').waitFor();
    expect(await page.getByLabel('Trả lời', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tải thêm tệp' }).count()).toBe(0);
    const refused = await call('focal.a', 'POST', `/incidents/${closed.id}/comments`, { body: 'Còn một câu hỏi', visibility: 'agency' });
    expect(refused.status).toBe(403);
    expect(problems).toEqual([]);
  });
});

describe('closing (coordinator)', () => {
  it('item 14: closing with checklist tasks still open warns how many are done', async () => {
    const incident = await toRecovery(await file('Đóng khi danh mục chưa xong'));
    expect(incident.tasks!.length).toBeGreaterThan(1);
    const { page } = await newPage();
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/incidents/${incident.id}`);
    await page.getByRole('button', { name: 'Kết thúc' }).click();
    const warning = page.getByRole('dialog').getByTestId('checklist-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`0/${incident.tasks!.length}`);
  });

  it('item 13: the timeline names the ticked task and the changed field', async () => {
    let incident = await file('Dòng thời gian rõ ràng');
    const task = incident.tasks![0]!;
    const ticked = await call<IncidentView>('coordinator', 'PUT', `/incidents/${incident.id}/tasks/${task.id}`, {
      done: true,
      version: incident.version,
    });
    expect(ticked.status).toBe(200);
    incident = ticked.body;
    const responder = (await served.hub.store.users.getByUsername('responder'))!;
    expect(
      (await call('coordinator', 'PATCH', `/incidents/${incident.id}`, { version: incident.version, assigneeIds: [responder.id] })).status,
    ).toBe(200);
    const { page } = await newPage();
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.goto(`${served.url}/incidents/${incident.id}`);
    await page
      .getByTestId('timeline-item')
      .filter({ hasText: `Đã xong việc: ${task.title}` })
      .waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: 'Cập nhật người xử lý' }).waitFor();
  });
});

describe('the board (responder)', () => {
  it('item 11: closed incidents are in "Kết thúc" after a reload, and the column is on screen at 1366 px', async () => {
    const incident = await toRecovery(await file('Thẻ đã đóng vẫn hiện'));
    const closed = await moveTo(incident, 'closed', { closingReport: CLOSING_REPORT });
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'responder');
    await page.goto(`${served.url}/board`);
    await page.reload();
    const column = page.getByTestId('column-closed');
    await column.locator(`[data-code="${closed.code}"]`).waitFor();
    const box = (await column.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(problems).toEqual([]);
  });

  it('item 9: a new incident shows at the top of its column and the toast opens it', async () => {
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'responder');
    await page.goto(`${served.url}/board`);
    await page.locator('[data-testid=connection-state][data-state=online]').waitFor();
    const incident = await file('Thẻ mới phải thấy ngay');
    const card = page.locator(`[data-testid=board-card][data-code="${incident.code}"]`);
    await card.waitFor();
    // First in "received" even with serious ones there, so it is on screen without searching.
    expect(await page.getByTestId('column-received').locator('[data-testid=board-card]').first().getAttribute('data-code')).toBe(
      incident.code,
    );
    await page.locator('.ant-notification-notice').filter({ hasText: incident.code }).click();
    await page.waitForURL(`${served.url}/incidents/${incident.id}`);
    expect(problems).toEqual([]);
  });

  it('item 10: a dragged card stays visible and only the columns it may go to are marked', async () => {
    const incident = await file('Kéo thả có phản hồi');
    const { page } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'responder');
    await page.goto(`${served.url}/board`);
    const card = page.locator(`[data-testid=board-card][data-code="${incident.code}"]`);
    await card.waitFor();
    // Columns arrive one by one and push cards around: pick the card up once the board is still.
    await page.waitForLoadState('networkidle');
    await card.scrollIntoViewIfNeeded();
    const from = (await card.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 40);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 60, { steps: 4 });
    await page.getByTestId('drag-overlay').waitFor();
    expect(await page.getByTestId('column-triage').getAttribute('data-drop')).toBe('allowed');
    expect(await page.getByTestId('column-closed').getAttribute('data-drop')).toBe('forbidden');
    expect(await page.getByTestId('column-containment').getAttribute('data-drop')).toBe('forbidden');
    await screenshot(page, 'board-dragging');
    await page.mouse.up();
    expect(await page.getByTestId('column-triage').getAttribute('data-drop')).toBeNull();
  });
});

describe('own account', () => {
  it('item 8: edits own name, phone and e-mail; the header follows', async () => {
    const { page, problems } = await newPage();
    await signInThroughConsole(page, served.url, 'focal.b');
    await page.goto(`${served.url}/profile`);
    const form = page.locator('form[id=myDetails]');
    await expect.poll(() => form.getByLabel('Họ và tên').inputValue()).not.toBe('');
    await form.getByLabel('Điện thoại').fill('không phải số');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Không phải số điện thoại hợp lệ', { exact: false }).waitFor();
    await form.getByLabel('Họ và tên').fill('Lê Văn Đổi Tên');
    await form.getByLabel('Điện thoại').fill('0912 345 678');
    await form.getByLabel('Thư điện tử').fill('doiten@hoabinh.hoalam.gov.vn');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('Lê Văn Đổi Tên');
    const stored = (await served.hub.store.users.getByUsername('focal.b'))!;
    expect([stored.displayName, stored.phone, stored.email]).toEqual(['Lê Văn Đổi Tên', '0912 345 678', 'doiten@hoabinh.hoalam.gov.vn']);
    expect(problems).toEqual([]);
  });

  it('item 8: an old sign-in error goes away when the user types again', async () => {
    const { page } = await newPage();
    await page.goto(`${served.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('focal.a');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu').fill('');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).count()).toBe(0);
  });
});

describe('language', () => {
  it('item 18: after a reload in English the page says lang="en"', async () => {
    const { page } = await newPage();
    await signInThroughConsole(page, served.url, 'leader');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
  });
});

describe('phones at 390 px', () => {
  const MAIN_PAGES: Record<string, string[]> = {
    'focal.a': ['/', '/incidents/new', '/incidents', '/my-agency', '/systems', '/profile'],
    responder: ['/', '/board', '/incidents', '/agencies', '/systems', '/teams'],
    coordinator: ['/', '/board', '/incidents', '/users', '/agencies'],
    leader: ['/', '/incidents', '/agencies', '/systems'],
    admin: ['/', '/agencies', '/users', '/teams', '/sectors', '/api-keys'],
  };

  it.each(Object.entries(MAIN_PAGES))('item 17: %s — no page scrolls sideways, a drawer menu with labels', async (username, paths) => {
    const { page, problems } = await newPage(390, 844);
    await signInThroughConsole(page, served.url, username);
    // The header keeps the name on one line.
    const name = (await page.getByTestId('current-user').boundingBox())!;
    expect(name.height).toBeLessThan(30);
    for (const path of paths) {
      await page.goto(`${served.url}${path}`);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
    }
    await page.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: 'Tổng quan' }).waitFor();
    await screenshot(page, `phone-menu-${username}`);
    await drawer.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.waitForURL(`${served.url}/profile`);
    expect(problems).toEqual([]);
  });
});

describe("each role's home answers its first question", () => {
  it('focal point: open incidents of the agency and the closing report waiting for confirmation', async () => {
    const incident = await toRecovery(await file('Chờ đầu mối xác nhận kết thúc'));
    const closed = await moveTo(incident, 'closed', { closingReport: CLOSING_REPORT });
    const open = await file('Sự cố của cơ quan đang mở');
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'focal.a');
    await page.getByTestId('home-waiting').getByText(closed.code).waitFor();
    await page.getByTestId('home-open').getByText(open.code).waitFor();
    expect(await page.getByTestId('home-open').getByText(closed.code).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('responder: their assignments', async () => {
    const responder = (await served.hub.store.users.getByUsername('responder'))!;
    const incident = await file('Giao cho thành viên đội');
    const assigned = await call<IncidentView>('coordinator', 'PATCH', `/incidents/${incident.id}`, {
      version: incident.version,
      assigneeIds: [responder.id],
    });
    expect(assigned.status).toBe(200);
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'responder');
    await page.getByTestId('home-assigned').getByText(incident.code).waitFor();
    expect(problems).toEqual([]);
  });

  it('coordinator: unassigned and waiting for triage', async () => {
    const filed = await file('Chưa ai nhận');
    // Routing assigns the on-call at intake; the coordinator takes it back, so nobody has it.
    const unassigned = await call<IncidentView>('coordinator', 'PATCH', `/incidents/${filed.id}`, {
      version: filed.version,
      assigneeIds: [],
    });
    expect(unassigned.status).toBe(200);
    const incident = unassigned.body;
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, 'coordinator');
    await page.getByTestId('home-unassigned').getByText(incident.code).waitFor();
    await page.getByTestId('home-triage').getByText(incident.code).waitFor();
    expect(problems).toEqual([]);
  });

  it.each(['focal.a', 'responder', 'coordinator', 'leader', 'admin'])('%s: screenshots at 1366 and 390 px', async (username) => {
    const { page, problems } = await newPage(1366, 768);
    await signInThroughConsole(page, served.url, username);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `home-${username}-1366`);
    await page.setViewportSize({ width: 390, height: 844 });
    // The layout switches to the phone drawer once the resize is seen.
    await page.getByRole('button', { name: 'Mở menu' }).waitFor();
    await expect.poll(() => horizontalOverflow(page)).toBe(0);
    await screenshot(page, `home-${username}-390`);
    expect(problems).toEqual([]);
  });
});
