/**
 * SLA compliance on the dashboard, on a fake clock: incidents made here, each moved at chosen
 * times under two policies set here; the expected shares and the list of breaches are
 * computed in this file from those times and limits alone (not by the SLA or stats code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidentInput, type Severity, type SlaMeasuredStep, type StatsView } from '@cert-hub/shared';
import { actorOf, type Actor } from '../auth/actor.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** The limits the policies below set, in milliseconds, by scope. */
const LIMITS = {
  default: { acknowledged: HOUR, contained: 24 * HOUR },
  high: { acknowledged: 15 * MIN, contained: 12 * HOUR },
} as const;

interface Scenario {
  name: string;
  /** Hours after the period start the incident is reported. */
  reportedAfterHours: number;
  severity: Severity | null;
  /** Minutes after the report each move happens. */
  ackAfter?: number;
  containAfter?: number;
  reject?: boolean;
  drill?: boolean;
}

const START = Date.parse('2026-03-01T01:00:00Z');
const NOW = Date.parse('2026-03-20T01:00:00Z');
const SCENARIOS: Scenario[] = [
  { name: 'on time', reportedAfterHours: 1, severity: 'medium', ackAfter: 30, containAfter: 20 * 60 },
  { name: 'late on both', reportedAfterHours: 2, severity: 'low', ackAfter: 120, containAfter: 30 * 60 },
  { name: 'high, contained late', reportedAfterHours: 3, severity: 'high', ackAfter: 10, containAfter: 13 * 60 },
  { name: 'high, acknowledged late, never contained', reportedAfterHours: 4, severity: 'high', ackAfter: 20 },
  { name: 'never acknowledged', reportedAfterHours: 5, severity: null },
  { name: 'rejected', reportedAfterHours: 6, severity: null, ackAfter: 5, reject: true },
  { name: 'a drill inject, late', reportedAfterHours: 7, severity: 'high', ackAfter: 300, drill: true },
  // Reported ten minutes before "now": its deadlines are still ahead, nothing is measured yet.
  { name: 'just in', reportedAfterHours: (NOW - START) / HOUR - 1 / 6, severity: null },
];

let hub: TestHub;
let leader: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set(new Date(START - HOUR));
  const coordinator = await signIn(hub, 'coordinator');
  for (const [scope, limits] of [
    ['default', { acknowledge: 'PT1H', contain: 'P1D' }],
    ['high', { acknowledge: 'PT15M', contain: 'PT12H' }],
  ] as const) {
    const res = await hub
      .http()
      .post('/api/sla/policies')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({ scope, ...limits, leaveTriage: null, escalationDelay: 'PT30M' });
    expect(res.status).toBe(200);
  }
  const responder: Actor = actorOf((await hub.store.users.getByUsername('responder'))!, null);
  const agencyId = (await hub.store.agencies.list({ limit: 1 })).items[0]!.id;
  for (const s of SCENARIOS) {
    const reportedAt = START + s.reportedAfterHours * HOUR;
    hub.clock.set(new Date(reportedAt));
    const { incident } = await hub.services.incidents.create(
      responder,
      createIncidentInput.parse({
        agencyId,
        title: `SLA: ${s.name}`,
        category: 'malware',
        description: 'Sự cố để đo mức tuân thủ SLA.',
        detectedAt: new Date(reportedAt - HOUR).toISOString(),
        systemLevel: 1,
        impacts: [],
      }),
      null,
    );
    ids.set(s.name, incident.id);
    let version = incident.version;
    const move = async (afterMinutes: number, input: Record<string, unknown>) => {
      hub.clock.set(new Date(reportedAt + afterMinutes * MIN));
      version = (await hub.services.incidents.transition(responder, incident.id, { version, ...input } as never)).version;
    };
    if (s.ackAfter === undefined) continue;
    await move(s.ackAfter, { to: 'triage' });
    if (s.reject) {
      await move(s.ackAfter + 1, { to: 'rejected', reason: 'Cảnh báo nhầm' });
      continue;
    }
    await move(s.ackAfter + 1, { to: 'initial_response', ...(s.severity ? { severity: s.severity } : {}), category: 'malware' });
    await move(s.ackAfter + 2, { to: 'containment' });
    if (s.containAfter !== undefined) await move(s.containAfter, { to: 'recovery' });
  }
  for (const s of SCENARIOS.filter((x) => x.drill)) {
    const current = (await hub.store.incidents.get(ids.get(s.name)!))!;
    await hub.store.incidents.update(
      { ...current, drill: { drillId: 'sla-drill', injectId: null }, version: current.version + 1 },
      current.version,
    );
  }
  hub.clock.set(new Date(NOW));
  leader = await signIn(hub, 'leader');
}, 60_000);
afterAll(async () => hub?.close());

