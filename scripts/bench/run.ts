/**
 * `npm run bench` (and `npm run bench -- --quick`): starts the hub on temporary stores in
 * child processes, measures ingest, fan-out, reads at growing store sizes, memory and the
 * console's bundle, each hub figure beside a floor measured in the same run, and writes
 * bench/results.json plus a Markdown table on stdout.
 *
 *   --quick     smaller sizes and shorter rounds (under two minutes); the results say so
 *   --profile   also run the ingest hub under `node --cpu-prof` and summarise where time goes
 *   --ingest    only the ingest section with the hub's CPU per acknowledged report, printed, results.json untouched
 *   --fanout    only the fan-out section (with --profile: its hub profiled), printed, results.json untouched
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileReport, startBenchHub } from './benchHub.js';
import { consoleSizes } from './consoleSizes.js';
import { closeSockets, connectSockets, FANOUT_DEFINITION, fanoutRows, fanoutSection, type measureFanout } from './fanout.js';
import { login, reportBody } from './http.js';
import { measureIngest } from './ingest.js';
import { repoRoot, startChild } from './proc.js';
import { summariseProfile } from './profile.js';
import { measureReads, type ReadsAtSize } from './reads.js';
import { fmt, ratio, type Spread } from './stats.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const fanoutOnly = args.includes('--fanout');
const ingestOnly = args.includes('--ingest');
const outFile = path.join(repoRoot, 'bench/results.json');

const PLAN = quick
  ? {
      ingest: { rounds: 3, seconds: 2, levels: [1, 16, 64] },
      fanout: { counts: [100, 500, 1000], rounds: 3, events: 3 },
      reads: { sizes: [1_000, 3_000, 10_000], rounds: 3, requests: 8, depth: 3, budgetMs: 1_000 },
    }
  : {
      ingest: { rounds: 3, seconds: 8, levels: [1, 16, 64] },
      fanout: { counts: [100, 500, 1000], rounds: 5, events: 20 },
      reads: { sizes: [10_000, 100_000, 1_000_000], rounds: 3, requests: 40, depth: 20, budgetMs: 15_000 },
    };

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const mb = (bytes: number) => Math.round(bytes / 1048576);

const startHub = (execArgv: string[] = []) => startBenchHub({ execArgv });

async function main() {
  const started = Date.now();
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryMb: mb(os.totalmem()),
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    quick,
    note: quick ? 'quick run: shorter rounds and smaller stores (reads at 1k/3k/10k instead of 10k/100k/1M)' : 'full run',
  };
  log(`${machine.cores} cores, ${quick ? 'quick' : 'full'} run`);
  if (fanoutOnly) return fanoutAlone(machine.loadAverageAtStart);
  if (ingestOnly) return ingestAlone(machine.loadAverageAtStart);

  // ---- console ----
  const dist = path.join(repoRoot, 'client/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    log('building the console (client/dist is missing)');
    execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const consoleResult = consoleSizes(dist);

  // ---- ingest ----
  const profileDir = path.join(repoRoot, 'bench/profiles');
  if (profile) fs.rmSync(profileDir, { recursive: true, force: true });
  const ingestHub = await startHub(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const idleRss = (await ingestHub.ask<{ rss: number }>({ type: 'rss' })).rss;
  const ingestBase = `http://127.0.0.1:${ingestHub.port}`;
  const focalA = await login(ingestBase, 'focal.a');
  const floorIngest = await startChild('floorProcess.ts', ['ingest']);
  log('ingest');
  const body = JSON.stringify(reportBody(focalA.user.agencyId!, 0));
  const ingest = await measureIngest(
    { base: ingestBase, headers: { Authorization: `Bearer ${focalA.token}` }, body },
    { base: `http://127.0.0.1:${floorIngest.port}`, headers: {}, body },
    PLAN.ingest,
  );
  const storageAfterIngest = await ingestHub.ask<{ bytes: number; incidents: number }>({ type: 'storage' });
  log(`ingest: ${JSON.stringify(ingest)}`);
  await floorIngest.stop();
  await ingestHub.stop();
  const profileSummary = profile
    ? (fs
        .readdirSync(profileDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => summariseProfile(path.join(profileDir, f)))[0] ?? null)
    : null;

  // ---- fan-out ----
  log('fan-out');
  const { levels: fanout, rssWith1000Sockets } = await fanoutSection(startHub, PLAN.fanout);
  log(`fan-out: ${JSON.stringify(fanout)}`);

  // ---- reads ----
  const readHub = await startHub();
  const readBase = `http://127.0.0.1:${readHub.port}`;
  const signIn = async () => ({
    focal: await login(readBase, 'focal.a'),
    responder: await login(readBase, 'responder'),
    coordinator: await login(readBase, 'coordinator'),
    narrow: await login(readBase, 'focal.b'),
    leader: await login(readBase, 'leader'),
  });
  const who = await signIn();
  await fileReport(readBase, who.focal); // the template the generator copies
  const reads: (ReadsAtSize & { bytesPerIncident: number; generateSeconds: number })[] = [];
  for (const size of PLAN.reads.sizes) {
    const before = await readHub.ask<{ incidents: number }>({ type: 'storage' });
    log(`reads: generating ${size - before.incidents} incidents`);
    const genStart = Date.now();
    if (size > before.incidents) await readHub.ask({ type: 'generate', count: size - before.incidents });
    const generateSeconds = (Date.now() - genStart) / 1000;
    const storage = await readHub.ask<{ bytes: number; incidents: number }>({ type: 'storage' });
    log(`reads at ${storage.incidents}`);
    // Access tokens live 15 minutes; filing 1M incidents takes longer.
    Object.assign(who, await signIn());
    const figures = await measureReads(readBase, who, storage.incidents, PLAN.reads);
    reads.push({ ...figures, bytesPerIncident: Math.round(storage.bytes / storage.incidents), generateSeconds });
    log(`reads at ${storage.incidents}: ${JSON.stringify(reads.at(-1))}`);
  }
  const rssAfterReads = (await readHub.ask<{ rss: number }>({ type: 'rss' })).rss;
  const sockets = await connectSockets({ base: readBase, token: who.responder.token, trigger: async () => {} }, 1000);
  const rssAfterReadsWith1000Sockets = (await readHub.ask<{ rss: number }>({ type: 'rss' })).rss;
  closeSockets(sockets);
  await readHub.stop();

  // ---- growth ----
  const first = reads[0]!;
  const last = reads[reads.length - 1]!;
  const readKeys = ['boardFirstPage', 'deepPage', 'incidentWithTimeline', 'search', 'searchWholeStore', 'narrowCatchUp', 'yearlyStatistics'] as const;
  const growth = {
    from: first.storedIncidents,
    to: last.storedIncidents,
    target: 1.5,
    p95Ratio: Object.fromEntries(readKeys.map((k) => [k, ratio(last[k].p95Ms.median, first[k].p95Ms.median)])),
    bytesPerIncident: reads.map((r) => ({ storedIncidents: r.storedIncidents, bytes: r.bytesPerIncident })),
    storageTargetBytesPerIncident: 3072,
    yearlyStatistics: last.yearlyStatistics.p95Ms.median,
    yearlyStatisticsTargetMs: 300,
  };

  const results = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine,
    ingest: {
      definition:
        'authenticated POST /api/incidents, unique Idempotency-Key, autocannon; floor: bare express + one SQLite INSERT (WAL, synchronous=FULL)',
      target: { acksPerSecondAt64: 1500, p99MsAt64: 100, ratioAt64: 0.5 },
      levels: ingest,
      storedAfter: storageAfterIngest,
      profile: profileSummary,
    },
    fanout: {
      definition: FANOUT_DEFINITION,
      target: { ratio: 1.2 },
      levels: fanout,
    },
    reads: {
      definition:
        'p95 of sequential requests; board = responder open=true&limit=100; deep page = coordinator list followed `depth` pages; search q="thay doi giao dien" by the coordinator (within the standing team; the generated phrase sits in other teams\' incidents) and by a leader (whole store, an eighth matches); catch-up = focal.b GET /api/events?after=0&limit=500&view=card (as the console catches up)',
      target: { p95MsAtLargest: 20, yearlyStatisticsP95Ms: 300 },
      sizes: reads,
    },
    growth,
    memory: {
      target: { rssMbWith1000SocketsAndLargestStore: 400 },
      idleRssMb: mb(idleRss),
      with1000SocketsRssMb: rssWith1000Sockets === null ? null : mb(rssWith1000Sockets),
      afterReadsRssMb: mb(rssAfterReads),
      afterReadsWith1000SocketsRssMb: mb(rssAfterReadsWith1000Sockets),
      largestStore: last.storedIncidents,
    },
    console: consoleResult,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown(results));
  log(`wrote ${path.relative(repoRoot, outFile)} in ${results.durationSeconds} s`);
}

/**
 * `--ingest`: the ingest section alone, for working on it, with the hub's CPU time per
 * acknowledged report at each concurrency (with --profile, the hub is CPU-profiled).
 */
