/**
 * The statistics from the aggregates kept with every write must be the statistics recomputed
 * from every incident and its status history. Incidents are filed and worked on a fake clock
 * along random paths — rejections and reopenings, moves back, corrections of category and
 * severity, serious flags set and cleared, drills marked and unmarked — under SLA policies set
 * here; then, for many ranges (whole days, partial days, ranges inside one day) and several
 * "now"s, both computations are compared field by field. The migration that builds the
 * aggregates for an existing store must build the same tables as the writes did.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidentInput, INCIDENT_CATEGORY_CODES, SEVERITIES, SLA_BREACH_LIST_LIMIT, type IncidentStatus } from '@cert-hub/shared';
import { actorOf, type Actor } from '../auth/actor.js';
import type { IncidentRecord, StatsRange } from '../store/port.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { STATS_AGGREGATES_MIGRATION } from '../store/sqlite/statsAggregates.js';
import { periodKeyRanges } from '../store/statsAggregates.js';
import { openSqliteDatabase } from '../store/sqlite/sqliteStore.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';
import { aggregatedFigures, aggregatesOf, splitIntoDays } from './aggregated.js';
import { recomputedFigures, type PeriodFigures } from './periodFigures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-01T00:00:00+07:00');
const SPAN = 120 * DAY;
const COUNT = 260;

/** mulberry32: deterministic, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rnd = random(11);
const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;

let hub: TestHub;
let reportTimes: number[] = [];
const AGGREGATE_TABLES = ['incident_stats', 'incident_stats_daily', 'incident_stats_durations', 'incident_stats_pending'];

const CLOSING = {
  rootCause: 'Lỗ hổng chưa được vá',
  actionsTaken: 'Cô lập, vá, khôi phục',
  damage: 'Gián đoạn ngắn',
  recoveryTime: 'Trong ngày',
  recommendations: 'Vá định kỳ',
};

/** A random walk along the lifecycle, with corrections; each move at a random later time. */
async function work(responder: Actor, incident: IncidentRecord, reportedMs: number) {
  let version = incident.version;
  let status: IncidentStatus = incident.status;
  let at = reportedMs;
  const steps = Math.floor(rnd() * 9);
  for (let s = 0; s < steps; s++) {
    // Some first moves land exactly on an SLA limit (met: reached by the deadline, inclusive).
    if (s === 0 && rnd() < 0.2) at += pick([10 * MIN, 15 * MIN, HOUR, 4 * HOUR]);
    else at += Math.floor(rnd() * (rnd() < 0.5 ? 2 * HOUR : 3 * DAY)) + 1;
    hub.clock.set(new Date(at));
    if (rnd() < 0.15 && status !== 'received' && status !== 'triage') {
      // A correction of the classification.
      const moved = await hub.services.incidents.update(responder, incident.id, {
        version,
        ...(rnd() < 0.5 ? { category: pick(INCIDENT_CATEGORY_CODES) } : { severity: pick(SEVERITIES) }),
      });
      version = moved.version;
      continue;
    }
    const next: Record<IncidentStatus, IncidentStatus[]> = {
      received: ['triage'],
      triage: ['initial_response', 'initial_response', 'rejected'],
      initial_response: ['containment', 'recovery', 'triage'],
      containment: ['recovery', 'recovery', 'initial_response'],
      recovery: ['closed', 'closed', 'containment'],
      rejected: ['triage'],
      closed: [],
    };
    if (next[status].length === 0) break;
    const to = pick(next[status]);
    const input: Record<string, unknown> = { version, to };
    if (to === 'rejected') input.reason = 'Cảnh báo nhầm';
    if (status === 'triage' && to === 'initial_response') {
      input.severity = pick(SEVERITIES);
      input.category = pick(INCIDENT_CATEGORY_CODES);
    }
    if (to === 'closed') input.closingReport = CLOSING;
    const moved = await hub.services.incidents.transition(responder, incident.id, input as never);
    version = moved.version;
    status = moved.status;
  }
}

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set(new Date(START - DAY));
  const coordinator = await signIn(hub, 'coordinator');
  for (const [scope, limits] of [
    ['default', { acknowledge: 'PT1H', leaveTriage: 'PT6H', contain: 'P1D' }],
    ['high', { acknowledge: 'PT15M', leaveTriage: null, contain: 'PT12H' }],
    ['serious', { acknowledge: 'PT10M', leaveTriage: 'PT2H', contain: 'PT8H' }],
    ['low', { acknowledge: 'PT4H', leaveTriage: null, contain: null }],
    ['medium', { acknowledge: 'PT5M', leaveTriage: 'PT30M', contain: 'PT4H' }],
  ] as const) {
    const res = await hub
      .http()
      .post('/api/sla/policies')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({ scope, ...limits, escalationDelay: 'PT30M' });
    expect(res.status).toBe(200);
  }
  const responder = actorOf((await hub.store.users.getByUsername('responder'))!, null);
  const agencies = (await hub.store.agencies.list({ limit: 50 })).items;
  // Some in bursts (many incidents in one millisecond or one day), most spread over four months.
  reportTimes = Array.from({ length: COUNT }, (_, n) => (n % 40 < 3 ? START + 10 * DAY + 5 * HOUR : START + Math.floor(rnd() * SPAN))).sort(
    (a, b) => a - b,
  );
  const ids: string[] = [];
  for (const [n, reportedMs] of reportTimes.entries()) {
    hub.clock.set(new Date(reportedMs));
    const late = rnd() < 0.15;
    const { incident } = await hub.services.incidents.create(
      responder,
      createIncidentInput.parse({
        agencyId: pick(agencies).id,
        title: `Sự cố thử số liệu ${n}`,
        category: pick(INCIDENT_CATEGORY_CODES),
        description: 'Sự cố để so sánh số liệu tổng hợp.',
        detectedAt: new Date(reportedMs - (late ? 8 * DAY : HOUR)).toISOString(),
        systemLevel: rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 5),
        sector: pick(['health', 'finance', 'energy', null]),
        impacts: rnd() < 0.15 ? ['service_interruption'] : [],
      }),
      null,
    );
    ids.push(incident.id);
    await work(responder, incident, reportedMs);
  }
  // Drills marked (and some unmarked again), serious flags set and cleared, directly in the
  // store as the drills and seriousness features do.
  for (const id of ids) {
    const roll = rnd();
    if (roll > 0.15) continue;
    const current = (await hub.store.incidents.get(id))!;
    const next: IncidentRecord =
      roll < 0.08
        ? { ...current, drill: { drillId: 'agg-drill', injectId: null }, version: current.version + 1 }
        : { ...current, serious: !current.serious, version: current.version + 1 };
    expect(await hub.store.incidents.update(next, current.version)).toBe(true);
    if (roll < 0.03) {
      const again = (await hub.store.incidents.get(id))!;
      expect(await hub.store.incidents.update({ ...again, drill: null, version: again.version + 1 }, again.version)).toBe(true);
    }
  }
}, 240_000);
afterAll(async () => hub?.close());

