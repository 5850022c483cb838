/**
 * A year of fictional incidents for the demo province, filed and worked through the real
 * incident service on a settable clock, so each one has a realistic status history: a
 * responder acknowledges it within hours, classifies it, contains it, recovers and closes it
 * with a closing report (some are rejected, some are still open at the end). A few are marked
 * as drill injects, which real statistics must never count. Deterministic for a given seed.
 *
 * Returns the plan it carried out, so a test can compute the expected figures from it without
 * going through the statistics code.
 */
import { createIncidentInput, INCIDENT_CATEGORY_CODES, SEVERITIES, type IncidentCategory, type Severity } from '@cert-hub/shared';
import type { Services } from '../app.js';
import { actorOf } from '../auth/actor.js';
import type { FakeClock } from '../platform/clock.js';
import type { Store } from '../store/port.js';

export interface PlannedIncident {
  id: string;
  agencyId: string;
  category: IncidentCategory;
  severity: Severity;
  reportedAt: string;
  detectedAt: string;
  late: boolean;
  drill: boolean;
  /** When each move happened; absent moves did not happen. */
  acknowledgedAt: string | null;
  containedAt: string | null;
  closedAt: string | null;
  finalStatus: string;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** mulberry32: a small deterministic generator, so the demo year is the same every time. */
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

export interface YearOptions {
  year: number;
  count: number;
  seed?: number;
  /** Share of incidents marked as drill injects (never counted). */
  drillShare?: number;
  /** Nothing is filed or moved after this instant (e.g. now, for the current year). */
  until?: Date;
}

export async function generateYearOfIncidents(
  services: Services,
  store: Store,
  clock: FakeClock,
  options: YearOptions,
): Promise<PlannedIncident[]> {
  const rnd = random(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const responderUser = await store.users.getByUsername('responder');
  if (!responderUser) throw new Error('Load the demo province first (npm run seed:demo)');
  const responder = actorOf(responderUser, null);
  const agencies = (await store.agencies.list({ limit: 200 })).items;
  // Some agencies report much more than others, as in real life.
  const weighted = agencies.flatMap((a, i) => Array.from({ length: 1 + (i % 4) }, () => a));
  const start = Date.UTC(options.year, 0, 1) - 7 * HOUR;
  // The last weeks of the year (or before `until`) are left for work still open.
  const end = Math.min(Date.UTC(options.year + 1, 0, 1) - 7 * HOUR, options.until?.getTime() ?? Infinity) - 40 * 24 * HOUR;
  const times = Array.from({ length: options.count }, () => start + Math.floor(rnd() * (end - start))).sort((a, b) => a - b);
  const plan: PlannedIncident[] = [];

  for (const [n, reportedMs] of times.entries()) {
    const agency = pick(weighted);
    const category = pick(INCIDENT_CATEGORY_CODES);
    const severity = pick(SEVERITIES);
    const late = rnd() < 0.12;
    const detectedMs = reportedMs - (late ? (6 + Math.floor(rnd() * 10)) * 24 * HOUR : Math.floor(rnd() * 48) * HOUR);
    clock.set(new Date(reportedMs));
    const { incident } = await services.incidents.create(
      responder,
      createIncidentInput.parse({
        agencyId: agency.id,
        title: `Sự cố ${category} tại ${agency.shortName ?? agency.name} (${n + 1})`,
        category,
        description: 'Sự cố giả lập cho số liệu trình diễn của năm.',
        detectedAt: new Date(detectedMs).toISOString(),
        systemLevel: 1 + Math.floor(rnd() * 5),
        sector: pick(['health', 'finance', 'energy', 'government_administration', null]),
        impacts: rnd() < 0.1 ? ['service_interruption'] : [],
        contact: { name: 'Cán bộ trực', phone: '0263 3999 000' },
      }),
      null,
    );
    const entry: PlannedIncident = {
      id: incident.id,
      agencyId: agency.id,
      category,
      severity,
      reportedAt: incident.reportedAt,
      detectedAt: incident.detectedAt,
      late: incident.lateReport,
      drill: false,
      acknowledgedAt: null,
      containedAt: null,
      closedAt: null,
      finalStatus: 'received',
    };
    plan.push(entry);

    let version = incident.version;
    let at = reportedMs;
    const move = async (afterMs: number, input: Record<string, unknown>) => {
      at += afterMs;
      clock.set(new Date(at));
      const moved = await services.incidents.transition(responder, incident.id, { version, ...input } as never);
      version = moved.version;
      entry.finalStatus = moved.status;
      return new Date(at).toISOString();
    };
    const stopsAt = rnd();
    if (stopsAt < 0.04) continue; // still waiting in the queue
    entry.acknowledgedAt = await move(5 * MINUTE + Math.floor(rnd() * 4 * HOUR), { to: 'triage' });
    if (stopsAt < 0.1) {
      await move(Math.floor(rnd() * 2 * HOUR) + MINUTE, { to: 'rejected', reason: 'Không phải sự cố (cảnh báo nhầm)' });
      continue;
    }
    await move(HOUR + Math.floor(rnd() * 24 * HOUR), { to: 'initial_response', severity, category });
    if (stopsAt < 0.14) continue;
    await move(HOUR + Math.floor(rnd() * 12 * HOUR), { to: 'containment' });
    if (stopsAt < 0.18) continue;
    entry.containedAt = await move(HOUR + Math.floor(rnd() * 48 * HOUR), { to: 'recovery' });
    if (stopsAt < 0.22) continue;
    entry.closedAt = await move(HOUR + Math.floor(rnd() * 72 * HOUR), {
      to: 'closed',
      closingReport: {
        rootCause: 'Lỗ hổng chưa được vá kịp thời',
        actionsTaken: 'Cô lập máy chủ, vá lỗ hổng, khôi phục dữ liệu',
        damage: 'Gián đoạn dịch vụ trong thời gian ngắn',
        recoveryTime: 'Trong ngày',
        recommendations: 'Rà soát, cập nhật bản vá định kỳ',
      },
    });
  }

  // Drill injects: no drills capability here yet, so a share of incidents is marked as injects
  // directly in the store, as the drills feature does when it files them.
  const drills = plan.filter(() => rnd() < (options.drillShare ?? 0.05));
  for (const entry of drills) {
    const current = (await store.incidents.get(entry.id))!;
    await store.incidents.update(
      { ...current, drill: { drillId: 'demo-drill', injectId: null }, version: current.version + 1 },
      current.version,
    );
    entry.drill = true;
  }
  return plan;
}