async function ingestAlone(loadAverageAtStart: number[]) {
  const profileDir = path.join(repoRoot, 'bench/profiles');
  if (profile) fs.rmSync(profileDir, { recursive: true, force: true });
  const hub = await startHub(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const base = `http://127.0.0.1:${hub.port}`;
  const focalA = await login(base, 'focal.a');
  const floor = await startChild('floorProcess.ts', ['ingest']);
  const body = JSON.stringify(reportBody(focalA.user.agencyId!, 0));
  const lines = ['| Figure | Hub | Floor | Ratio | Hub CPU per report |', '| --- | --- | --- | --- | --- |'];
  for (const concurrency of PLAN.ingest.levels) {
    const cpuBefore = await hub.ask<{ micros: number }>({ type: 'cpu' });
    const countBefore = await hub.ask<{ incidents: number }>({ type: 'storage' });
    const [l] = await measureIngest(
      { base, headers: { Authorization: `Bearer ${focalA.token}` }, body },
      { base: `http://127.0.0.1:${floor.port}`, headers: {}, body },
      { ...PLAN.ingest, levels: [concurrency] },
    );
    const cpuAfter = await hub.ask<{ micros: number }>({ type: 'cpu' });
    const countAfter = await hub.ask<{ incidents: number }>({ type: 'storage' });
    const perReport = (cpuAfter.micros - cpuBefore.micros) / 1000 / Math.max(1, countAfter.incidents - countBefore.incidents);
    lines.push(
      `| Ingest c=${concurrency}: acks/s | ${fmt(l!.hub.acksPerSecond)} | ${fmt(l!.floor.acksPerSecond)} | ${l!.ratio.throughput} | ${perReport.toFixed(2)} ms |`,
      `| Ingest c=${concurrency}: p99 | ${fmt(l!.hub.p99Ms, ' ms')} | ${fmt(l!.floor.p99Ms, ' ms')} | ${l!.ratio.p99} | |`,
    );
    if (l!.hub.non2xx) lines.push(`| c=${concurrency}: non-2xx answers | ${l!.hub.non2xx} | | | |`);
  }
  await floor.stop();
  await hub.stop();
  lines.push('', `load average at start ${loadAverageAtStart.join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (profile)
    for (const f of fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))) {
      const summary = summariseProfile(path.join(profileDir, f), 30);
      lines.push('', `${f}: busy ${summary.busyShare}%`, ...summary.byOrigin.map((o) => `- ${o.name}: ${o.percentOfBusy}%`));
      lines.push('', ...summary.byFunction.map((o) => `- ${o.name}: ${o.percentOfBusy}%`));
    }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `--fanout`: the fan-out section alone, for working on it (with --profile, the hub is CPU-profiled). */
async function fanoutAlone(loadAverageAtStart: number[]) {
  const profileDir = path.join(repoRoot, 'bench/profiles');
  if (profile) fs.rmSync(profileDir, { recursive: true, force: true });
  const { levels } = await fanoutSection(() => startHub(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), PLAN.fanout);
  const lines = ['| Figure | Hub | Floor | Ratio |', '| --- | --- | --- | --- |', ...fanoutRows(levels, fmt).map((c) => `| ${c.join(' | ')} |`)];
  lines.push('', `load average at start ${loadAverageAtStart.join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (profile)
    for (const f of fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))) {
      const summary = summariseProfile(path.join(profileDir, f), 25);
      lines.push('', `${f}: busy ${summary.busyShare}%`, ...summary.byOrigin.map((o) => `- ${o.name}: ${o.percentOfBusy}%`));
      lines.push('', ...summary.byFunction.map((o) => `- ${o.name}: ${o.percentOfBusy}%`));
    }
  process.stdout.write(`${lines.join('\n')}\n`);
}

type Results = {
  machine: { cores: number; quick: boolean; note: string };
  ingest: { levels: Awaited<ReturnType<typeof measureIngest>>; profile: ReturnType<typeof summariseProfile> | null };
  fanout: { levels: Awaited<ReturnType<typeof measureFanout>> };
  reads: { sizes: (ReadsAtSize & { bytesPerIncident: number })[] };
  growth: { from: number; to: number; p95Ratio: Record<string, number | null>; yearlyStatistics: number };
  memory: { idleRssMb: number; with1000SocketsRssMb: number | null; afterReadsRssMb: number; afterReadsWith1000SocketsRssMb: number };
  console: ReturnType<typeof consoleSizes>;
};

function markdown(r: Results): string {
  const kb = (b: number) => `${Math.round(b / 1024)} KB`;
  const rows: string[] = [];
  const row = (...cells: (string | number | null)[]) => rows.push(`| ${cells.map((c) => (c === null ? '—' : String(c))).join(' | ')} |`);
  rows.push(`Benchmark (${r.machine.cores} cores; ${r.machine.note}). Medians over rounds, (min–max).`, '');
  rows.push('| Figure | Hub | Floor / target | Ratio |', '| --- | --- | --- | --- |');
  for (const l of r.ingest.levels) {
    row(`Ingest c=${l.concurrency}: acks/s`, fmt(l.hub.acksPerSecond), fmt(l.floor.acksPerSecond), l.ratio.throughput);
    row(`Ingest c=${l.concurrency}: p99`, fmt(l.hub.p99Ms, ' ms'), fmt(l.floor.p99Ms, ' ms'), l.ratio.p99);
  }
  for (const cells of fanoutRows(r.fanout.levels, fmt)) row(...cells);
  const names: Record<'boardFirstPage' | 'deepPage' | 'incidentWithTimeline' | 'search' | 'searchWholeStore' | 'narrowCatchUp', string> = {
    boardFirstPage: 'Board first page',
    deepPage: 'Deep page',
    incidentWithTimeline: 'Incident + timeline',
    search: 'Search within a team',
    searchWholeStore: 'Search whole store (leader)',
    narrowCatchUp: "Narrow user's catch-up feed",
  };
  const growthNames = { ...names, yearlyStatistics: 'Yearly statistics' };
  for (const s of r.reads.sizes)
    for (const [key, name] of Object.entries(names)) {
      const f: { p95Ms: Spread } = s[key as keyof typeof names];
      row(`${name} p95 at ${s.storedIncidents.toLocaleString('en')}`, fmt(f.p95Ms, ' ms'), '≤ 20 ms', null);
    }
  for (const s of r.reads.sizes)
    row(
      `Yearly statistics p95 at ${s.storedIncidents.toLocaleString('en')} (${s.yearlyStatistics.incidentsInYear.toLocaleString('en')} in the year)`,
      fmt(s.yearlyStatistics.p95Ms, ' ms'),
      '≤ 300 ms',
      null,
    );
  for (const [key, name] of Object.entries(growthNames))
    row(`Growth ${name} ${r.growth.from}→${r.growth.to}`, '', '≤ 1.5×', r.growth.p95Ratio[key] ?? null);
  for (const s of r.reads.sizes)
    row(`Storage per incident at ${s.storedIncidents.toLocaleString('en')}`, `${s.bytesPerIncident} B`, '≤ 3 KB', null);
  row('RSS idle', `${r.memory.idleRssMb} MB`, '', null);
  row('RSS with 1,000 sockets', `${r.memory.with1000SocketsRssMb} MB`, '', null);
  row(
    'RSS after reads (largest store), then with 1,000 sockets',
    `${r.memory.afterReadsRssMb} / ${r.memory.afterReadsWith1000SocketsRssMb} MB`,
    '≤ 400 MB',
    null,
  );
  const c = r.console;
  row(
    'Console initial JS (raw / gzip / brotli)',
    `${kb(c.initialJs.raw)} / ${kb(c.initialJs.gzip)} / ${kb(c.initialJs.brotli)}`,
    '≤ 300 KB compressed',
    null,
  );
  row(
    `Console all JS, ${c.chunks} chunks (raw / gzip / brotli)`,
    `${kb(c.totalJs.raw)} / ${kb(c.totalJs.gzip)} / ${kb(c.totalJs.brotli)}`,
    '',
    null,
  );
  if (r.ingest.profile) {
    rows.push('', 'Ingest CPU profile (share of busy time by origin):', '');
    for (const o of r.ingest.profile.byOrigin.slice(0, 10)) rows.push(`- ${o.name}: ${o.percentOfBusy}%`);
  }
  return `${rows.join('\n')}\n`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
