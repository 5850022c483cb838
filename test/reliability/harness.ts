/**
 * Real hub processes for the fault-injection suite: a data directory seeded with the demo
 * province, `node --import tsx server/src/main.ts` started (and killed) on it, and an
 * ingest driver that retries every report on the same Idempotency-Key until it is
 * acknowledged, like a SOC's sender would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { FakeClock } from '../../server/src/platform/clock.js';
import { openTestHub } from '../../server/src/testing/testHub.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A temp DATA_DIR holding the demo province (agencies, teams, the demo accounts). */
export async function prepareDataDir(prefix = 'cert-hub-reliability-'): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  await seedInto(dataDir);
  return dataDir;
}

export async function seedInto(dataDir: string): Promise<void> {
  const { seedDemo } = await import('../../server/src/demo/seed.js');
  const hub = openTestHub(dataDir, new FakeClock());
  await hub.services.sectors.ensureCriticalSectors();
  await seedDemo(hub.services);
  await hub.store.close();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** What the process wrote to stderr (for failure messages). */
  stderr: () => string;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startHubProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      API_REQUESTS_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited during start (${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the hub did not start within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    exited,
    stderr: () => stderr,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function signInAt(url: string, username: string, password = 'Demo@12345'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function agencyOf(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { agencyId: string }).agencyId;
}

export const reportBody = (agencyId: string, key: string) => ({
  agencyId,
  systemName: 'Cổng thông tin điện tử',
  systemLevel: 2,
  title: `Báo cáo thử độ tin cậy ${key}`,
  category: 'defacement',
  description: `Sự cố thử nghiệm, khóa ${key}.`,
  detectedAt: '2026-11-20T08:30:00+07:00',
  impacts: [],
  indicators: [],
  supportRequested: false,
  tlp: 'amber',
});

export interface IngestResult {
  /** Keys whose report was acknowledged (201 or a replayed 200), with the incident id. */
  acknowledged: Map<string, string>;
  /** Keys sent at least once (acknowledged or not). */
  attempted: Set<string>;
  /** Answers by status code; network errors (a killed hub) under "network". */
  statuses: Map<string, number>;
}

/**
 * `workers` senders, each filing reports one after another and retrying each on the same
 * Idempotency-Key (network error, 5xx) until it is acknowledged. `stop()` lets every sender
 * finish the report it is on, so at the end every attempted key is acknowledged.
 */
export function startIngest(options: { url: () => string; token: string; agencyId: string; workers: number; prefix: string }) {
  const result: IngestResult = { acknowledged: new Map(), attempted: new Set(), statuses: new Map() };
  let stopping = false;
  const count = (status: string) => result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
  const listeners: ((key: string) => void)[] = [];
  const send = async (key: string) => {
    result.attempted.add(key);
    for (;;) {
      try {
        const res = await fetch(`${options.url()}/api/incidents`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(reportBody(options.agencyId, key)),
          signal: AbortSignal.timeout(10_000),
        });
        count(String(res.status));
        if (res.status === 201 || res.status === 200) {
          result.acknowledged.set(key, ((await res.json()) as { id: string }).id);
          listeners.forEach((l) => l(key));
          return;
        }
        await res.text();
        if (res.status < 500) throw new Error(`report ${key} refused: ${res.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('report ')) throw error;
        count('network');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const workers = Array.from({ length: options.workers }, async (_, w) => {
    for (let n = 0; !stopping; n++) await send(`${options.prefix}-${w}-${n}`);
  });
  return {
    result,
    onAcknowledged: (listener: (key: string) => void) => listeners.push(listener),
    stop: async () => {
      stopping = true;
      await Promise.all(workers);
      return result;
    },
  };
}

/** Opens the store file directly (the hub stopped) and checks it. */
export function inspectStore(dataDir: string) {
  const db = new Database(path.join(dataDir, 'cert-hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = db.prepare(`SELECT id, json_extract(doc, '$.title') AS title FROM incidents`).all() as { id: string; title: string }[];
    const byKey = new Map<string, string[]>();
    for (const row of rows) {
      const key = /khóa (\S+)$/.exec(row.title)?.[1] ?? row.title.replace('Báo cáo thử độ tin cậy ', '');
      byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
    }
    return { integrity, byKey, incidentCount: rows.length };
  } finally {
    db.close();
  }
}
