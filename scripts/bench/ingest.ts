/**
 * Ingest: authenticated `POST /api/incidents` with a unique Idempotency-Key per request at
 * concurrency 1, 16 and 64 (autocannon), against the floor (bare express + one SQLite INSERT).
 */
import autocannon from 'autocannon';
import { percentile, ratio, spread, type Spread } from './stats.js';

export interface IngestTarget {
  base: string;
  headers: Record<string, string>;
  body: string;
}

interface RoundResult {
  acksPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

let keySerial = 0;

async function round(target: IngestTarget, connections: number, seconds: number): Promise<RoundResult> {
  const run = await autocannon({
    url: `${target.base}/api/incidents`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { ...target.headers, 'Content-Type': 'application/json' },
    body: target.body,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, 'Idempotency-Key': `bench-${process.pid}-${++keySerial}` },
        }),
      },
    ],
  });
  const acks = run['2xx'];
  return { acksPerSecond: acks / seconds, p50: run.latency.p50, p99: run.latency.p99, non2xx: run.non2xx };
}

export interface IngestFigure {
  concurrency: number;
  hub: { acksPerSecond: Spread; p50Ms: Spread; p99Ms: Spread; non2xx: number };
  floor: { acksPerSecond: Spread; p50Ms: Spread; p99Ms: Spread };
  ratio: { throughput: number | null; p99: number | null };
}

export async function measureIngest(hub: IngestTarget, floor: IngestTarget, opts: { rounds: number; seconds: number; levels: number[] }) {
  const figures: IngestFigure[] = [];
  for (const concurrency of opts.levels) {
    const hubRounds: RoundResult[] = [];
    const floorRounds: RoundResult[] = [];
    // Alternate hub and floor so a noisy neighbour on the machine hits both alike.
    for (let r = 0; r < opts.rounds; r++) {
      hubRounds.push(await round(hub, concurrency, opts.seconds));
      floorRounds.push(await round(floor, concurrency, opts.seconds));
    }
    const h = {
      acksPerSecond: spread(hubRounds.map((x) => x.acksPerSecond)),
      p50Ms: spread(hubRounds.map((x) => x.p50)),
      p99Ms: spread(hubRounds.map((x) => x.p99)),
      non2xx: hubRounds.reduce((a, x) => a + x.non2xx, 0),
    };
    const f = {
      acksPerSecond: spread(floorRounds.map((x) => x.acksPerSecond)),
      p50Ms: spread(floorRounds.map((x) => x.p50)),
      p99Ms: spread(floorRounds.map((x) => x.p99)),
    };
    figures.push({
      concurrency,
      hub: h,
      floor: f,
      ratio: { throughput: ratio(h.acksPerSecond.median, f.acksPerSecond.median), p99: ratio(h.p99Ms.median, f.p99Ms.median) },
    });
  }
  return figures;
}

export { percentile };
