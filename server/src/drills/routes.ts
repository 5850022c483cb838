/** Drills (R4): plan, run (the controller), evaluate, report; drills held elsewhere; the leaders' year view. */
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
import { route, type Route } from '../http/route.js';
import { presentDrill } from './presenter.js';

const byId = z.strictObject({ id: idSchema });
const byLesson = z.strictObject({ id: idSchema, lessonId: idSchema });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ACTIONS: DrillAction[] = ['start', 'pause', 'resume', 'end', 'close'];

export const drillRoutes: Route[] = [
  route({
    method: 'get',
    path: '/drills',
    tag: 'drills',
    summary: 'Drills (of a year)',
    auth: 'signed-in',
    query: listDrillsQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.drills.list(actor, query);
      return { items: page.items.map((x) => presentDrill(x, actor)), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/drills',
    tag: 'drills',
    summary: 'Plan a drill with its injects',
    auth: 'signed-in',
    body: createDrillInput,
    status: 201,
    present: presentDrill,
    handler: async ({ services, actor, body, res }) => {
      const drill = await services.drills.create(actor, body);
      res.location(`/api/drills/${drill.id}`);
      return drill;
    },
  }),
  route({
    method: 'post',
    path: '/drills/external',
    tag: 'drills',
    summary: 'Record a drill held elsewhere, with results per agency',
    auth: 'signed-in',
    body: externalDrillInput,
    status: 201,
    present: presentDrill,
    handler: async ({ services, actor, body, res }) => {
      const drill = await services.drills.recordExternal(actor, body);
      res.location(`/api/drills/${drill.id}`);
      return drill;
    },
  }),
  route({
    method: 'get',
    path: '/drills/years/:year',
    tag: 'drills',
    summary: 'The leaders’ year view (R4: who took part and who did not)',
    auth: 'signed-in',
    params: yearParam,
    handler: ({ services, actor, params }) => services.drills.year(actor, params.year),
  }),
  route({
    method: 'get',
    path: '/drills/plans/:year',
    tag: 'drills',
    summary: 'The annual drill plan',
    auth: 'signed-in',
    params: yearParam,
    handler: ({ services, actor, params }) => services.drills.getPlan(actor, params.year),
  }),
  route({
    method: 'put',
    path: '/drills/plans/:year',
    tag: 'drills',
    summary: 'Set the annual drill plan',
    auth: 'signed-in',
    params: yearParam,
    body: drillPlanInput,
    handler: ({ services, actor, params, body }) => services.drills.setPlan(actor, params.year, body),
  }),
  route({
    method: 'get',
    path: '/drills/:id',
    tag: 'drills',
    summary: 'One drill',
    auth: 'signed-in',
    params: byId,
    present: presentDrill,
    handler: ({ services, actor, params }) => services.drills.get(actor, params.id),
  }),
  ...ACTIONS.map((action) =>
    route({
      method: 'post',
      path: `/drills/:id/${action}`,
      tag: 'drills',
      summary: `Drill controller: ${action}`,
      auth: 'signed-in',
      params: byId,
      body: drillActionInput,
      present: presentDrill,
      handler: ({ services, actor, params, body }) => services.drills.act(actor, params.id, action, body.version),
    }),
  ),
  route({
    method: 'get',
    path: '/drills/:id/metrics',
    tag: 'drills',
    summary: 'Per inject and team: time to acknowledge, leave triage, contain, close; tasks done',
    auth: 'signed-in',
    params: byId,
    handler: ({ services, actor, params }) => services.drills.metrics(actor, params.id),
  }),
  route({
    method: 'get',
    path: '/drills/:id/report.docx',
    tag: 'drills',
    summary: 'After-action report (Decree 30/2020 DOCX)',
    auth: 'signed-in',
    params: byId,
    download: DOCX,
    handler: async ({ services, actor, params, res }) => {
      const { drill, bytes } = await services.drills.reportDocx(actor, params.id);
      res.setHeader('Content-Type', DOCX);
      res.setHeader('Content-Disposition', `attachment; filename="bao-cao-dien-tap-${drill.year}-${drill.id}.docx"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(bytes);
    },
  }),
  route({
    method: 'post',
    path: '/drills/:id/copy',
    tag: 'drills',
    summary: 'Copy a drill into another year',
    auth: 'signed-in',
    params: byId,
    body: copyDrillInput,
    status: 201,
    present: presentDrill,
    handler: async ({ services, actor, params, body, res }) => {
      const drill = await services.drills.copy(actor, params.id, body);
      res.location(`/api/drills/${drill.id}`);
      return drill;
    },
  }),
  route({
    method: 'put',
    path: '/drills/:id/participants',
    tag: 'drills',
    summary: 'Named participants with attendance',
    auth: 'signed-in',
    params: byId,
    body: setParticipantsInput,
    present: presentDrill,
    handler: ({ services, actor, params, body }) => services.drills.setParticipants(actor, params.id, body.participants, body.version),
  }),
  route({
    method: 'post',
    path: '/drills/:id/scores',
    tag: 'drills',
    summary: 'An evaluator scores an objective',
    auth: 'signed-in',
    params: byId,
    body: scoreInput,
    present: presentDrill,
    handler: ({ services, actor, params, body }) => services.drills.score(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/drills/:id/observations',
    tag: 'drills',
    summary: 'An evaluator’s observation',
    auth: 'signed-in',
    params: byId,
    body: observationInput,
    status: 201,
    present: presentDrill,
    handler: ({ services, actor, params, body }) => services.drills.observe(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/drills/:id/lessons',
    tag: 'drills',
    summary: 'A lesson learned with owner and due date',
    auth: 'signed-in',
    params: byId,
    body: lessonInput,
    status: 201,
    present: presentDrill,
    handler: ({ services, actor, params, body }) => services.drills.addLesson(actor, params.id, body),
  }),
  route({
    method: 'patch',
    path: '/drills/:id/lessons/:lessonId',
    tag: 'drills',
    summary: 'Track a lesson until done',
    auth: 'signed-in',
    params: byLesson,
    body: updateLessonInput,
    present: presentDrill,
    handler: ({ services, actor, params, body }) => services.drills.updateLesson(actor, params.id, params.lessonId, body),
  }),
];
