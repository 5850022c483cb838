/**
 * The dashboard's figures against a year of generated incidents: the expected numbers are
 * computed here from the generator's own plan (what it filed and when it moved each
 * incident), not from the statistics code. Drill injects must never count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsView } from '@cert-hub/shared';
import { generateYearOfIncidents, type PlannedIncident } from '../demo/yearOfIncidents.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';
import { percentile90 } from './figures.js';

let hub: TestHub;
let plan: PlannedIncident[];
let leader: string;
let focal: string;

const YEAR_FROM = '2026-01-01T00:00:00+07:00';
const YEAR_TO = '2026-12-31T23:59:59.999+07:00';

beforeAll(async () => {
  hub = await createSeededHub();
  plan = await generateYearOfIncidents(hub.services, hub.store, hub.clock, { year: 2026, count: 140, seed: 7, drillShare: 0.1 });
  hub.clock.set('2026-12-20T03:00:00Z');
  leader = await signIn(hub, 'leader');
  focal = await signIn(hub, 'focal.a');
}, 120_000);
afterAll(async () => hub?.close());

const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return Object.fromEntries(counts);
};
const asObject = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));
const vnMonth = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 7);
const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

describe('GET /api/stats', () => {
  it('matches counts by category, agency and month and the mean time to acknowledge computed from the same incidents', async () => {
    const real = plan.filter((p) => !p.drill);
    expect(plan.some((p) => p.drill)).toBe(true);
    const res = await hub.http().get('/api/stats').query({ from: YEAR_FROM, to: YEAR_TO }).set('Authorization', `Bearer ${leader}`);
    expect(res.status).toBe(200);
    const stats = res.body as StatsView;

    expect(stats.total).toBe(real.length);
    expect(asObject(stats.byCategory)).toEqual(tally(real.map((p) => p.category)));
    expect(Object.fromEntries(stats.byAgency.map((b) => [b.key, b.count]))).toEqual(tally(real.map((p) => p.agencyId)));
    expect(asObject(stats.byMonth)).toEqual(tally(real.map((p) => vnMonth(p.reportedAt))));
    expect(stats.late).toBe(real.filter((p) => p.late).length);
    expect(stats.closed).toBe(real.filter((p) => p.finalStatus === 'closed').length);
    expect(stats.rejected).toBe(real.filter((p) => p.finalStatus === 'rejected').length);
    expect(stats.open).toBe(real.length - stats.closed - stats.rejected);

    const ack = real.filter((p) => p.acknowledgedAt).map((p) => seconds(p.reportedAt, p.acknowledgedAt!));
    expect(stats.meanTimeToAcknowledgeSeconds).toBe(Math.round(ack.reduce((s, v) => s + v, 0) / ack.length));
    expect(stats.acknowledge.count).toBe(ack.length);
    expect(stats.acknowledge.p90Seconds).toBe(percentile90(ack));
    const contain = real.filter((p) => p.containedAt).map((p) => seconds(p.reportedAt, p.containedAt!));
    expect(stats.contain.meanSeconds).toBe(Math.round(contain.reduce((s, v) => s + v, 0) / contain.length));
    const close = real.filter((p) => p.closedAt).map((p) => seconds(p.reportedAt, p.closedAt!));
    expect(stats.close.count).toBe(close.length);

    const lateShare = stats.lateShareByAgency.find((l) => l.late > 0)!;
    const ofAgency = real.filter((p) => p.agencyId === lateShare.agencyId);
    expect(lateShare.total).toBe(ofAgency.length);
    expect(lateShare.late).toBe(ofAgency.filter((p) => p.late).length);
    // The year before had nothing: the comparison says so.
    expect(stats.previous.total).toBe(0);
  });

  it('never counts drill incidents, even when asked for one drill incident’s month only', async () => {
    const drill = plan.find((p) => p.drill)!;
    const month = vnMonth(drill.reportedAt);
    const from = `${month}-01T00:00:00+07:00`;
    const to = new Date(Date.parse(from) + 27 * 86_400_000).toISOString();
    const res = await hub.http().get('/api/stats').query({ from, to }).set('Authorization', `Bearer ${leader}`);
    const expected = plan.filter((p) => !p.drill && p.reportedAt >= new Date(from).toISOString() && p.reportedAt <= to);
    expect(res.body.total).toBe(expected.length);
  });

  it('is for leaders, coordinators and administrators; bad ranges are 400', async () => {
    const forbidden = await hub.http().get('/api/stats').query({ from: YEAR_FROM, to: YEAR_TO }).set('Authorization', `Bearer ${focal}`);
    expect(forbidden.status).toBe(403);
    const backwards = await hub.http().get('/api/stats').query({ from: YEAR_TO, to: YEAR_FROM }).set('Authorization', `Bearer ${leader}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('validation_failed');
  });
});
