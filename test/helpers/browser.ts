/**
 * Real Chromium for console tests: Debian's /usr/bin/chromium driven by playwright-core
 * (nothing is downloaded). Flags keep it from calling out to the closed network.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSeededHub, type TestHub } from '../../server/src/testing/testHub.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CLIENT_DIST = path.resolve(import.meta.dirname, '../../client/dist');
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedHub {
  hub: TestHub;
  url: string;
  close: () => Promise<void>;
}

/** The seeded hub served over real HTTP on a free loopback port, console included. */
export async function serveSeededHub(): Promise<ServedHub> {
  const hub = await createSeededHub({ clientDir: CLIENT_DIST });
  const server = http.createServer(hub.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    hub,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await hub.close();
    },
  };
}

/** Collects console errors and page errors, which a test then expects to be none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signInThroughConsole(page: Page, url: string, username: string, password = 'Demo@12345') {
  await page.goto(`${url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
}
