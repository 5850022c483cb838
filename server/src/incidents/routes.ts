/**
 * Incident HTTP routes: authenticate → rate-limit → validate → service → present.
 * Evidence uploads are multipart and have their own router, mounted before the JSON parser.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { Router, type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import {
  commentInput,
  confirmClosureInput,
  createIncidentInput,
  idempotencyKeySchema,
  idSchema,
  listIncidentsQuery,
  addTaskInput,
  setPlaybookInput,
  setTaskInput,
  transitionInput,
  updateIncidentInput,
  fieldIssue,
  codedIssue,
} from '@cert-hub/shared';
import { presentEvent } from '../audit/presenter.js';
import { actorOf } from '../http/authenticate.js';
import { sendStoredFile } from '../http/download.js';
import { badRequest } from '../platform/errors.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import type { AttachmentService } from './attachments.js';
import { presentIncidentCard } from './cardPresenter.js';
import { presentAttachment, presentComment, presentIncident } from './presenter.js';
import type { PlaybookService } from './playbooks.js';
import type { IncidentService } from './service.js';

export interface IncidentRouteDeps {
  authenticate: RequestHandler;
  authenticateUserOrMachine: RequestHandler;
  rateLimit: RateLimit;
  incidents: IncidentService;
  attachments: AttachmentService;
  playbooks: PlaybookService;
}

const byId = z.strictObject({ id: idSchema });
const byAttachment = z.strictObject({ id: idSchema, attachmentId: idSchema });
const byTask = z.strictObject({ id: idSchema, taskId: idSchema });

/** The optional Idempotency-Key header, checked like any other input. */
function idempotencyKeyOf(req: Request): string | null {
  const raw = req.get('Idempotency-Key');
  if (raw === undefined) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success)
    throw badRequest('Invalid Idempotency-Key header', [{ ...codedIssue(parsed.error.issues[0]!), path: 'Idempotency-Key' }]);
  return parsed.data;
}