/** What the test expects, from the scenarios' own times and the limits above. */
function expected() {
  const outcomes: { name: string; severity: string; step: SlaMeasuredStep; met: boolean; reached: boolean }[] = [];
  for (const s of SCENARIOS.filter((x) => !x.drill)) {
    const limits = s.severity === 'high' ? LIMITS.high : LIMITS.default;
    const reportedAt = START + s.reportedAfterHours * HOUR;
    const severity = s.severity ?? 'unknown';
    const judge = (step: SlaMeasuredStep, afterMinutes: number | undefined, limit: number, reachable: boolean) => {
      if (afterMinutes !== undefined) outcomes.push({ name: s.name, severity, step, met: afterMinutes * MIN <= limit, reached: true });
      else if (reachable && NOW > reportedAt + limit) outcomes.push({ name: s.name, severity, step, met: false, reached: false });
    };
    judge('acknowledged', s.ackAfter, limits.acknowledged, true);
    judge('contained', s.containAfter, limits.contained, !s.reject);
  }
  return outcomes;
}

const line = (outcomes: ReturnType<typeof expected>, step: SlaMeasuredStep) => {
  const of = outcomes.filter((o) => o.step === step);
  const met = of.filter((o) => o.met).length;
  return { step, measured: of.length, met, breached: of.length - met, share: of.length ? met / of.length : null };
};

describe('SLA compliance in GET /api/stats', () => {
  it('gives the share of incidents that met each deadline, overall and by severity, and lists the breaches', async () => {
    const res = await hub
      .http()
      .get('/api/stats')
      .query({ from: new Date(START).toISOString(), to: new Date(NOW).toISOString() })
      .set('Authorization', `Bearer ${leader}`);
    expect(res.status).toBe(200);
    const { sla } = res.body as StatsView;
    const outcomes = expected();

    expect(sla.overall).toEqual([
      line(outcomes, 'acknowledged'),
      { step: 'leftTriage', measured: 0, met: 0, breached: 0, share: null },
      line(outcomes, 'contained'),
    ]);
    // The figures are not trivially all-met or all-breached.
    expect(sla.overall[0]!.met).toBeGreaterThan(0);
    expect(sla.overall[0]!.breached).toBeGreaterThan(0);

    for (const severity of new Set(outcomes.map((o) => o.severity))) {
      const mine = outcomes.filter((o) => o.severity === severity);
      for (const step of ['acknowledged', 'contained'] as const)
        expect(sla.bySeverity.find((b) => b.severity === severity && b.step === step)).toEqual({ severity, ...line(mine, step) });
    }

    const breaches = outcomes.filter((o) => !o.met);
    expect(sla.breaches.map((b) => `${b.id}:${b.step}:${b.reachedAt === null}`).sort()).toEqual(
      breaches.map((o) => `${ids.get(o.name)}:${o.step}:${!o.reached}`).sort(),
    );
    const drillId = ids.get('a drill inject, late');
    expect(sla.breaches.some((b) => b.id === drillId)).toBe(false);
    expect(sla.breachesTruncated).toBe(false);
    const highLate = sla.breaches.find((b) => b.id === ids.get('high, contained late'))!;
    expect(highLate).toMatchObject({ step: 'contained', severity: 'high', code: expect.any(String), agencyName: expect.any(String) });
    expect(highLate.deadline).toBe(new Date(START + 3 * HOUR + LIMITS.high.contained).toISOString());
  });

  it('measures nothing when no SLA policy is set', async () => {
    const coordinator = await signIn(hub, 'coordinator');
    for (const scope of ['default', 'high'])
      expect((await hub.http().delete(`/api/sla/policies/${scope}`).set('Authorization', `Bearer ${coordinator}`)).status).toBe(204);
    const res = await hub
      .http()
      .get('/api/stats')
      .query({ from: new Date(START).toISOString(), to: new Date(NOW).toISOString() })
      .set('Authorization', `Bearer ${leader}`);
    expect((res.body as StatsView).sla.overall.every((l) => l.measured === 0 && l.share === null)).toBe(true);
    expect((res.body as StatsView).sla.breaches).toEqual([]);
  });
});
