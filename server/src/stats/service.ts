/**
 * The leaders' statistics over real incidents (drills never count). Counts, response times
 * (milestones by the one definition, `milestonesOf`, measured from when the report reached the
 * hub) and SLA compliance come from the store's aggregates, kept with every incident write
 * (aggregated.ts), or are recomputed from every incident of the range (periodFigures.ts).
 */
import { type SlaBreachLine, type SlaCompliance, type StatsPeriod, type StatsQuery, type StatsView } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentCounts, StatsRange, Store } from '../store/port.js';
import { aggregatedFigures, aggregatesOf } from './aggregated.js';
import { recomputedFigures, type PeriodFigures } from './periodFigures.js';
import { statsPolicy } from './policy.js';

export const SERIOUS_LIST_LIMIT = 100;

export class StatsService {
  constructor(private readonly deps: ServiceDeps) {}

  async view(actor: Actor, query: StatsQuery): Promise<StatsView> {
    if (!statsPolicy.read(actor)) throw forbidden();
    const range = { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString() };
    const current = await this.period(range);
    const length = Date.parse(range.to) - Date.parse(range.from);
    const previousTo = new Date(Date.parse(range.from) - 1);
    const previousRange = { from: new Date(previousTo.getTime() - length).toISOString(), to: previousTo.toISOString() };
    // Only totals are compared with the previous period: its breaches are not listed.
    const previousFigures = await this.figures(previousRange, { listBreaches: false });
    const serious = await this.deps.store.incidents.list({
      serious: true,
      drill: false,
      from: range.from,
      to: range.to,
      limit: SERIOUS_LIST_LIMIT,
    });
    const names = await this.agencyNames(serious.items.map((i) => i.agencyId));
    return {
      ...current,
      seriousIncidents: serious.items.map((i) => ({
        id: i.id,
        code: i.code,
        title: i.title,
        agencyId: i.agencyId,
        agencyName: names.get(i.agencyId) ?? '',
        status: i.status,
        reportedAt: i.reportedAt,
      })),
      previous: {
        from: previousRange.from,
        to: previousRange.to,
        total: previousFigures.counts.total,
        open: previousFigures.counts.open,
        closed: previousFigures.counts.closed,
        late: previousFigures.counts.late,
        serious: previousFigures.counts.serious,
        meanTimeToAcknowledgeSeconds: previousFigures.acknowledge.meanSeconds,
      },
    };
  }

  /** The figures of one period, without access checks (used by the annual report too). */
  async period(range: StatsRange): Promise<StatsPeriod> {
    const figures = await this.figures(range);
    const { counts } = figures;
    const names = await this.agencyNames(counts.byAgency.map((b) => b.key));
    const ack = figures.acknowledge;
    return {
      from: range.from,
      to: range.to,
      total: counts.total,
      open: counts.open,
      closed: counts.closed,
      rejected: counts.rejected,
      late: counts.late,
      serious: counts.serious,
      byMonth: counts.byMonth,
      byCategory: counts.byCategory,
      bySeverity: counts.bySeverity,
      byAgency: counts.byAgency.map((b) => ({ ...b, name: names.get(b.key) ?? b.key })),
      byAgencyType: counts.byAgencyType,
      bySector: counts.bySector,
      bySystemLevel: counts.bySystemLevel,
      meanTimeToAcknowledgeSeconds: ack.meanSeconds,
      acknowledge: ack,
      contain: figures.contain,
      close: figures.close,
      lateShareByAgency: counts.lateByAgency.map((l) => ({
        agencyId: l.agencyId,
        agencyName: names.get(l.agencyId) ?? l.agencyId,
        total: l.total,
        late: l.late,
        share: l.total === 0 ? 0 : l.late / l.total,
      })),
      sla: await this.slaCompliance(figures),
    };
  }

  /** The period's counts alone (for the compliance checks), read the same way as `figures`. */
  async counts(range: StatsRange): Promise<IncidentCounts> {
    return (await this.figures(range, { listBreaches: false })).counts;
  }

  /**
   * Counts, response times and SLA tallies: from the store's aggregates when its adapter keeps
   * them (SQLite: O(days) reads), else recomputed from every incident of the range (MongoDB).
   */
  async figures(range: StatsRange, options = { listBreaches: true }): Promise<PeriodFigures> {
    const policies = new Map((await this.deps.store.slaPolicies.list()).map((p) => [p.scope, p] as const));
    const now = this.deps.clock.now();
    const aggregates = aggregatesOf(this.deps.store.stats);
    if (!aggregates) return recomputedFigures(this.deps.store, range, policies, now);
    return aggregatedFigures(aggregates, (ids) => this.agencyTypes(ids), range, policies, now, options);
  }

  private async slaCompliance(figures: PeriodFigures): Promise<SlaCompliance> {
    const listed = figures.breaches;
    const lines: SlaBreachLine[] = [];
    const incidents = new Map<string, Awaited<ReturnType<Store['incidents']['get']>>>();
    for (const b of listed) {
      if (!incidents.has(b.incidentId)) incidents.set(b.incidentId, await this.deps.store.incidents.get(b.incidentId));
    }
    const names = await this.agencyNames([...incidents.values()].flatMap((i) => (i ? [i.agencyId] : [])));
    for (const b of listed) {
      const incident = incidents.get(b.incidentId);
      if (!incident) continue;
      lines.push({
        id: incident.id,
        code: incident.code,
        title: incident.title,
        agencyId: incident.agencyId,
        agencyName: names.get(incident.agencyId) ?? '',
        severity: b.severity,
        step: b.outcome.step,
        deadline: b.outcome.deadline,
        reachedAt: b.outcome.reachedAt,
      });
    }
    return {
      overall: figures.slaOverall.lines(),
      bySeverity: [...figures.slaBySeverity.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([severity, tally]) => tally.lines().map((line) => ({ ...line, severity }))),
      breaches: lines,
      breachesTruncated: figures.breachCount > listed.length,
    };
  }

  private async agencyTypes(ids: string[]): Promise<Map<string, string>> {
    const types = new Map<string, string>();
    for (const id of new Set(ids)) {
      const agency = await this.deps.store.agencies.get(id);
      if (agency) types.set(id, agency.type);
    }
    return types;
  }

  private async agencyNames(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      const agency = await this.deps.store.agencies.get(id);
      if (agency) names.set(id, agency.name);
    }
    return names;
  }
}
