/**
 * The incident list's total for a viewer: the same scope as `IncidentService.list` (an agency
 * sees its own incidents, a responder its teams'), then one count over the list's indexes.
 */
import { OPEN_STATUSES, type CountIncidentsQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import { incidentPolicy as can } from './policy.js';

export class IncidentCountService {
  constructor(private readonly deps: Pick<ServiceDeps, 'store' | 'clock'>) {}

  async count(actor: Actor, query: CountIncidentsQuery): Promise<number> {
    const scope = can.scope(actor);
    if (scope.kind === 'none') return 0;
    const agencyIds =
      scope.kind === 'agencies'
        ? scope.agencyIds.filter((a) => !query.agencyId || a === query.agencyId)
        : query.agencyId
          ? [query.agencyId]
          : undefined;
    const teamIds =
      scope.kind === 'teams' ? scope.teamIds.filter((t) => !query.teamId || t === query.teamId) : query.teamId ? [query.teamId] : undefined;
    const { agencyId: _a, teamId: _t, open, overdue, ...rest } = query;
    return this.deps.store.incidentCounts.count({
      ...rest,
      agencyIds,
      teamIds,
      ...(open ? { statuses: OPEN_STATUSES } : {}),
      ...(overdue ? { overdueAt: this.deps.clock.now().toISOString() } : {}),
    });
  }
}
