/**
 * axe-core (WCAG 2 A and AA rules) on each role's main pages in real Chromium: no serious
 * or critical violation on login, home, report form, incident list, incident, board and
 * the registry lists.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { signIn } from '../../server/src/testing/testHub.js';
import { launchBrowser, serveSeededHub, signInThroughConsole, type ServedHub } from '../helpers/browser.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let served: ServedHub;
let incident: IncidentView;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

beforeAll(async () => {
  [browser, served] = await Promise.all([launchBrowser(), serveSeededHub()]);
  const token = await signIn(served.hub, 'focal.a');
  const me = (await (await fetch(`${served.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    agencyId: string;
  };
  const res = await fetch(`${served.url}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      agencyId: me.agencyId,
      title: 'Trang cổng thông tin bị thay đổi giao diện',
      category: 'malware',
      description: 'Trang chủ hiển thị nội dung lạ từ 7 giờ sáng.',
      detectedAt: '2026-11-20T07:00:00+07:00',
      indicators: [{ type: 'ip', value: '203.0.113.45' }],
    }),
  });
  incident = (await res.json()) as IncidentView;
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const PAGES: Record<string, (id: string) => string[]> = {
  'focal.a': (id) => ['/', '/incidents/new', '/incidents', `/incidents/${id}`, '/my-agency', '/systems'],
  responder: (id) => ['/', '/board', '/incidents', `/incidents/${id}`],
  coordinator: () => ['/', '/board', '/users'],
  leader: () => ['/', '/agencies', '/teams'],
  admin: () => ['/', '/agencies', '/systems', '/teams', '/users', '/sectors'],
};

describe('axe-core on the main pages', () => {
  it('the sign-in page', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${served.url}/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(Object.keys(PAGES))('%s', async (username) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    await signInThroughConsole(page, served.url, username);
    const found: Record<string, string[]> = {};
    for (const path of PAGES[username]!(incident.id)) {
      await page.goto(`${served.url}${path}`);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  });
});
