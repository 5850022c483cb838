/** The compliance page: every check of COMPLIANCE_CHECKS for a year, as one list. */
import type { ComplianceLine } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { AssessmentService } from '../assessments/service.js';
import { forbidden } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import { statsPolicy } from '../stats/policy.js';
import type { AgencyRecord } from '../store/port.js';
import { COMPLIANCE_CHECKS, type ComplianceCheck } from './checks.js';

/** A calendar year in Viet Nam time (UTC+7) as an interval of instants. */
export function yearRange(year: number): { from: string; to: string } {
  return {
    from: new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000).toISOString(),
    to: new Date(Date.UTC(year + 1, 0, 1) - 7 * 3_600_000 - 1).toISOString(),
  };
}

export class ComplianceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly assessments: AssessmentService,
    private readonly checks: ComplianceCheck[] = COMPLIANCE_CHECKS,
  ) {}

  async forYear(actor: Actor, year: number): Promise<ComplianceLine[]> {
    if (!statsPolicy.read(actor)) throw forbidden();
    return this.evaluate(year);
  }

  async evaluate(year: number): Promise<ComplianceLine[]> {
    const range = yearRange(year);
    const now = this.deps.clock.now();
    const asOf = new Date(Math.min(now.getTime(), Date.parse(range.to)));
    const agencies: AgencyRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.agencies.list({ limit: 200, cursor });
      agencies.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ctx = { deps: this.deps, assessments: this.assessments, year, asOf, range, agencies };
    const lines: ComplianceLine[] = [];
    for (const check of this.checks) lines.push(...(await check(ctx)));
    return lines;
  }
}
