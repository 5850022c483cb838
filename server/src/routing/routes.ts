/**
 * Routing HTTP routes: the ordered rules, the preview, a coordinator's reroute, the serious
 * decision and re-assessment, and the upward notifications of an incident.
 */
import { Router, type RequestHandler } from 'express';
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
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentIncident } from '../incidents/presenter.js';
import { presentRule, presentUpward } from './presenter.js';
import type { SeriousService } from './serious.js';
import type { RoutingService } from './service.js';

export interface RoutingRouteDeps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  routing: RoutingService;
  serious: SeriousService;
}

const byId = z.strictObject({ id: idSchema });
const byNotification = z.strictObject({ id: idSchema, notificationId: idSchema });

export function routingRoutes(d: RoutingRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  r.get('/routing/rules', ...guard, async (req, res) => {
    res.json({ items: (await d.routing.list(actorOf(req))).map(presentRule), nextCursor: null });
  });
  const create = { body: createRoutingRuleInput };
  r.post('/routing/rules', ...guard, validate(create), async (req, res) => {
    const rule = await d.routing.create(actorOf(req), valid(req, create).body);
    res.status(201).location(`/api/routing/rules/${rule.id}`).json(presentRule(rule));
  });
  // Before `/:id` so that "order" is not read as a rule id.
  const reorder = { body: reorderRoutingRulesInput };
  r.put('/routing/rules/order', ...guard, validate(reorder), async (req, res) => {
    res.json({ items: (await d.routing.reorder(actorOf(req), valid(req, reorder).body.ruleIds)).map(presentRule), nextCursor: null });
  });
  const update = { params: byId, body: updateRoutingRuleInput };
  r.patch('/routing/rules/:id', ...guard, validate(update), async (req, res) => {
    const v = valid(req, update);
    res.json(presentRule(await d.routing.update(actorOf(req), v.params.id, v.body)));
  });
  r.delete('/routing/rules/:id', ...guard, validate({ params: byId }), async (req, res) => {
    await d.routing.remove(actorOf(req), valid(req, { params: byId }).params.id);
    res.status(204).end();
  });
  const preview = { body: routingPreviewInput };
  r.post('/routing/preview', ...guard, validate(preview), async (req, res) => {
    const p = await d.routing.preview(actorOf(req), valid(req, preview).body);
    res.json({
      rule: p.routing.ruleId ? { id: p.routing.ruleId, name: p.ruleName } : null,
      routing: p.routing,
      tags: p.tags,
      playbook: p.playbook,
      informLeaders: p.informLeaders,
      serious: p.facts.serious,
      seriousness: p.seriousness,
      facts: p.facts,
      trace: p.trace,
    });
  });

  const reroute = { params: byId, body: rerouteInput };
  r.post('/incidents/:id/routing', ...guard, validate(reroute), async (req, res) => {
    const v = valid(req, reroute);
    res.json(presentIncident(await d.routing.reroute(actorOf(req), v.params.id, v.body), actorOf(req)));
  });

  const decide = { params: byId, body: seriousDecisionInput };
  r.post('/incidents/:id/serious', ...guard, validate(decide), async (req, res) => {
    const v = valid(req, decide);
    res.json(presentIncident(await d.serious.decide(actorOf(req), v.params.id, v.body), actorOf(req)));
  });
  const assess = { params: byId, body: seriousAssessmentInput };
  r.put('/incidents/:id/assessment', ...guard, validate(assess), async (req, res) => {
    const v = valid(req, assess);
    res.json(presentIncident(await d.serious.reassess(actorOf(req), v.params.id, v.body), actorOf(req)));
  });

  r.get('/incidents/:id/upward-notifications', ...guard, validate({ params: byId }), async (req, res) => {
    const items = await d.serious.listUpward(actorOf(req), valid(req, { params: byId }).params.id);
    res.json({ items: items.map(presentUpward), nextCursor: null });
  });
  const patchUpward = { params: byNotification, body: updateUpwardNotificationInput };
  r.patch('/incidents/:id/upward-notifications/:notificationId', ...guard, validate(patchUpward), async (req, res) => {
    const v = valid(req, patchUpward);
    res.json(presentUpward(await d.serious.updateUpward(actorOf(req), v.params.id, v.params.notificationId, v.body)));
  });
  const followUp = { params: byNotification, body: upwardFollowUpInput };
  r.post('/incidents/:id/upward-notifications/:notificationId/follow-ups', ...guard, validate(followUp), async (req, res) => {
    const v = valid(req, followUp);
    res
      .status(201)
      .json(presentUpward(await d.serious.addFollowUp(actorOf(req), v.params.id, v.params.notificationId, v.body.version, v.body.note)));
  });
  return r;
}
