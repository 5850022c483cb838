/**
 * Routing: the ordered rules, the preview, a coordinator's reroute, the serious decision and
 * re-assessment (R2), and the upward notifications of an incident.
 */
import { z } from 'zod';
import {
  createRoutingRuleInput,
  idSchema,
  reorderRoutingRulesInput,
  rerouteInput,
  routingPreviewInput,
  seriousAssessmentInput,
  seriousDecisionInput,
  updateRoutingRuleInput,
  updateUpwardNotificationInput,
  upwardFollowUpInput,
} from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { presentIncident } from '../incidents/presenter.js';
import { presentRule, presentUpward } from './presenter.js';

const byId = z.strictObject({ id: idSchema });
const byNotification = z.strictObject({ id: idSchema, notificationId: idSchema });

export const routingRoutes: Route[] = [
  route({
    method: 'get',
    path: '/routing/rules',
    tag: 'routing',
    summary: 'Routing rules in order (first match wins)',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: (await services.routing.list(actor)).map(presentRule), nextCursor: null }),
  }),
  route({
    method: 'post',
    path: '/routing/rules',
    tag: 'routing',
    summary: 'Add a routing rule',
    auth: 'signed-in',
    body: createRoutingRuleInput,
    status: 201,
    present: presentRule,
    handler: async ({ services, actor, body, res }) => {
      const rule = await services.routing.create(actor, body);
      res.location(`/api/routing/rules/${rule.id}`);
      return rule;
    },
  }),
  // Before `/:id` so that "order" is not read as a rule id.
  route({
    method: 'put',
    path: '/routing/rules/order',
    tag: 'routing',
    summary: 'Reorder the rules',
    auth: 'signed-in',
    body: reorderRoutingRulesInput,
    handler: async ({ services, actor, body }) => ({
      items: (await services.routing.reorder(actor, body.ruleIds)).map(presentRule),
      nextCursor: null,
    }),
  }),
  route({
    method: 'patch',
    path: '/routing/rules/:id',
    tag: 'routing',
    summary: 'Edit a routing rule',
    auth: 'signed-in',
    params: byId,
    body: updateRoutingRuleInput,
    present: presentRule,
    handler: ({ services, actor, params, body }) => services.routing.update(actor, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/routing/rules/:id',
    tag: 'routing',
    summary: 'Delete a routing rule',
    auth: 'signed-in',
    params: byId,
    status: 204,
    handler: ({ services, actor, params }) => services.routing.remove(actor, params.id),
  }),
  route({
    method: 'post',
    path: '/routing/preview',
    tag: 'routing',
    summary: 'Which rule would match an intake report, and why',
    auth: 'signed-in',
    body: routingPreviewInput,
    handler: async ({ services, actor, body }) => {
      const p = await services.routing.preview(actor, body);
      return {
        rule: p.routing.ruleId ? { id: p.routing.ruleId, name: p.ruleName } : null,
        routing: p.routing,
        tags: p.tags,
        playbook: p.playbook,
        informLeaders: p.informLeaders,
        serious: p.facts.serious,
        seriousness: p.seriousness,
        facts: p.facts,
        trace: p.trace,
      };
    },
  }),
  route({
    method: 'post',
    path: '/incidents/:id/routing',
    tag: 'routing',
    summary: 'Transfer, add or remove a body (coordinator)',
    auth: 'signed-in',
    params: byId,
    body: rerouteInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.routing.reroute(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/serious',
    tag: 'routing',
    summary: 'Confirm, declare or withdraw serious (R2)',
    auth: 'signed-in',
    params: byId,
    body: seriousDecisionInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.serious.decide(actor, params.id, body),
  }),
  route({
    method: 'put',
    path: '/incidents/:id/assessment',
    tag: 'routing',
    summary: 'Re-assess R2: impacts, system, the agency’s answers',
    auth: 'signed-in',
    params: byId,
    body: seriousAssessmentInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.serious.reassess(actor, params.id, body),
  }),
  route({
    method: 'get',
    path: '/incidents/:id/upward-notifications',
    tag: 'routing',
    summary: 'Upward notifications per recipient',
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => ({
      items: (await services.serious.listUpward(actor, params.id)).map(presentUpward),
      nextCursor: null,
    }),
  }),
  route({
    method: 'patch',
    path: '/incidents/:id/upward-notifications/:notificationId',
    tag: 'routing',
    summary: 'Record channel, sending, document number, acknowledgement',
    auth: 'signed-in',
    params: byNotification,
    body: updateUpwardNotificationInput,
    present: presentUpward,
    handler: ({ services, actor, params, body }) => services.serious.updateUpward(actor, params.id, params.notificationId, body),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/upward-notifications/:notificationId/follow-ups',
    tag: 'routing',
    summary: 'Add a follow-up',
    auth: 'signed-in',
    params: byNotification,
    body: upwardFollowUpInput,
    status: 201,
    present: presentUpward,
    handler: ({ services, actor, params, body }) =>
      services.serious.addFollowUp(actor, params.id, params.notificationId, body.version, body.note),
  }),
];
