/**
 * Reading incidents as the caller may: one incident (404 when they may not see it), the
 * searchable list within their scope, and the event log's position for the board.
 */
import { OPEN_STATUSES } from '@cert-hub/shared';
import type { z } from 'zod';
import type { listIncidentsQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { IncidentRecord, PageResult } from '../store/port.js';
import { incidentPolicy as can } from './policy.js';

export class IncidentReader {
  constructor(private readonly deps: ServiceDeps) {}

  async get(actor: Actor, id: string): Promise<IncidentRecord> {
    const incident = await this.deps.store.incidents.get(id);
    if (!incident || !can.read(actor, incident)) throw notFound('Incident');
    return incident;
  }

  async list(actor: Actor, query: z.infer<typeof listIncidentsQuery>): Promise<PageResult<IncidentRecord>> {
    const scope = can.scope(actor);
    if (scope.kind === 'none') return { items: [], nextCursor: null };
    const agencyIds =
      scope.kind === 'agencies'
        ? scope.agencyIds.filter((a) => !query.agencyId || a === query.agencyId)
        : query.agencyId
          ? [query.agencyId]
          : undefined;
    const teamIds =
      scope.kind === 'teams' ? scope.teamIds.filter((t) => !query.teamId || t === query.teamId) : query.teamId ? [query.teamId] : undefined;
    const { agencyId: _a, teamId: _t, open, overdue, ...rest } = query;
    return this.deps.store.incidents.list({
      ...rest,
      agencyIds,
      teamIds,
      ...(open ? { statuses: OPEN_STATUSES } : {}),
      ...(overdue ? { overdueAt: this.deps.clock.now().toISOString() } : {}),
    });
  }

  /**
   * The event log's position. The board reads it before its card pages, so the console can
   * catch up from there and a change committed meanwhile is never lost.
   */
  async logPosition(): Promise<number> {
    return this.deps.store.events.lastSeq();
  }
}
