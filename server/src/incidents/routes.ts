/**
 * Incidents: intake (user or machine source, Idempotency-Key), search, the incident room
 * (timeline, comments, checklist, evidence), lifecycle moves, the agency's closure confirmation,
 * and playbooks. Evidence upload is the multipart escape hatch of http/route.ts.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import multer from 'multer';
import { z } from 'zod';
import {
  commentInput,
  confirmClosureInput,
  createIncidentInput,
  idSchema,
  listIncidentsQuery,
  addTaskInput,
  setPlaybookInput,
  setTaskInput,
  transitionInput,
  updateIncidentInput,
  fieldIssue,
} from '@cert-hub/shared';
import { presentEvent } from '../audit/presenter.js';
import { sendStoredFile } from '../http/download.js';
import { route, type HubContext, type Route } from '../http/route.js';
import { badRequest } from '../platform/errors.js';
import { presentIncidentCard } from './cardPresenter.js';
import { presentAttachment, presentComment, presentIncident } from './presenter.js';

const byId = z.strictObject({ id: idSchema });
const byAttachment = z.strictObject({ id: idSchema, attachmentId: idSchema });
const byTask = z.strictObject({ id: idSchema, taskId: idSchema });

/** One evidence file per request, streamed to disk within the size limit. */
function evidenceUpload({ services }: HubContext) {
  return multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) =>
        void services.attachments.uploadDirectory().then(
          (dir) => done(null, dir),
          (e: Error) => done(e, ''),
        ),
      filename: (_req, _file, done) => done(null, `${crypto.randomUUID()}.part`),
    }),
    limits: { fileSize: services.attachments.limits.maxBytes, files: 1, fields: 0, parts: 1 },
    defParamCharset: 'utf8', // Vietnamese file names arrive intact
  }).single('file');
}

export const incidentRoutes: Route[] = [
  route({
    method: 'post',
    path: '/incidents',
    tag: 'incidents',
    summary: 'File an incident report (Idempotency-Key header)',
    auth: 'api-key',
    body: createIncidentInput,
    idempotencyKey: true,
    status: 201,
    handler: async ({ services, actor, body, idempotencyKey, res }) => {
      const { incident, replayed, firstAnswer } = await services.incidents.create(actor, body, idempotencyKey);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.location(`/api/incidents/${incident.id}`);
      return firstAnswer ?? presentIncident(incident, actor);
    },
  }),
  route({
    method: 'get',
    path: '/incidents',
    tag: 'incidents',
    summary: 'Search incidents, newest first (`view=card`: the board’s compact cards plus `lastSeq`)',
    auth: 'signed-in',
    query: listIncidentsQuery,
    handler: async ({ services, actor, query: { view, ...query } }) => {
      if (view === 'card') {
        const lastSeq = await services.incidents.logPosition(); // before the page: see logPosition
        const page = await services.incidents.list(actor, query);
        return { items: page.items.map((i) => presentIncidentCard(i, actor)), nextCursor: page.nextCursor, lastSeq };
      }
      const page = await services.incidents.list(actor, query);
      return { items: page.items.map((i) => presentIncident(i, actor)), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'One incident',
    auth: 'signed-in',
    params: byId,
    present: presentIncident,
    handler: ({ services, actor, params }) => services.incidents.get(actor, params.id),
  }),
  route({
    method: 'get',
    path: '/incidents/:id/timeline',
    tag: 'incidents',
    summary: 'Events the caller may see',
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => {
      const { events, authors } = await services.incidents.timeline(actor, params.id);
      return { items: events.map((e) => presentEvent(e, authors)), nextCursor: null };
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:id/comments',
    tag: 'incidents',
    summary: 'Comments the caller may see',
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => {
      const { comments, authors } = await services.incidents.comments(actor, params.id);
      return { items: comments.map((c) => presentComment(c, authors)), nextCursor: null };
    },
  }),
  route({
    method: 'post',
    path: '/incidents/:id/comments',
    tag: 'incidents',
    summary: 'Comment (agency-visible or internal)',
    auth: 'signed-in',
    params: byId,
    body: commentInput,
    status: 201,
    handler: async ({ services, actor, params, body }) => {
      const added = await services.incidents.addComment(actor, params.id, body);
      return presentComment(added, await services.incidents.authors([added.authorId]));
    },
  }),
  route({
    method: 'patch',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'Classify, assign, tag (version checked)',
    auth: 'signed-in',
    params: byId,
    body: updateIncidentInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.incidents.update(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/transitions',
    tag: 'incidents',
    summary: 'Move along the lifecycle (409 stale, 422 illegal with `details.allowed`)',
    auth: 'signed-in',
    params: byId,
    body: transitionInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.incidents.transition(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/tasks',
    tag: 'incidents',
    summary: 'Add a checklist task',
    auth: 'signed-in',
    params: byId,
    body: addTaskInput,
    status: 201,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.incidents.setTask(actor, params.id, { title: body.title }, body.version),
  }),
  route({
    method: 'put',
    path: '/incidents/:id/tasks/:taskId',
    tag: 'incidents',
    summary: 'Tick or untick a task',
    auth: 'signed-in',
    params: byTask,
    body: setTaskInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) =>
      services.incidents.setTask(actor, params.id, { taskId: params.taskId, done: body.done }, body.version),
  }),
  route({
    method: 'get',
    path: '/playbooks',
    tag: 'incidents',
    summary: 'Response playbooks by category',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: await services.playbooks.list(actor), nextCursor: null }),
  }),
  route({
    method: 'put',
    path: '/playbooks/:category',
    tag: 'incidents',
    summary: 'Edit a playbook',
    auth: 'signed-in',
    params: z.strictObject({ category: z.string().max(50) }),
    body: setPlaybookInput,
    handler: ({ services, actor, params, body }) => services.playbooks.set(actor, params.category, body.tasks),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/closure-confirmation',
    tag: 'incidents',
    summary: 'The agency confirms the closing report',
    auth: 'signed-in',
    params: byId,
    body: confirmClosureInput,
    present: presentIncident,
    handler: ({ services, actor, params, body }) => services.incidents.confirmClosure(actor, params.id, body),
  }),
  route({
    method: 'get',
    path: '/incidents/:id/attachments',
    tag: 'incidents',
    summary: 'Evidence files',
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => ({
      items: (await services.attachments.list(actor, params.id)).map(presentAttachment),
      nextCursor: null,
    }),
  }),
  route({
    method: 'post',
    path: '/incidents/:id/attachments',
    tag: 'incidents',
    summary: 'Upload evidence (multipart, field "file"; Idempotency-Key header)',
    auth: 'api-key',
    params: byId,
    idempotencyKey: true,
    multipart: evidenceUpload,
    status: 201,
    present: presentAttachment,
    handler: ({ services, actor, params, idempotencyKey, req }) => {
      const file = req.file;
      if (!file) throw badRequest('Send the evidence as multipart/form-data in a field named "file"', [fieldIssue('file', 'required')]);
      return services.attachments.add(
        actor,
        params.id,
        { tempPath: path.resolve(file.path), originalName: file.originalname, size: file.size },
        idempotencyKey,
      );
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:id/attachments/:attachmentId',
    tag: 'incidents',
    summary: 'Download evidence (always a download, never rendered)',
    auth: 'signed-in',
    params: byAttachment,
    download: 'application/octet-stream',
    handler: async ({ services, actor, params, res }) => {
      const { attachment, filePath } = await services.attachments.open(actor, params.id, params.attachmentId);
      sendStoredFile(res, attachment.fileName, filePath);
    },
  }),
];
