/**
 * `kill -9` of the hub process during sustained ingest, three times, while 16 senders retry
 * every report on the same Idempotency-Key: every acknowledged report exists exactly once,
 * nothing exists twice, and the database passes PRAGMA integrity_check.
 */
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { recordFigures } from './figures.js';
import { agencyOf, freePort, inspectStore, prepareDataDir, signInAt, startHubProcess, startIngest, type HubProcess } from './harness.js';

let dataDir = '';
let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves once `count()` has grown by `more` (the ingest is really running). */
async function progress(count: () => number, more: number, timeoutMs = 60_000) {
  const target = count() + more;
  const deadline = Date.now() + timeoutMs;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`no progress: ${count()} of ${target} acknowledged`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('loses and doubles no acknowledged report across three kill -9 during ingest', async () => {
  dataDir = await prepareDataDir();
  const port = await freePort();
  hub = await startHubProcess(dataDir, port);
  const token = await signInAt(hub.url, 'focal.a');
  const agencyId = await agencyOf(hub.url, token);
  const url = hub.url;
  const ingest = startIngest({ url: () => url, token, agencyId, workers: 16, prefix: 'kill' });
  const acked = () => ingest.result.acknowledged.size;
  const kills = 3;
  for (let kill = 0; kill < kills; kill++) {
    await progress(acked, 300);
    await hub.kill9(); // mid-batch: requests in flight get no answer and are retried
    hub = await startHubProcess(dataDir, port);
  }
  await progress(acked, 300);
  const result = await ingest.stop();
  await hub.stop();
  hub = undefined;

  const stored = inspectStore(dataDir);
  expect(stored.integrity).toBe('ok');
  const missing = [...result.acknowledged].filter(([key, id]) => stored.byKey.get(key)?.[0] !== id);
  const doubled = [...stored.byKey].filter(([, ids]) => ids.length > 1);
  const unknown = [...stored.byKey.keys()].filter((key) => !result.attempted.has(key));
  expect(missing).toEqual([]);
  expect(doubled).toEqual([]);
  expect(unknown).toEqual([]);
  expect(result.acknowledged.size).toBe(result.attempted.size); // every sender finished its report
  recordFigures('kill9', {
    kills,
    acknowledged: result.acknowledged.size,
    foundExactlyOnce: result.acknowledged.size - missing.length,
    storedIncidents: stored.incidentCount,
    integrity: stored.integrity,
    answers: Object.fromEntries(result.statuses),
  });
});
