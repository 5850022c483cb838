/**
 * Real Chromium for console tests: Debian's /usr/bin/chromium driven by playwright-core
 * (nothing is downloaded). Flags keep it from calling out to the closed network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningHub } from '../../server/src/server.js';
import { createSeededHub, createTestHub, openTestHub, type TestHub } from '../../server/src/testing/testHub.js';

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
  /** The hub as it is now (a restart replaces it). */
  hub: TestHub;
  url: string;
  /**
   * Stops the server and starts a new process-like hub on the same data and port;
   * `whileDown` runs on the new hub before it listens (changes no client can see live).
   */
  restart: (whileDown?: (hub: TestHub) => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

/** The seeded hub served over real HTTP and sockets on a free loopback port, console included. */
export async function serveSeededHub(): Promise<ServedHub> {
  return serveHub(await createSeededHub({ clientDir: CLIENT_DIST }));
}

/** An empty hub (no accounts yet), as on a first start. */
export async function serveEmptyHub(): Promise<ServedHub> {
  return serveHub(createTestHub({ clientDir: CLIENT_DIST }));
}

async function serveHub(first: TestHub): Promise<ServedHub> {
  let hub = first;
  let running: RunningHub = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  const port = running.port;
  const served: ServedHub = {
    hub,
    url: `http://127.0.0.1:${port}`,
    restart: async (whileDown) => {
      await running.close();
      await hub.store.close();
      hub = openTestHub(hub.dataDir, hub.clock, { clientDir: CLIENT_DIST });
      served.hub = hub;
      await whileDown?.(hub);
      running = await startServer(hub.deps, hub.services, { port, host: '127.0.0.1' });
    },
    close: async () => {
      await running.close();
      await hub.close();
    },
  };
  return served;
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
