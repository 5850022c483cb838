/** SLA policies per severity (and serious). */
import { z } from 'zod';
import { SLA_SCOPES, slaPolicyInput } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { presentSlaPolicy as present } from './presenter.js';

const byScope = z.strictObject({ scope: z.enum(SLA_SCOPES) });

export const slaRoutes: Route[] = [
  route({
    method: 'get',
    path: '/sla/policies',
    tag: 'sla',
    summary: 'SLA policies per severity (and serious)',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: (await services.sla.listPolicies(actor)).map(present), nextCursor: null }),
  }),
  route({
    method: 'post',
    path: '/sla/policies',
    tag: 'sla',
    summary: 'Create or replace (with version) the policy of a scope',
    auth: 'signed-in',
    body: slaPolicyInput,
    present,
    handler: ({ services, actor, body }) => services.sla.putPolicy(actor, body),
  }),
  route({
    method: 'delete',
    path: '/sla/policies/:scope',
    tag: 'sla',
    summary: 'Delete the policy of a scope',
    auth: 'signed-in',
    params: byScope,
    status: 204,
    handler: ({ services, actor, params }) => services.sla.deletePolicy(actor, params.scope),
  }),
];
