/**
 * Official documents and spreadsheets, with the same access rules as the data behind them:
 * an incident's documents for whoever may read the incident, the annual report and the
 * dashboard's tables for leaders, coordinators and administrators.
 */
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import { REPORT_SECTIONS, type exportIncidentsQuery, type StatsQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, unprocessable } from '../platform/errors.js';
import type { IncidentService } from '../incidents/service.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { ComplianceService } from '../compliance/service.js';
import { yearRange } from '../compliance/service.js';
import type { ReportService } from '../reports/service.js';
import type { StatsService } from '../stats/service.js';
import { statsPolicy } from '../stats/policy.js';
import type { IncidentRecord } from '../store/port.js';
import { annualReportDocx, closingReportDocx, initialReportDocx, type Issuer } from './documents.js';
import { statsXlsx, streamIncidentsXlsx } from './spreadsheets.js';

const EXPORT_PAGE = 200;

/** dd/MM/yyyy in Viet Nam time, or an empty cell when the date is not known. */
const vietnamDate = (iso: string | null): string =>
  iso
    ? new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
        new Date(iso),
      )
    : '';

export class ExportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly incidents: IncidentService,
    private readonly stats: StatsService,
    private readonly compliance: ComplianceService,
    private readonly reports: ReportService,
  ) {}

  private async issuer(province?: string): Promise<Issuer> {
    const [standingTeam] = await this.deps.store.teams.listStanding();
    const anyAgency = province ? null : (await this.deps.store.agencies.list({ limit: 1 })).items[0];
    return { province: province ?? anyAgency?.province ?? 'Tỉnh', standingTeam: standingTeam ?? null };
  }

  private async incidentAndAgency(actor: Actor, id: string) {
    const incident = await this.incidents.get(actor, id);
    const agency = await this.deps.store.agencies.get(incident.agencyId);
    if (!agency) throw unprocessable('The incident’s agency no longer exists');
    return { incident, agency };
  }

  async initialReport(actor: Actor, id: string): Promise<{ incident: IncidentRecord; bytes: Buffer }> {
    const { incident, agency } = await this.incidentAndAgency(actor, id);
    return { incident, bytes: await initialReportDocx(incident, agency, await this.issuer(agency.province), this.deps.clock.now()) };
  }

  async closingReport(actor: Actor, id: string): Promise<{ incident: IncidentRecord; bytes: Buffer }> {
    const { incident, agency } = await this.incidentAndAgency(actor, id);
    if (!incident.closingReport) throw unprocessable('This incident has no closing report yet');
    return { incident, bytes: await closingReportDocx(incident, agency, await this.issuer(agency.province), this.deps.clock.now()) };
  }

  async annualReport(actor: Actor, year: number): Promise<Buffer> {
    if (!statsPolicy.read(actor)) throw forbidden();
    const range = yearRange(year);
    const stats = await this.stats.period(range);
    const serious = await this.deps.store.incidents.list({ serious: true, drill: false, ...range, limit: 200 });
    const names = new Map<string, string>();
    for (const i of serious.items) names.set(i.agencyId, (await this.deps.store.agencies.get(i.agencyId))?.name ?? i.agencyId);
    // The agencies' answers of this year's rounds are the draft's results, difficulties and recommendations.
    const answers: Record<(typeof REPORT_SECTIONS)[number], string[]> = { results: [], difficulties: [], recommendations: [] };
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.reportRounds.list({ year, limit: 100, cursor });
      for (const round of page.items) {
        const consolidated = await this.reports.consolidateRound(round);
        for (const section of REPORT_SECTIONS)
          answers[section].push(...consolidated.sections[section].filter((a) => a.text).map((a) => `${a.agencyName}: ${a.text}`));
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return annualReportDocx(
      {
        year,
        stats,
        serious: serious.items.map((i) => ({ code: i.code, title: i.title, agencyName: names.get(i.agencyId) ?? '', status: i.status })),
        compliance: await this.compliance.evaluate(year),
        drills: (await this.deps.store.drills.listByYear(year)).map((d) => ({
          name: d.name,
          date: vietnamDate(d.heldOn ?? d.startedAt ?? d.scheduledStart),
          participants: new Set([...d.participatingAgencyIds, ...d.externalResults.map((r) => r.agencyId)]).size,
        })),
        ...answers,
      },
      await this.issuer(),
      this.deps.clock.now(),
    );
  }

  async statsSpreadsheet(actor: Actor, query: StatsQuery): Promise<Buffer> {
    return statsXlsx(await this.stats.view(actor, query));
  }

  /** The incident list the caller may see, with the list's filters, streamed into `out`. */
  async streamIncidents(actor: Actor, query: z.infer<typeof exportIncidentsQuery>, out: Writable): Promise<number> {
    const incidents = this.incidents;
    async function* pages() {
      let cursor: string | undefined;
      do {
        const page = await incidents.list(actor, { ...query, limit: EXPORT_PAGE, cursor });
        yield page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    const names = new Map<string, string>();
    const agencyName = async (id: string) => {
      if (!names.has(id)) names.set(id, (await this.deps.store.agencies.get(id))?.name ?? id);
      return names.get(id)!;
    };
    return streamIncidentsXlsx(out, pages(), agencyName);
  }
}
