/** The audit log: search, and recompute the hash chain. */
import { auditQuery } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { presentAuditEntry } from './presenter.js';

export const auditRoutes: Route[] = [
  route({
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Search the audit log, newest first (admin, leader)',
    auth: 'signed-in',
    query: auditQuery,
    handler: async ({ services, actor, query }) => {
      const { page, actors } = await services.audit.search(actor, query);
      return { items: page.items.map((e) => presentAuditEntry(e, actors)), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'get',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Recompute the hash chain: { ok, checked, firstBrokenSeq? }',
    auth: 'signed-in',
    handler: ({ services, actor }) => services.audit.verify(actor),
  }),
];
