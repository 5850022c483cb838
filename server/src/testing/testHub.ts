/**
 * A real hub for tests: a temp SQLite file, the real services, a fake clock, and
 * supertest over the express app. No mocks: what passes here passes in production.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { createApp, createServices, type AppDeps, type AppSettings, type Services } from '../app.js';
import { bcryptHasher } from '../auth/passwords.js';
import { FakeClock } from '../platform/clock.js';
import { EventBus } from '../platform/eventBus.js';
import { randomId } from '../platform/ids.js';
import { createLogger } from '../platform/logger.js';
import { SqliteStore } from '../store/sqlite/sqliteStore.js';
import type { Express } from 'express';

/** bcrypt cost for tests only: the minimum bcrypt accepts, so sign-ins take milliseconds. */
export const TEST_BCRYPT_COST = 4;

export const TEST_SETTINGS: AppSettings = {
  jwtSecret: 'test-secret-that-is-long-enough-for-hs256-0123456789',
  accessTokenTtlSeconds: 900,
  refreshTokenTtlDays: 14,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerAddress: 30,
  loginFailureWindowSeconds: 900,
  apiRequestsPerMinute: 10_000,
  bodyLimitBytes: 1_048_576,
  trustProxy: false,
  secureCookies: false,
  attachmentsDir: '', // set per hub, inside its temp data directory
  attachmentMaxBytes: 1_048_576,
  attachmentMaxCount: 5,
  socketRecheckMs: 200,
};

export interface TestHub {
  app: Express;
  deps: AppDeps;
  services: Services;
  store: SqliteStore;
  clock: FakeClock;
  dataDir: string;
  http: () => supertest.Agent;
  close: () => Promise<void>;
}

export function createTestHub(overrides: Partial<AppSettings> = {}): TestHub {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-test-'));
  return openTestHub(dataDir, new FakeClock(), overrides);
}

/**
 * A hub on an existing data directory, as after a process restart: a new store connection,
 * new services and a new event bus over the same SQLite file.
 */
export function openTestHub(dataDir: string, clock: FakeClock, overrides: Partial<AppSettings> = {}): TestHub {
  const store = SqliteStore.open(path.join(dataDir, 'cert-hub.sqlite'));
  const deps: AppDeps = {
    store,
    clock,
    bus: new EventBus(),
    ids: randomId,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    // Cost 4 keeps the suite fast; production takes its cost (≥ 12) from the configuration.
    hasher: bcryptHasher(TEST_BCRYPT_COST),
    settings: { ...TEST_SETTINGS, attachmentsDir: path.join(dataDir, 'attachments'), ...overrides },
  };
  const services = createServices(deps);
  const app = createApp(deps, services);
  return {
    app,
    deps,
    services,
    store,
    clock,
    dataDir,
    http: () => supertest.agent(app),
    close: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns the access token. */
export async function signIn(hub: TestHub, username: string, password = 'Demo@12345'): Promise<string> {
  const res = await hub.http().post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

/** A test hub holding the demo province (agencies, teams and the six demo accounts). */
export async function createSeededHub(overrides: Partial<AppSettings> = {}): Promise<TestHub> {
  const { seedDemo } = await import('../demo/seed.js');
  const hub = createTestHub(overrides);
  await hub.services.sectors.ensureCriticalSectors();
  await seedDemo(hub.services);
  return hub;
}
