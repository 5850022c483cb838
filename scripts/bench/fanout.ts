/**
 * Fan-out: N board sockets connected; one report is filed; the figure is the time from the
 * report request leaving the reporter until the LAST socket has its `incident.created`. The
 * floor is measured the same way in the same run: a bare express + socket.io server that takes
 * the same POST, makes it durable with one INSERT (the ingest floor's SQLite settings: WAL,
 * synchronous=FULL) and broadcasts the hub's captured `incident.created` message to every
 * socket. The time until the request is answered is recorded beside it for both.
 */
import fs from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { login, now, reportBody } from './http.js';
import { startChild, type Child } from './proc.js';
import { percentile, ratio, spread, type Spread } from './stats.js';

export const FANOUT_DEFINITION =
  'p50Ms/p99Ms (compared): from the report (POST /api/incidents) being acknowledged (its 201 status received) until the last ' +
  'socket has incident.created; fromRequest*: from the request leaving instead (includes filing it); ackP50Ms: ' +
  'request until its answer. Floor: bare express + socket.io on the same stack taking the same POST, one durable ' +
  'SQLite INSERT (WAL, synchronous=FULL), answering, then one broadcast of the hub\'s captured incident.created ' +
  'message. Sockets are plain WebSockets speaking the socket.io protocol that only recognise the frame (so the load ' +
  'generator\'s JSON decoding is not measured); one report at a time, the next filed ≥ 50 ms later once the server has ' +
  'settled (answered two IPC round trips). cpuMsPerReport: the server process\'s CPU time (/proc) per report.';

export interface FanoutTarget {
  base: string;
  token?: string;
  trigger: () => Promise<unknown>;
}

/** A server under measurement: where its boards connect, how a report is filed there. */
export interface ReportTarget {
  base: string;
  token?: string;
  /** Files one report; resolves with the time (`now()`) its 201 status arrived. */
  file: () => Promise<number>;
  /** Resolves once the server has done what the last report set off (see `sample`). */
  settle: () => Promise<void>;
  /** The server's process, whose CPU time per report is recorded (Linux /proc). */
  pid?: number | undefined;
}

/** CPU time (user + system, ms) a process has used, or null where /proc is not available. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (100 on every common build). */
const CLOCK_TICKS = 100;

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

/**
 * A board's connection as the measurement sees it: a plain WebSocket speaking the socket.io
 * protocol (engine.io v4 open, namespace connect with the token, ping/pong) that only looks
 * whether a frame is the `incident.created` domain event. A full socket.io client decodes
 * every frame's JSON; a thousand of them in this one process made the load generator's own
 * decoding most of what was measured (the floor's 1,000-socket figure was ~35 ms of client
 * work), so hub and floor both reach these sockets instead.
 */
export interface Board {
  ws: WebSocket;
}

const DOMAIN_EVENT_FRAME = Buffer.from('42["domain:event",');
/** Events dispatched together (a report's created and routed) come in one frame. */
const DOMAIN_EVENTS_FRAME = Buffer.from('42["domain:events",');
const CREATED = Buffer.from('"type":"incident.created"');

const isDomainFrame = (data: Buffer) =>
  data.subarray(0, DOMAIN_EVENT_FRAME.length).equals(DOMAIN_EVENT_FRAME) ||
  data.subarray(0, DOMAIN_EVENTS_FRAME.length).equals(DOMAIN_EVENTS_FRAME);

/** The least pause between reports (see `sample`). */
const SETTLE_MS = 50;

/** Who is waiting for the current report: each board calls it once per incident.created frame. */
let onCreatedFrame: () => void = () => {};

function openBoard(base: string, token: string | undefined): Promise<Board> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0x32) return ws.send('3'); // engine.io ping → pong
      if (data[0] === 0x30) return ws.send(`40${token ? JSON.stringify({ token }) : ''}`); // open → connect "/"
      if (data[0] !== 0x34) return;
      if (data[1] === 0x30) resolve({ ws }); // connected
      else if (data[1] === 0x34) reject(new Error(`connect refused: ${data.toString()}`));
      else if (isDomainFrame(data) && data.includes(CREATED)) onCreatedFrame();
    });
    ws.once('error', reject);
  });
}

export async function connectBoards(base: string, token: string | undefined, count: number): Promise<Board[]> {
  const boards: Board[] = [];
  const BATCH = 50;
  for (let i = 0; i < count; i += BATCH)
    boards.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, () => openBoard(base, token)))));
  return boards;
}

export function closeBoards(boards: Board[]) {
  for (const b of boards) b.ws.close();
}

/** Latencies (ms) of `events` reports, each until all boards have it, and until each was answered. */
async function sample(target: ReportTarget, boards: Board[], events: number): Promise<{ latencies: number[]; acks: number[] }> {
  const latencies: number[] = [];
  const acks: number[] = [];
  for (let e = 0; e < events; e++) {
    let remaining = boards.length;
    const started = now();
    const allHave = new Promise<number>((resolve) => {
      onCreatedFrame = () => {
        remaining -= 1;
        if (remaining === 0) resolve(now());
      };
    });
    acks.push((await target.file()) - started);
    latencies.push((await allHave) - started);
    onCreatedFrame = () => {};
    // Each report on a settled server: what a report sets off after its incident.created (the
    // routed event, the team's notifications and their commit) finishes before the next is
    // filed, so a figure is one report's latency, not a queue behind the previous one.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await target.settle();
  }
  return { latencies, acks };
}