/** The comparable content of the figures (tallies as their lines). */
const comparable = (f: PeriodFigures) => ({
  counts: f.counts,
  acknowledge: f.acknowledge,
  contain: f.contain,
  close: f.close,
  slaOverall: f.slaOverall.lines(),
  slaBySeverity: [...f.slaBySeverity].sort(([a], [b]) => a.localeCompare(b)).map(([s, t]) => [s, t.lines()]),
  breaches: f.breaches,
  breachCount: f.breachCount,
});

async function both(range: StatsRange, now: Date) {
  const policies = new Map((await hub.store.slaPolicies.list()).map((p) => [p.scope, p] as const));
  const agg = aggregatesOf(hub.store.stats);
  expect(agg).not.toBeNull();
  const types = async (ids: string[]) => {
    const map = new Map<string, string>();
    for (const id of ids) {
      const a = await hub.store.agencies.get(id);
      if (a) map.set(id, a.type);
    }
    return map;
  };
  const fast = await aggregatedFigures(agg!, types, range, policies, now);
  const reference = await recomputedFigures(hub.store, range, policies, now);
  return { fast: comparable(fast), reference: comparable(reference) };
}

const isoOf = (ms: number) => new Date(ms).toISOString();

describe('statistics from the aggregates', () => {
  it('splits a range into whole VN days and the partial stretches at its ends', () => {
    const r = splitIntoDays({ from: '2026-01-01T05:00:00.000Z', to: '2026-01-03T16:59:59.999Z' });
    // 05:00Z is 12:00 in Viet Nam: 1 Jan is partial; 3 Jan 23:59:59.999 (VN) closes the 3rd.
    expect(r.days).toEqual({ first: '2026-01-02', last: '2026-01-03' });
    expect(r.edges).toEqual([{ from: '2026-01-01T05:00:00.000Z', to: '2026-01-01T16:59:59.999Z' }]);
    expect(splitIntoDays({ from: '2026-01-01T05:00:00.000Z', to: '2026-01-01T06:00:00.000Z' })).toEqual({
      days: null,
      edges: [{ from: '2026-01-01T05:00:00.000Z', to: '2026-01-01T06:00:00.000Z' }],
    });
  });

  it('reads a run of days as the days before the first whole month, the whole months and the days after', () => {
    expect(periodKeyRanges('2026-01-15', '2026-12-10')).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: 'M2026-02', to: 'M2026-11' },
      { from: '2026-12-01', to: '2026-12-10' },
    ]);
    expect(periodKeyRanges('2026-02-01', '2026-02-28')).toEqual([{ from: 'M2026-02', to: 'M2026-02' }]);
    expect(periodKeyRanges('2025-12-01', '2026-01-31')).toEqual([{ from: 'M2025-12', to: 'M2026-01' }]);
    expect(periodKeyRanges('2026-02-02', '2026-02-28')).toEqual([{ from: '2026-02-02', to: '2026-02-28' }]);
    expect(periodKeyRanges('2026-01-20', '2026-02-10')).toEqual([{ from: '2026-01-20', to: '2026-02-10' }]);
  });

  it('gives the same figures as the recomputation from every incident, for any range and any now', async () => {
    const ranges: StatsRange[] = [
      { from: isoOf(START - DAY), to: isoOf(START + SPAN + 30 * DAY) },
      { from: isoOf(START), to: isoOf(START + SPAN - 1) },
      // A burst's millisecond alone, and its day.
      { from: isoOf(START + 10 * DAY + 5 * HOUR), to: isoOf(START + 10 * DAY + 5 * HOUR) },
      { from: isoOf(START + 10 * DAY), to: isoOf(START + 11 * DAY - 1) },
    ];
    for (let k = 0; k < 14; k++) {
      const a = START - 5 * DAY + Math.floor(rnd() * (SPAN + 10 * DAY));
      const b = a + Math.floor(rnd() * (k % 3 === 0 ? DAY : 60 * DAY));
      ranges.push({ from: isoOf(a), to: isoOf(b) });
    }
    // Ranges that start or end exactly on a report (inclusive bounds).
    ranges.push({ from: isoOf(reportTimes[50]!), to: isoOf(reportTimes[200]!) });
    const nows = [START + 20 * DAY, START + SPAN + 60 * DAY];
    let compared = 0;
    for (const now of nows)
      for (const range of ranges) {
        const { fast, reference } = await both(range, new Date(now));
        expect(fast, `${range.from} … ${range.to} at ${isoOf(now)}`).toEqual(reference);
        compared++;
      }
    expect(compared).toBe(ranges.length * nows.length);
    // The scenario is not trivial: every figure is exercised somewhere.
    const whole = await both(ranges[0]!, new Date(nows[1]!));
    expect(whole.reference.counts.total).toBeGreaterThan(200);
    expect(whole.reference.counts.late).toBeGreaterThan(0);
    expect(whole.reference.counts.serious).toBeGreaterThan(0);
    expect(whole.reference.counts.rejected).toBeGreaterThan(0);
    expect(whole.reference.close.count).toBeGreaterThan(20);
    // More breaches than the list holds: the list is the first ones by deadline, read source by source.
    expect(whole.reference.breachCount).toBeGreaterThan(SLA_BREACH_LIST_LIMIT);
    expect(whole.reference.slaOverall.every((l) => l.met > 0 && l.breached > 0)).toBe(true);
  }, 120_000);

  it('answers GET /api/stats from the aggregates with the recomputed figures', async () => {
    const range = { from: isoOf(START + 3 * DAY + 7 * HOUR), to: isoOf(START + 90 * DAY + 3 * HOUR) };
    hub.clock.set(new Date(START + SPAN + 60 * DAY));
    const leader = await signIn(hub, 'leader');
    const res = await hub.http().get('/api/stats').query(range).set('Authorization', `Bearer ${leader}`);
    expect(res.status).toBe(200);
    const { reference } = await both(range, hub.clock.now());
    expect(res.body.total).toBe(reference.counts.total);
    expect(res.body.byAgencyType).toEqual(reference.counts.byAgencyType);
    expect(res.body.acknowledge).toEqual(reference.acknowledge);
    expect(res.body.sla.overall).toEqual(reference.slaOverall);
    expect(res.body.sla.breaches.map((b: { id: string; step: string }) => `${b.id}:${b.step}`)).toEqual(
      reference.breaches.map((b) => `${b.incidentId}:${b.outcome.step}`),
    );
    expect(res.body.sla.breachesTruncated).toBe(reference.breachCount > reference.breaches.length);
  });

  it('builds for an existing store, in SQL, the same aggregates as the writes kept', () => {
    const file = path.join(hub.dataDir, 'cert-hub.sqlite');
    const copy = path.join(hub.dataDir, 'migrated.sqlite');
    const source = new Database(file, { readonly: true });
    source.exec(`VACUUM INTO '${copy}'`);
    const dump = (db: Database.Database) =>
      Object.fromEntries(AGGREGATE_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).all()]));
    const kept = dump(source);
    source.close();
    const old = new Database(copy);
    for (const t of AGGREGATE_TABLES) old.exec(`DROP TABLE ${t}`);
    // The store as it was before the aggregates' migration (later migrations run after it too).
    const position = MIGRATIONS.indexOf(STATS_AGGREGATES_MIGRATION);
    expect(position).toBeGreaterThan(0);
    old.pragma(`user_version = ${position}`);
    old.close();
    const migrated = openSqliteDatabase(copy);
    try {
      expect(migrated.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const built = dump(migrated);
      expect((kept.incident_stats_durations as unknown[]).length).toBeGreaterThan(100);
      expect((kept.incident_stats_pending as unknown[]).length).toBeGreaterThan(10);
      for (const t of AGGREGATE_TABLES) expect(built[t], t).toEqual(kept[t]);
    } finally {
      migrated.close();
      fs.rmSync(copy, { force: true });
    }
  });
});
