/**
 * Files on an agency's answer in a reporting round: list and download (JSON API) and the
 * multipart upload, mounted before the JSON body guard as incident evidence uploads are.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { fieldIssue, idSchema } from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import { sendStoredFile } from '../http/download.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { badRequest } from '../platform/errors.js';
import type { ReportAttachmentRecord } from '../store/port.js';
import type { ReportAttachmentService } from './attachments.js';

interface Deps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  reportAttachments: ReportAttachmentService;
}

export const presentReportAttachment = (a: ReportAttachmentRecord) => ({
  id: a.id,
  roundId: a.roundId,
  agencyId: a.agencyId,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt,
});

const byRound = z.strictObject({ id: idSchema });
const byAttachment = z.strictObject({ id: idSchema, attachmentId: idSchema });

export function reportAttachmentRoutes(d: Deps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];
  r.get('/reports/rounds/:id/attachments', ...guard, validate({ params: byRound }), async (req, res) => {
    const items = await d.reportAttachments.list(actorOf(req), valid(req, { params: byRound }).params.id);
    res.json({ items: items.map(presentReportAttachment), nextCursor: null });
  });
  r.get('/reports/rounds/:id/attachments/:attachmentId', ...guard, validate({ params: byAttachment }), async (req, res) => {
    const { id, attachmentId } = valid(req, { params: byAttachment }).params;
    const { attachment, filePath } = await d.reportAttachments.open(actorOf(req), id, attachmentId);
    sendStoredFile(res, attachment.fileName, filePath);
  });
  return r;
}

/** One file per request, streamed to disk within the evidence size limit. */
export function reportAttachmentUploadRoutes(d: Deps): Router {
  const r = Router();
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) =>
        void d.reportAttachments.uploadDirectory().then(
          (dir) => done(null, dir),
          (e: Error) => done(e, ''),
        ),
      filename: (_req, _file, done) => done(null, `${crypto.randomUUID()}.part`),
    }),
    limits: { fileSize: d.reportAttachments.limits.maxBytes, files: 1, fields: 0, parts: 1 },
    defParamCharset: 'utf8',
  });
  r.post(
    '/reports/rounds/:id/attachments',
    d.authenticate,
    d.rateLimit,
    validate({ params: byRound }),
    upload.single('file'),
    async (req, res) => {
      const file = req.file;
      if (!file) throw badRequest('Send the file as multipart/form-data in a field named "file"', [fieldIssue('file', 'required')]);
      const attachment = await d.reportAttachments.add(actorOf(req), valid(req, { params: byRound }).params.id, {
        tempPath: path.resolve(file.path),
        originalName: file.originalname,
        size: file.size,
      });
      res.status(201).json(presentReportAttachment(attachment));
    },
  );
  return r;
}