/** One side's figures at one socket count: medians over rounds of each round's percentile. */
export interface FanoutSide {
  /** Report acknowledged (201 status received) → last socket has incident.created: the compared figure. */
  p50Ms: Spread;
  p99Ms: Spread;
  /** Report request leaving → last socket has incident.created (includes filing it). */
  fromRequestP50Ms: Spread;
  fromRequestP99Ms: Spread;
  /** Report request leaving → its 201 status received. */
  ackP50Ms: Spread;
  /** The server process's CPU time per report (filing, broadcasting, whatever the report set off), or null. */
  cpuMsPerReport: Spread | null;
}

export interface FanoutFigure {
  sockets: number;
  hub: FanoutSide;
  floor: FanoutSide;
  ratio: { p50: number | null; p99: number | null; fromRequestP50: number | null; fromRequestP99: number | null };
}

async function measureSide(target: ReportTarget, boards: Board[], rounds: number, events: number): Promise<FanoutSide> {
  const perRound = { p50: [] as number[], p99: [] as number[], reqP50: [] as number[], reqP99: [] as number[], ack: [] as number[] };
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cpuBefore = cpuMsOf(target.pid);
    const { latencies, acks } = await sample(target, boards, events);
    const cpuAfter = cpuMsOf(target.pid);
    if (cpuBefore !== null && cpuAfter !== null) cpu.push((cpuAfter - cpuBefore) / events);
    const fromAck = latencies.map((l, i) => l - acks[i]!);
    perRound.p50.push(percentile(fromAck, 50));
    perRound.p99.push(percentile(fromAck, 99));
    perRound.reqP50.push(percentile(latencies, 50));
    perRound.reqP99.push(percentile(latencies, 99));
    perRound.ack.push(percentile(acks, 50));
  }
  return {
    p50Ms: spread(perRound.p50),
    p99Ms: spread(perRound.p99),
    fromRequestP50Ms: spread(perRound.reqP50),
    fromRequestP99Ms: spread(perRound.reqP99),
    ackP50Ms: spread(perRound.ack),
    cpuMsPerReport: cpu.length ? spread(cpu) : null,
  };
}

export async function measureFanout(
  hub: ReportTarget,
  floor: ReportTarget,
  opts: { counts: number[]; rounds: number; events: number; onConnected?: (count: number) => Promise<void> },
): Promise<FanoutFigure[]> {
  const figures: FanoutFigure[] = [];
  // Sockets are added as the count grows (100, then 400 more, …): connecting is the slow part.
  const hubBoards: Board[] = [];
  const floorBoards: Board[] = [];
  for (const count of opts.counts) {
    hubBoards.push(...(await connectBoards(hub.base, hub.token, count - hubBoards.length)));
    floorBoards.push(...(await connectBoards(floor.base, floor.token, count - floorBoards.length)));
    await opts.onConnected?.(count);
    await sample(hub, hubBoards, 1); // warm-up
    await sample(floor, floorBoards, 1);
    // Hub and floor take turns, one round each, so both see the same machine load.
    const hubRounds: FanoutSide[] = [];
    const floorRounds: FanoutSide[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      hubRounds.push(await measureSide(hub, hubBoards, 1, opts.events));
      floorRounds.push(await measureSide(floor, floorBoards, 1, opts.events));
    }
    const h = mergeRounds(hubRounds);
    const f = mergeRounds(floorRounds);
    figures.push({
      sockets: count,
      hub: h,
      floor: f,
      ratio: {
        p50: ratio(h.p50Ms.median, f.p50Ms.median),
        p99: ratio(h.p99Ms.median, f.p99Ms.median),
        fromRequestP50: ratio(h.fromRequestP50Ms.median, f.fromRequestP50Ms.median),
        fromRequestP99: ratio(h.fromRequestP99Ms.median, f.fromRequestP99Ms.median),
      },
    });
  }
  closeBoards(hubBoards);
  closeBoards(floorBoards);
  return figures;
}

/** One-round sides merged into one spread per figure. */
function mergeRounds(rounds: FanoutSide[]): FanoutSide {
  const of = (key: Exclude<keyof FanoutSide, 'cpuMsPerReport'>) => spread(rounds.flatMap((r) => r[key].rounds));
  return {
    p50Ms: of('p50Ms'),
    p99Ms: of('p99Ms'),
    fromRequestP50Ms: of('fromRequestP50Ms'),
    fromRequestP99Ms: of('fromRequestP99Ms'),
    ackP50Ms: of('ackP50Ms'),
    cpuMsPerReport: rounds.every((r) => r.cpuMsPerReport) ? spread(rounds.flatMap((r) => r.cpuMsPerReport!.rounds)) : null,
  };
}

