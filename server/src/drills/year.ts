/**
 * The leaders' year view of drills (R4): drills planned and held, which agencies took part
 * (critical sectors first among those that did not), attendance, timings per team, lessons,
 * and the last five years side by side.
 */
import { drillWasHeld, MILESTONES, type DrillYearView } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { DrillRecord } from '../store/port.js';
import { metricsOf } from './evaluation.js';
import { objectiveScores, type DrillMetrics, type MilestoneSeconds } from './metrics.js';
import { drillPolicy as can } from './policy.js';

export interface YearSummary {
  year: number;
  drillsHeld: number;
  participatingAgencies: number;
  nonParticipatingAgencies: number;
  attendees: number;
  averageSeconds: MilestoneSeconds;
  lessonsOpen: number;
  lessonsDone: number;
}

/** Every agency not merged into another, read page by page. */
export async function liveAgencies(deps: ServiceDeps) {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.agencies.list({ limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.filter((a) => !a.mergedIntoId);
}

export class DrillYear {
  constructor(private readonly deps: ServiceDeps) {}

  /** Agencies that took part in a drill held in `year` (R4): hub drills once started, and external ones. */
  async participatingAgencyIds(year: number): Promise<string[]> {
    return participatingOf(await this.deps.store.drills.listByYear(year));
  }

  async year(actor: Actor, year: number): Promise<DrillYearView> {
    if (!can.read(actor)) throw forbidden();
    // Planned drills are listed too (the plan for the year); only held ones count for R4.
    const drills = await this.deps.store.drills.listByYear(year);
    const held = drills.filter((d) => drillWasHeld(d.status));
    const agencies = await liveAgencies(this.deps);
    const critical = await this.criticalAgencyIds();
    const participating = new Set(participatingOf(held));
    const non = agencies
      .filter((a) => !participating.has(a.id))
      .map((a) => ({ id: a.id, name: a.name, type: a.type, critical: critical.has(a.id) }))
      .sort((a, b) => Number(b.critical) - Number(a.critical) || a.name.localeCompare(b.name, 'vi'));
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const perDrill = [];
    for (const d of drills) {
      const metrics = d.source === 'hub' ? await metricsOf(this.deps, d) : null;
      perDrill.push({ drill: d, metrics });
    }
    const teamRows = perDrill.flatMap((p) => p.metrics?.rows ?? []);
    const teams = await this.deps.store.teams.list({ limit: 200 });
    const teamNames = new Map(teams.items.map((t) => [t.id, t.name]));
    const byTeam = [...new Set(teamRows.map((r) => r.teamId))].map((teamId) => ({
      teamId,
      teamName: teamNames.get(teamId) ?? teamId,
      injects: teamRows.filter((r) => r.teamId === teamId).length,
      averageSeconds: averageOf(teamRows.filter((r) => r.teamId === teamId).map((r) => r.seconds)),
    }));
    const lessons = held.flatMap((d) => d.lessons.map((l) => ({ ...l, drillId: d.id, drillName: d.name })));
    const previousYears: YearSummary[] = [];
    for (let y = year - 4; y <= year; y++)
      previousYears.push(y === year ? this.summaryOf(year, held, agencies.length, perDrill) : await this.summary(y, agencies.length));
    return {
      year,
      drills: perDrill.map(({ drill, metrics }) => ({
        id: drill.id,
        name: drill.name,
        source: drill.source,
        type: drill.type,
        status: drill.status,
        date: drill.startedAt ?? drill.heldOn ?? drill.scheduledStart,
        organizer: drill.organizer,
        participatingAgencyIds: participatingOf([drill]),
        attendees: drill.participants.filter((p) => p.attended).length,
        leadersAttended: drill.participants.filter((p) => p.attended && p.role === 'leader').length,
        averageSeconds: metrics?.averageSeconds ?? null,
        objectives: objectiveScores(drill),
        externalResults: drill.externalResults.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? r.agencyId })),
        lessonsOpen: drill.lessons.filter((l) => l.status === 'open').length,
        lessonsDone: drill.lessons.filter((l) => l.status === 'done').length,
      })),
      participatingAgencyIds: [...participating].filter((id) => names.has(id)),
      nonParticipatingAgencyIds: non.map((a) => a.id),
      participatingAgencies: [...participating]
        .filter((id) => names.has(id))
        .map((id) => ({ id, name: names.get(id)!, critical: critical.has(id) })),
      nonParticipatingAgencies: non,
      attendees: held.flatMap((d) =>
        d.participants
          .filter((p) => p.attended)
          .map((p) => ({
            drillId: d.id,
            name: p.name,
            position: p.position,
            role: p.role,
            agencyName: p.agencyId ? (names.get(p.agencyId) ?? null) : null,
            teamName: p.teamId ? (teamNames.get(p.teamId) ?? null) : null,
          })),
      ),
      averageSeconds: averageOf(teamRows.map((r) => r.seconds)),
      teams: byTeam,
      lessons: {
        open: lessons.filter((l) => l.status === 'open').length,
        done: lessons.filter((l) => l.status === 'done').length,
        items: lessons,
      },
      previousYears,
    };
  }

  private async summary(year: number, agencyCount: number): Promise<YearSummary> {
    const held = (await this.deps.store.drills.listByYear(year)).filter((d) => drillWasHeld(d.status));
    const perDrill = [];
    for (const d of held) perDrill.push({ drill: d, metrics: d.source === 'hub' ? await metricsOf(this.deps, d) : null });
    return this.summaryOf(year, held, agencyCount, perDrill);
  }

  private summaryOf(year: number, held: DrillRecord[], agencyCount: number, perDrill: { metrics: DrillMetrics | null }[]): YearSummary {
    const participating = participatingOf(held).length;
    const lessons = held.flatMap((d) => d.lessons);
    return {
      year,
      drillsHeld: held.length,
      participatingAgencies: participating,
      nonParticipatingAgencies: Math.max(0, agencyCount - participating),
      attendees: held.reduce((n, d) => n + d.participants.filter((p) => p.attended).length, 0),
      averageSeconds: averageOf(perDrill.flatMap((p) => p.metrics?.rows.map((r) => r.seconds) ?? [])),
      lessonsOpen: lessons.filter((l) => l.status === 'open').length,
      lessonsDone: lessons.filter((l) => l.status === 'done').length,
    };
  }

  /** Agencies owning a system in a critical sector (Decision 632/QĐ-TTg) or a national-critical one: drilled first (R4). */
  private async criticalAgencyIds(): Promise<Set<string>> {
    const criticalSectors = new Set((await this.deps.store.sectors.list()).filter((s) => s.critical).map((s) => s.code));
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.systems.list({ limit: 200, cursor });
      for (const s of page.items) if (s.nationalCritical || (s.sectorCode && criticalSectors.has(s.sectorCode))) ids.add(s.agencyId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }
}

function participatingOf(drills: readonly DrillRecord[]): string[] {
  const ids = new Set<string>();
  for (const d of drills) {
    if (!drillWasHeld(d.status)) continue;
    for (const id of d.participatingAgencyIds) ids.add(id);
    for (const r of d.externalResults) ids.add(r.agencyId);
    for (const p of d.participants) if (p.attended && p.agencyId) ids.add(p.agencyId);
  }
  return [...ids];
}

function averageOf(rows: MilestoneSeconds[]): MilestoneSeconds {
  const result = {} as MilestoneSeconds;
  for (const m of MILESTONES) {
    const known = rows.map((r) => r[m]).filter((v): v is number => v !== null);
    result[m] = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
  }
  return result;
}
