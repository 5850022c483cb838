import type { ClientSession } from 'mongoose';
import { normalizeSearch } from '@cert-hub/shared';
import type { IncidentCountQuery, IncidentCountRepository } from '../incidentCounts.js';
import type { Models } from './models.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The list's filter (mongoStore.ts, incidentRepo.list) counted with countDocuments over the same indexes. */
export function mongoIncidentCounts(models: Models, session: ClientSession | undefined): IncidentCountRepository {
  return {
    async count(q: IncidentCountQuery) {
      if ((q.agencyIds && q.agencyIds.length === 0) || (q.teamIds && q.teamIds.length === 0) || (q.statuses && q.statuses.length === 0))
        return 0;
      const reported: Record<string, string> = {};
      if (q.from) reported.$gte = new Date(q.from).toISOString();
      if (q.to) reported.$lte = new Date(q.to).toISOString();
      const clauses: Record<string, unknown>[] = [
        {
          ...(q.agencyIds ? { agencyId: { $in: q.agencyIds } } : {}),
          ...(q.teamIds ? { 'routing.teamIds': { $in: q.teamIds } } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.statuses ? { status: { $in: [...q.statuses] } } : {}),
          ...(q.assigneeId ? { assigneeIds: q.assigneeId } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.serious !== undefined ? { serious: q.serious } : {}),
          ...(q.drill !== undefined ? { drill: q.drill ? { $ne: null } : null } : {}),
          ...(q.from || q.to ? { reportedAt: reported } : {}),
          ...(q.overdueAt ? { slaDueAt: { $ne: null, $lte: q.overdueAt } } : {}),
        },
      ];
      const words = [...new Set((q.q ? normalizeSearch(q.q) : '').split(' ').filter(Boolean))];
      if (words.length > 0) {
        clauses.push({ $text: { $search: words.map((w) => `"${w.replace(/"/g, '')}"`).join(' ') } });
        for (const word of words) clauses.push({ searchText: { $regex: escapeRegex(word) } });
      }
      return models.Incident.countDocuments({ $and: clauses }).session(session ?? null);
    },
  };
}