let keySerial = 0;
/**
 * Files one report as the hub's console does (and as the floor is sent it): JSON body, unique
 * Idempotency-Key. Resolves with the time its status arrived ("acknowledged"), the body read.
 */
async function postReport(base: string, token: string | null, agencyId: string): Promise<number> {
  const res = await fetch(`${base}/api/incidents`, {
    method: 'POST',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      'Idempotency-Key': `bench-fanout-${process.pid}-${++keySerial}`,
    },
    body: JSON.stringify(reportBody(agencyId, keySerial)),
  });
  const answeredAt = now();
  if (res.status !== 201) throw new Error(`filing a report at ${base}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return answeredAt;
}

/**
 * A server has settled when it answers its parent twice in a row: what the last report queued
 * (the routed event's pass, the notifications' commit and push) ran before those answers.
 */
const settled = (server: Child) => async () => {
  await server.ask({ type: 'rss' });
  await server.ask({ type: 'rss' });
};

/**
 * The whole fan-out section: a hub (from `startHub`) and the floor, sockets of the responder
 * (one team room), the figures at each count, and the hub's RSS with 1,000 sockets.
 */
export async function fanoutSection(
  startHub: () => Promise<Child>,
  plan: { counts: number[]; rounds: number; events: number },
): Promise<{ levels: FanoutFigure[]; rssWith1000Sockets: number | null }> {
  const hub = await startHub();
  const hubBase = `http://127.0.0.1:${hub.port}`;
  const focal = await login(hubBase, 'focal.a');
  const responder = await login(hubBase, 'responder');
  const agencyId = focal.user.agencyId!;
  // The floor broadcasts exactly what the hub sends: capture one real message first.
  const [probe] = await connectSockets({ base: hubBase, token: responder.token, trigger: async () => {} }, 1);
  const captured = new Promise<unknown>((resolve) => {
    const onEvent = (m: { event?: { type?: string } }) => {
      if (m.event?.type !== 'incident.created') return;
      probe!.off('domain:event', onEvent);
      probe!.off('domain:events', onEvents);
      resolve(m);
    };
    const onEvents = (ms: { event?: { type?: string } }[]) => ms.forEach(onEvent);
    probe!.on('domain:event', onEvent);
    probe!.on('domain:events', onEvents);
  });
  await postReport(hubBase, focal.token, agencyId);
  const payload = await captured;
  closeSockets([probe!]);
  const floor = await startChild('floorProcess.ts', ['fanout']);
  const floorBase = `http://127.0.0.1:${floor.port}`;
  await floor.ask({ type: 'payload', payload });
  let rssWith1000Sockets: number | null = null;
  try {
    const levels = await measureFanout(
      { base: hubBase, token: responder.token, file: () => postReport(hubBase, focal.token, agencyId), settle: settled(hub), pid: hub.process.pid },
      { base: floorBase, file: () => postReport(floorBase, null, agencyId), settle: settled(floor), pid: floor.process.pid },
      {
        ...plan,
        onConnected: async (count) => {
          if (count === 1000) rssWith1000Sockets = (await hub.ask<{ rss: number }>({ type: 'rss' })).rss;
        },
      },
    );
    return { levels, rssWith1000Sockets };
  } finally {
    await floor.stop();
    await hub.stop();
  }
}

/** The fan-out rows of the bench's Markdown table. */
export function fanoutRows(levels: FanoutFigure[], fmt: (s: Spread, unit?: string) => string): string[][] {
  const r = (x: number | null) => (x === null ? '—' : String(x));
  return levels.flatMap((f) => [
    [`Fan-out ${f.sockets} sockets (answered → last socket): p50`, fmt(f.hub.p50Ms, ' ms'), fmt(f.floor.p50Ms, ' ms'), r(f.ratio.p50)],
    [`Fan-out ${f.sockets} sockets (answered → last socket): p99`, fmt(f.hub.p99Ms, ' ms'), fmt(f.floor.p99Ms, ' ms'), r(f.ratio.p99)],
    [`Fan-out ${f.sockets} sockets (request → last socket): p50`, fmt(f.hub.fromRequestP50Ms, ' ms'), fmt(f.floor.fromRequestP50Ms, ' ms'), r(f.ratio.fromRequestP50)],
    [`Fan-out ${f.sockets} sockets (request → last socket): p99`, fmt(f.hub.fromRequestP99Ms, ' ms'), fmt(f.floor.fromRequestP99Ms, ' ms'), r(f.ratio.fromRequestP99)],
    [`Fan-out ${f.sockets} sockets: report answered p50`, fmt(f.hub.ackP50Ms, ' ms'), fmt(f.floor.ackP50Ms, ' ms'), '—'],
    [
      `Fan-out ${f.sockets} sockets: server CPU per report`,
      f.hub.cpuMsPerReport ? fmt(f.hub.cpuMsPerReport, ' ms') : '—',
      f.floor.cpuMsPerReport ? fmt(f.floor.cpuMsPerReport, ' ms') : '—',
      f.hub.cpuMsPerReport && f.floor.cpuMsPerReport ? r(ratio(f.hub.cpuMsPerReport.median, f.floor.cpuMsPerReport.median)) : '—',
    ],
  ]);
}
