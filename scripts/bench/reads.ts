/**
 * Reads at a given number of stored incidents: each figure is the p95 of `requests`
 * sequential requests per round, as median/min/max over rounds.
 */
import { getJson, now, type Session } from './http.js';
import { percentile, spread, type Spread } from './stats.js';

export interface ReadFigure {
  p50Ms: Spread;
  p95Ms: Spread;
}

export interface ReadsAtSize {
  storedIncidents: number;
  boardFirstPage: ReadFigure;
  deepPage: ReadFigure & { depth: number };
  incidentWithTimeline: ReadFigure;
  /** The coordinator's search: within the standing team's incidents (the phrase is common in other teams'). */
  search: ReadFigure;
  /** The same search by a leader, over every incident (an eighth of the store matches). */
  searchWholeStore: ReadFigure;
  narrowCatchUp: ReadFigure;
  /** The leader's dashboard for the year up to now (with its comparison to the year before). */
  yearlyStatistics: ReadFigure & { from: string; to: string; incidentsInYear: number };
}

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

async function figure(request: () => Promise<unknown>, rounds: number, requests: number, budgetMs: number): Promise<ReadFigure> {
  const warmUpStarted = now();
  await request(); // warm-up (statement caches, page cache)
  const warmUp = now() - warmUpStarted;
  // A request slower than a round's whole budget is measured once more, not rounds × requests times.
  if (warmUp > budgetMs / rounds) {
    const started = now();
    await request();
    const once = now() - started;
    return { p50Ms: spread([once]), p95Ms: spread([once]) };
  }
  const p50: number[] = [];
  const p95: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const samples: number[] = [];
    const roundStarted = now();
    // A slow query (seconds per request) gets fewer samples instead of stalling the run.
    for (let i = 0; i < requests && (i === 0 || now() - roundStarted < budgetMs / rounds); i++) {
      const started = now();
      await request();
      samples.push(now() - started);
    }
    p50.push(percentile(samples, 50));
    p95.push(percentile(samples, 95));
  }
  return { p50Ms: spread(p50), p95Ms: spread(p95) };
}

export const READ_PATHS = {
  board: '/api/incidents?open=true&limit=100',
  list: '/api/incidents?limit=100',
  search: `/api/incidents?q=${encodeURIComponent('thay doi giao dien')}&limit=50`,
  /** What the console asks when it catches up (realtime/LiveConnection.ts): cards, pages of 500. */
  catchUp: '/api/events?after=0&limit=500&view=card',
};

/** The year up to now (the generator files one incident every ~95 s back from now: 1M make three years). */
export function lastYear(now = new Date()) {
  return { from: new Date(now.getTime() - 365 * 86_400_000).toISOString(), to: now.toISOString() };
}

export async function measureReads(
  base: string,
  who: { responder: Session; coordinator: Session; narrow: Session; leader: Session },
  storedIncidents: number,
  opts: { rounds: number; requests: number; depth: number; budgetMs: number },
): Promise<ReadsAtSize> {
  // A deep page: follow the cursor `depth` pages into the coordinator's full list.
  let cursor: string | null = null;
  let depth = 0;
  for (; depth < opts.depth; depth++) {
    const page: Page = await getJson<Page>(
      base,
      `${READ_PATHS.list}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      who.coordinator.token,
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const deepPath = `${READ_PATHS.list}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const one = (await getJson<Page>(base, READ_PATHS.board, who.responder.token)).items[0];
  if (!one) throw new Error('the responder has no open incident to read');
  const { rounds, requests, budgetMs } = opts;
  return {
    storedIncidents,
    boardFirstPage: await figure(() => getJson(base, READ_PATHS.board, who.responder.token), rounds, requests, budgetMs),
    deepPage: { ...(await figure(() => getJson(base, deepPath, who.coordinator.token), rounds, requests, budgetMs)), depth },
    incidentWithTimeline: await figure(
      () =>
        Promise.all([
          getJson(base, `/api/incidents/${one.id}`, who.responder.token),
          getJson(base, `/api/incidents/${one.id}/timeline`, who.responder.token),
        ]),
      rounds,
      requests,
      budgetMs,
    ),
    search: await figure(() => getJson(base, READ_PATHS.search, who.coordinator.token), rounds, requests, budgetMs),
    searchWholeStore: await figure(() => getJson(base, READ_PATHS.search, who.leader.token), rounds, requests, budgetMs),
    narrowCatchUp: await figure(() => getJson(base, READ_PATHS.catchUp, who.narrow.token), rounds, requests, budgetMs),
    yearlyStatistics: await yearlyStatistics(base, who.leader, rounds, requests, budgetMs),
  };
}

async function yearlyStatistics(base: string, leader: Session, rounds: number, requests: number, budgetMs: number) {
  const year = lastYear();
  const path = `/api/stats?from=${encodeURIComponent(year.from)}&to=${encodeURIComponent(year.to)}`;
  let incidentsInYear = 0;
  const request = async () => (incidentsInYear = (await getJson<{ total: number }>(base, path, leader.token)).total);
  return { ...(await figure(request, rounds, requests, budgetMs)), ...year, incidentsInYear };
}
