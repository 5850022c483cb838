/**
 * Fan-out: N board sockets connected; one report is filed; the figure is the time from the
 * request leaving the reporter until the LAST socket has its `incident.created`. The floor is
 * a bare socket.io server broadcasting the same payload when it is posted.
 */
import { io, type Socket } from 'socket.io-client';
import { now } from './http.js';
import { percentile, ratio, spread, type Spread } from './stats.js';

export interface FanoutTarget {
  base: string;
  token?: string;
  /** Sends one message; resolves when the server has answered. */
  trigger: () => Promise<void>;
}

export async function connectSockets(target: FanoutTarget, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const BATCH = 50;
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, () =>
      io(target.base, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(target.token ? { auth: { token: target.token } } : {}),
      }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', (e) => reject(e));
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

export function closeSockets(sockets: Socket[]) {
  for (const s of sockets) s.close();
}

/** Latencies (ms) of `events` messages, each until all sockets have it. */
async function sample(target: FanoutTarget, sockets: Socket[], events: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let e = 0; e < events; e++) {
    let remaining = sockets.length;
    const started = now();
    const allHave = new Promise<number>((resolve) => {
      const handlers = sockets.map((s) => {
        const handler = (m: { event?: { type?: string } }) => {
          if (m.event?.type !== 'incident.created') return;
          s.off('domain:event', handler);
          remaining -= 1;
          if (remaining === 0) resolve(now());
        };
        s.on('domain:event', handler);
        return handler;
      });
      void handlers;
    });
    await target.trigger();
    latencies.push((await allHave) - started);
  }
  return latencies;
}

export interface FanoutFigure {
  sockets: number;
  hub: { p50Ms: Spread; p99Ms: Spread };
  floor: { p50Ms: Spread; p99Ms: Spread };
  ratio: { p50: number | null; p99: number | null };
}

export async function measureFanout(
  hub: FanoutTarget,
  floor: FanoutTarget,
  opts: { counts: number[]; rounds: number; events: number; onConnected?: (count: number) => Promise<void> },
): Promise<FanoutFigure[]> {
  const figures: FanoutFigure[] = [];
  // Sockets are added as the count grows (100, then 400 more, …): connecting is the slow part.
  const hubSockets: Socket[] = [];
  const floorSockets: Socket[] = [];
  for (const count of opts.counts) {
    hubSockets.push(...(await connectSockets(hub, count - hubSockets.length)));
    floorSockets.push(...(await connectSockets(floor, count - floorSockets.length)));
    await opts.onConnected?.(count);
    await sample(hub, hubSockets, 1); // warm-up
    await sample(floor, floorSockets, 1);
    const hubP50: number[] = [];
    const hubP99: number[] = [];
    const floorP50: number[] = [];
    const floorP99: number[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const h = await sample(hub, hubSockets, opts.events);
      const f = await sample(floor, floorSockets, opts.events);
      hubP50.push(percentile(h, 50));
      hubP99.push(percentile(h, 99));
      floorP50.push(percentile(f, 50));
      floorP99.push(percentile(f, 99));
    }
    const figure: FanoutFigure = {
      sockets: count,
      hub: { p50Ms: spread(hubP50), p99Ms: spread(hubP99) },
      floor: { p50Ms: spread(floorP50), p99Ms: spread(floorP99) },
      ratio: { p50: null, p99: null },
    };
    figure.ratio = {
      p50: ratio(figure.hub.p50Ms.median, figure.floor.p50Ms.median),
      p99: ratio(figure.hub.p99Ms.median, figure.floor.p99Ms.median),
    };
    figures.push(figure);
  }
  closeSockets(hubSockets);
  closeSockets(floorSockets);
  return figures;
}