export function incidentRoutes(d: IncidentRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  const create = { body: createIncidentInput };
  r.post('/incidents', d.authenticateUserOrMachine, d.rateLimit, validate(create), async (req, res) => {
    const { incident, replayed, firstAnswer } = await d.incidents.create(actorOf(req), valid(req, create).body, idempotencyKeyOf(req));
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(201)
      .location(`/api/incidents/${incident.id}`)
      .json(firstAnswer ?? presentIncident(incident, actorOf(req)));
  });

  const list = { query: listIncidentsQuery };
  r.get('/incidents', ...guard, validate(list), async (req, res) => {
    const viewer = actorOf(req);
    const { view, ...query } = valid(req, list).query;
    if (view === 'card') {
      const lastSeq = await d.incidents.logPosition(); // before the page: see logPosition
      const page = await d.incidents.list(viewer, query);
      return res.json({ items: page.items.map((i) => presentIncidentCard(i, viewer)), nextCursor: page.nextCursor, lastSeq });
    }
    const page = await d.incidents.list(viewer, query);
    res.json({ items: page.items.map((i) => presentIncident(i, viewer)), nextCursor: page.nextCursor });
  });

  r.get('/incidents/:id', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentIncident(await d.incidents.get(actorOf(req), valid(req, { params: byId }).params.id), actorOf(req)));
  });

  r.get('/incidents/:id/timeline', ...guard, validate({ params: byId }), async (req, res) => {
    const { events, authors } = await d.incidents.timeline(actorOf(req), valid(req, { params: byId }).params.id);
    res.json({ items: events.map((e) => presentEvent(e, authors)), nextCursor: null });
  });

  r.get('/incidents/:id/comments', ...guard, validate({ params: byId }), async (req, res) => {
    const { comments, authors } = await d.incidents.comments(actorOf(req), valid(req, { params: byId }).params.id);
    res.json({ items: comments.map((c) => presentComment(c, authors)), nextCursor: null });
  });
  const comment = { params: byId, body: commentInput };
  r.post('/incidents/:id/comments', ...guard, validate(comment), async (req, res) => {
    const v = valid(req, comment);
    const added = await d.incidents.addComment(actorOf(req), v.params.id, v.body);
    res.status(201).json(presentComment(added, await d.incidents.authors([added.authorId])));
  });

  const patch = { params: byId, body: updateIncidentInput };
  r.patch('/incidents/:id', ...guard, validate(patch), async (req, res) => {
    const v = valid(req, patch);
    res.json(presentIncident(await d.incidents.update(actorOf(req), v.params.id, v.body), actorOf(req)));
  });

  const transition = { params: byId, body: transitionInput };
  r.post('/incidents/:id/transitions', ...guard, validate(transition), async (req, res) => {
    const v = valid(req, transition);
    res.json(presentIncident(await d.incidents.transition(actorOf(req), v.params.id, v.body), actorOf(req)));
  });

  const addTask = { params: byId, body: addTaskInput };
  r.post('/incidents/:id/tasks', ...guard, validate(addTask), async (req, res) => {
    const v = valid(req, addTask);
    res
      .status(201)
      .json(presentIncident(await d.incidents.setTask(actorOf(req), v.params.id, { title: v.body.title }, v.body.version), actorOf(req)));
  });
  const setTask = { params: byTask, body: setTaskInput };
  r.put('/incidents/:id/tasks/:taskId', ...guard, validate(setTask), async (req, res) => {
    const v = valid(req, setTask);
    res.json(
      presentIncident(
        await d.incidents.setTask(actorOf(req), v.params.id, { taskId: v.params.taskId, done: v.body.done }, v.body.version),
        actorOf(req),
      ),
    );
  });

  r.get('/playbooks', ...guard, async (req, res) => {
    res.json({ items: await d.playbooks.list(actorOf(req)), nextCursor: null });
  });
  const playbook = { params: z.strictObject({ category: z.string().max(50) }), body: setPlaybookInput };
  r.put('/playbooks/:category', ...guard, validate(playbook), async (req, res) => {
    const v = valid(req, playbook);
    res.json(await d.playbooks.set(actorOf(req), v.params.category, v.body.tasks));
  });

  const confirm = { params: byId, body: confirmClosureInput };
  r.post('/incidents/:id/closure-confirmation', ...guard, validate(confirm), async (req, res) => {
    const v = valid(req, confirm);
    res.json(presentIncident(await d.incidents.confirmClosure(actorOf(req), v.params.id, v.body), actorOf(req)));
  });

  r.get('/incidents/:id/attachments', ...guard, validate({ params: byId }), async (req, res) => {
    res.json({
      items: (await d.attachments.list(actorOf(req), valid(req, { params: byId }).params.id)).map(presentAttachment),
      nextCursor: null,
    });
  });

  r.get('/incidents/:id/attachments/:attachmentId', ...guard, validate({ params: byAttachment }), async (req, res) => {
    const { id, attachmentId } = valid(req, { params: byAttachment }).params;
    const { attachment, filePath } = await d.attachments.open(actorOf(req), id, attachmentId);
    sendStoredFile(res, attachment.fileName, filePath);
  });

  return r;
}

/** Multipart evidence upload: one file per request, streamed to disk within the size limit. */
export function attachmentUploadRoutes(d: IncidentRouteDeps): Router {
  const r = Router();
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) =>
        void d.attachments.uploadDirectory().then(
          (dir) => done(null, dir),
          (e: Error) => done(e, ''),
        ),
      filename: (_req, _file, done) => done(null, `${crypto.randomUUID()}.part`),
    }),
    limits: { fileSize: d.attachments.limits.maxBytes, files: 1, fields: 0, parts: 1 },
    defParamCharset: 'utf8', // Vietnamese file names arrive intact
  });
  r.post(
    '/incidents/:id/attachments',
    d.authenticateUserOrMachine,
    d.rateLimit,
    validate({ params: byId }),
    upload.single('file'),
    async (req, res) => {
      const file = req.file;
      if (!file) throw badRequest('Send the evidence as multipart/form-data in a field named "file"', [fieldIssue('file', 'required')]);
      const attachment = await d.attachments.add(
        actorOf(req),
        valid(req, { params: byId }).params.id,
        { tempPath: path.resolve(file.path), originalName: file.originalname, size: file.size },
        idempotencyKeyOf(req),
      );
      res.status(201).json(presentAttachment(attachment));
    },
  );
  return r;
}
