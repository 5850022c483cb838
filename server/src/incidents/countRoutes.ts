/** The incident list's total for its filters; listed before the incident routes, so `/incidents/count` is never read as an id. */
import { countIncidentsQuery, type IncidentCountView } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';

export const incidentCountRoutes: Route[] = [
  route({
    method: 'get',
    path: '/incidents/count',
    tag: 'incidents',
    summary: 'How many incidents the list shows for these filters: { total }',
    auth: 'signed-in',
    query: countIncidentsQuery,
    handler: async ({ services, actor, query }): Promise<IncidentCountView> => ({
      total: await services.incidentCounts.count(actor, query),
    }),
  }),
];
