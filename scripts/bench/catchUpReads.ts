/**
 * The narrow user's catch-up feed alone (issue #11), with where its time goes:
 * `npx tsx scripts/bench/catchUpReads.ts 10000 [100000 …]`. For each store size and each view
 * (`full`, `card`) it measures the request end to end as the bench does (Node's fetch, which
 * asks for gzip), then the parts a client can see: the answer's JSON size, the same request
 * uncompressed (the server's reading and presenting plus stringify), compressing that JSON
 * here with the server's settings, and parsing it; and the CPU time per request of the hub
 * (from /proc) and of the client, which hold even when the machine is busy and wall times do not.
 */
import os from 'node:os';
import zlib from 'node:zlib';
import { fileReport, startBenchHub } from './benchHub.js';
import { cpuMsOf } from './fanout.js';
import { login, now } from './http.js';
import { percentile } from './stats.js';

const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const REQUESTS = 40;
/** Requests whose CPU time is summed (the clock ticks in 10 ms). */
const CPU_REQUESTS = 200;

const p95 = async (run: () => unknown) => {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = now();
    await run();
    samples.push(now() - t);
  }
  return Math.round(percentile(samples, 95) * 10) / 10;
};

/**
 * CPU time per request over CPU_REQUESTS sequential ones: the hub's, and this client's (Node's
 * fetch: receiving, decompressing, parsing). Requests are sequential, so on a quiet machine a
 * request's wall time is about the two added up.
 */
async function cpuPerRequest(run: () => Promise<unknown>) {
  const before = cpuMsOf(hub.process.pid);
  const client = process.cpuUsage();
  for (let i = 0; i < CPU_REQUESTS; i++) await run();
  const clientUsed = process.cpuUsage(client);
  const after = cpuMsOf(hub.process.pid);
  const perRequest = (ms: number) => Math.round((ms / CPU_REQUESTS) * 100) / 100;
  return {
    hubCpuMsPerRequest: before === null || after === null ? null : perRequest(after - before),
    clientCpuMsPerRequest: perRequest((clientUsed.user + clientUsed.system) / 1000),
  };
}

const hub = await startBenchHub({ keep: process.argv.includes("--keep") });
try {
  const base = hub.base;
  await fileReport(base, await login(base, 'focal.a'));
  for (const size of sizes) {
    const before = await hub.ask<{ incidents: number }>({ type: 'storage' });
    if (size > before.incidents) await hub.ask({ type: 'generate', count: size - before.incidents });
    const narrow = await login(base, 'focal.b');
    for (const view of ['full', 'card'] as const) {
      const path = `/api/events?after=0${view === 'card' ? '&view=card' : ''}`;
      const get = (encoding?: string) =>
        fetch(`${base}${path}`, {
          headers: { Authorization: `Bearer ${narrow.token}`, ...(encoding ? { 'Accept-Encoding': encoding } : {}) },
        });
      const first = await get('identity');
      if (!first.ok) {
        process.stdout.write(JSON.stringify({ storedIncidents: size, view, status: first.status }) + '\n');
        continue;
      }
      const text = await first.text();
      const parsed = JSON.parse(text) as { events: unknown[] };
      const brotli = {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
          [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length,
        },
      };
      process.stdout.write(
        JSON.stringify({
          storedIncidents: size,
          view,
          events: parsed.events.length,
          jsonBytes: Buffer.byteLength(text),
          gzipBytes: zlib.gzipSync(text).length,
          brotliBytes: zlib.brotliCompressSync(text, brotli).length,
          ...(await cpuPerRequest(async () => (await get()).json())),
          endToEndGzipP95Ms: await p95(async () => (await get()).json()),
          endToEndBrP95Ms: await p95(async () => (await get('br')).json()),
          uncompressedP95Ms: await p95(async () => (await get('identity')).text()),
          stringifyP95Ms: await p95(() => JSON.stringify(parsed)),
          gzipP95Ms: await p95(() => zlib.gzipSync(text)),
          brotliP95Ms: await p95(() => zlib.brotliCompressSync(text, brotli)),
          parseP95Ms: await p95(() => JSON.parse(text)),
          load: os.loadavg()[0],
        }) + '\n',
      );
    }
  }
} finally {
  await hub.stop();
}
