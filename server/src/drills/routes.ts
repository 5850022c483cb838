/**
 * Drill HTTP routes: authenticate → rate-limit → validate → service → present. No logic here.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  copyDrillInput,
  createDrillInput,
  drillActionInput,
  drillPlanInput,
  externalDrillInput,
  idSchema,
  lessonInput,
  listDrillsQuery,
  observationInput,
  scoreInput,
  setParticipantsInput,
  updateLessonInput,
  yearParam,
  type DrillAction,
} from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentDrill } from './presenter.js';
import type { DrillService } from './service.js';

export interface DrillRouteDeps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  drills: DrillService;
}

const byId = z.strictObject({ id: idSchema });
const byLesson = z.strictObject({ id: idSchema, lessonId: idSchema });

export function drillRoutes(d: DrillRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  const list = { query: listDrillsQuery };
  r.get('/drills', ...guard, validate(list), async (req, res) => {
    const actor = actorOf(req);
    const page = await d.drills.list(actor, valid(req, list).query);
    res.json({ items: page.items.map((x) => presentDrill(x, actor)), nextCursor: page.nextCursor });
  });

  const create = { body: createDrillInput };
  r.post('/drills', ...guard, validate(create), async (req, res) => {
    const actor = actorOf(req);
    const drill = await d.drills.create(actor, valid(req, create).body);
    res.status(201).location(`/api/drills/${drill.id}`).json(presentDrill(drill, actor));
  });

  const external = { body: externalDrillInput };
  r.post('/drills/external', ...guard, validate(external), async (req, res) => {
    const actor = actorOf(req);
    const drill = await d.drills.recordExternal(actor, valid(req, external).body);
    res.status(201).location(`/api/drills/${drill.id}`).json(presentDrill(drill, actor));
  });

  const year = { params: yearParam };
  r.get('/drills/years/:year', ...guard, validate(year), async (req, res) => {
    res.json(await d.drills.year(actorOf(req), valid(req, year).params.year));
  });

  r.get('/drills/plans/:year', ...guard, validate(year), async (req, res) => {
    res.json(await d.drills.getPlan(actorOf(req), valid(req, year).params.year));
  });
  const plan = { params: yearParam, body: drillPlanInput };
  r.put('/drills/plans/:year', ...guard, validate(plan), async (req, res) => {
    const { params, body } = valid(req, plan);
    res.json(await d.drills.setPlan(actorOf(req), params.year, body));
  });

  const one = { params: byId };
  r.get('/drills/:id', ...guard, validate(one), async (req, res) => {
    const actor = actorOf(req);
    res.json(presentDrill(await d.drills.get(actor, valid(req, one).params.id), actor));
  });

  const action = { params: byId, body: drillActionInput };
  for (const name of ['start', 'pause', 'resume', 'end', 'close'] as DrillAction[]) {
    r.post(`/drills/:id/${name}`, ...guard, validate(action), async (req, res) => {
      const actor = actorOf(req);
      const { params, body } = valid(req, action);
      res.json(presentDrill(await d.drills.act(actor, params.id, name, body.version), actor));
    });
  }

  r.get('/drills/:id/metrics', ...guard, validate(one), async (req, res) => {
    res.json(await d.drills.metrics(actorOf(req), valid(req, one).params.id));
  });

  r.get('/drills/:id/report.docx', ...guard, validate(one), async (req, res) => {
    const { drill, bytes } = await d.drills.reportDocx(actorOf(req), valid(req, one).params.id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', `attachment; filename="bao-cao-dien-tap-${drill.year}-${drill.id}.docx"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(bytes);
  });

  const copy = { params: byId, body: copyDrillInput };
  r.post('/drills/:id/copy', ...guard, validate(copy), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, copy);
    const drill = await d.drills.copy(actor, params.id, body);
    res.status(201).location(`/api/drills/${drill.id}`).json(presentDrill(drill, actor));
  });

  const participants = { params: byId, body: setParticipantsInput };
  r.put('/drills/:id/participants', ...guard, validate(participants), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, participants);
    res.json(presentDrill(await d.drills.setParticipants(actor, params.id, body.participants, body.version), actor));
  });

  const score = { params: byId, body: scoreInput };
  r.post('/drills/:id/scores', ...guard, validate(score), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, score);
    res.json(presentDrill(await d.drills.score(actor, params.id, body), actor));
  });

  const observation = { params: byId, body: observationInput };
  r.post('/drills/:id/observations', ...guard, validate(observation), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, observation);
    res.status(201).json(presentDrill(await d.drills.observe(actor, params.id, body), actor));
  });

  const lesson = { params: byId, body: lessonInput };
  r.post('/drills/:id/lessons', ...guard, validate(lesson), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, lesson);
    res.status(201).json(presentDrill(await d.drills.addLesson(actor, params.id, body), actor));
  });

  const lessonUpdate = { params: byLesson, body: updateLessonInput };
  r.patch('/drills/:id/lessons/:lessonId', ...guard, validate(lessonUpdate), async (req, res) => {
    const actor = actorOf(req);
    const { params, body } = valid(req, lessonUpdate);
    res.json(presentDrill(await d.drills.updateLesson(actor, params.id, params.lessonId, body), actor));
  });

  return r;
}
