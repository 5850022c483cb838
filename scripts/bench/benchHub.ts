/**
 * The bench's hub under test (hubProcess.ts) on a temporary store, and filing a report the
 * way the console does: shared by `npm run bench` and the narrower tools (statsReads.ts,
 * storageByTable.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportBody, type Session } from './http.js';
import { startChild, type Child } from './proc.js';

export type BenchHub = Child & { dataDir: string; base: string };

/**
 * Production settings except the per-user rate limit and socket cap, which would otherwise
 * answer 429 and refuse the fan-out's sockets. `stop` removes the store unless `keep` is set
 * (then its directory is printed on stderr).
 */
export async function startBenchHub(options: { execArgv?: string[]; keep?: boolean } = {}): Promise<BenchHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-bench-'));
  const child = await startChild(
    'hubProcess.ts',
    [],
    { DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info', API_REQUESTS_PER_MINUTE: '100000000', SOCKETS_PER_USER: '2000', JWT_SECRET: '' },
    options.execArgv ?? [],
  );
  return {
    ...child,
    dataDir,
    base: `http://127.0.0.1:${child.port}`,
    stop: async () => {
      await child.stop();
      if (options.keep) process.stderr.write(`store kept in ${dataDir}\n`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let keySerial = 0;
/** Files one report as `focal` (a unique Idempotency-Key each time); throws unless it is 201. */
export async function fileReport(base: string, focal: Session): Promise<void> {
  const res = await fetch(`${base}/api/incidents`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${focal.token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': `bench-file-${process.pid}-${++keySerial}`,
    },
    body: JSON.stringify(reportBody(focal.user.agencyId!, keySerial)),
  });
  if (res.status !== 201) throw new Error(`filing a report: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}
