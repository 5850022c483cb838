/**
 * The leaders' yearly statistics alone at growing store sizes (issue #11), for measuring the
 * statistics without the whole bench: `npx tsx scripts/bench/statsReads.ts [--history] 10000 100000`.
 * Uses the bench's hub process and generator; `--history` gives every generated incident the
 * status changes that brought it to its status, so response times and SLA compliance have
 * milestones to measure (the full bench generates incidents without them).
 */
import os from 'node:os';
import { fileReport, startBenchHub } from './benchHub.js';
import { getJson, login, now } from './http.js';
import { lastYear } from './reads.js';
import { percentile } from './stats.js';

const args = process.argv.slice(2);
const history = args.includes('--history');
/** Keep the generated store (its directory is printed) to look into it afterwards. */
const keep = args.includes('--keep');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const REQUESTS = 20;

const hub = await startBenchHub({ keep });
try {
  const base = hub.base;
  // The template the generator copies: one report filed through the API.
  await fileReport(base, await login(base, 'focal.a'));
  // SLA policies as a province sets them, so compliance and the breach list are measured too.
  const coordinator = await login(base, 'coordinator');
  for (const [scope, limits] of [
    ['default', { acknowledge: 'PT1H', leaveTriage: 'PT6H', contain: 'P1D' }],
    ['high', { acknowledge: 'PT15M', leaveTriage: 'PT2H', contain: 'PT12H' }],
    ['serious', { acknowledge: 'PT10M', leaveTriage: 'PT1H', contain: 'PT8H' }],
  ] as const) {
    const set = await fetch(`${base}/api/sla/policies`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${coordinator.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope, ...limits, escalationDelay: 'PT30M' }),
    });
    if (set.status !== 200) throw new Error(`setting the ${scope} SLA policy: ${set.status}`);
  }
  for (const size of sizes) {
    const before = await hub.ask<{ incidents: number }>({ type: 'storage' });
    const started = Date.now();
    if (size > before.incidents) await hub.ask({ type: 'generate', count: size - before.incidents, history });
    const generateSeconds = (Date.now() - started) / 1000;
    const leader = await login(base, 'leader');
    const year = lastYear();
    const url = `/api/stats?from=${encodeURIComponent(year.from)}&to=${encodeURIComponent(year.to)}`;
    const first = await getJson<{
      total: number;
      acknowledge: { count: number };
      sla: { overall: { measured: number; breached: number }[]; breaches: unknown[] };
    }>(base, url, leader.token);
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = now();
      await getJson(base, url, leader.token);
      samples.push(now() - t);
    }
    process.stdout.write(
      JSON.stringify({
        storedIncidents: size,
        history,
        generateSeconds,
        incidentsInYear: first.total,
        acknowledged: first.acknowledge.count,
        slaMeasured: first.sla.overall.map((l) => l.measured),
        slaBreached: first.sla.overall.map((l) => l.breached),
        breachesListed: first.sla.breaches.length,
        p50Ms: Math.round(percentile(samples, 50) * 10) / 10,
        p95Ms: Math.round(percentile(samples, 95) * 10) / 10,
        load: os.loadavg()[0],
      }) + '\n',
    );
  }
} finally {
  await hub.stop();
}
