/**
 * Files on an agency's answer in a reporting round: list, download and the multipart upload
 * (mounted ahead of the JSON body guard, as incident evidence uploads are).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import multer from 'multer';
import { z } from 'zod';
import { fieldIssue, idSchema } from '@cert-hub/shared';
import { sendStoredFile } from '../http/download.js';
import { route, type HubContext, type Route } from '../http/route.js';
import { badRequest } from '../platform/errors.js';
import type { ReportAttachmentRecord } from '../store/port.js';

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

/** One file per request, streamed to disk within the evidence size limit. */
function reportFileUpload({ services }: HubContext) {
  return multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) =>
        void services.reportAttachments.uploadDirectory().then(
          (dir) => done(null, dir),
          (e: Error) => done(e, ''),
        ),
      filename: (_req, _file, done) => done(null, `${crypto.randomUUID()}.part`),
    }),
    limits: { fileSize: services.reportAttachments.limits.maxBytes, files: 1, fields: 0, parts: 1 },
    defParamCharset: 'utf8', // Vietnamese file names arrive intact
  }).single('file');
}

export const reportAttachmentRoutes: Route[] = [
  route({
    method: 'get',
    path: '/reports/rounds/:id/attachments',
    tag: 'reports',
    summary: "Files on the caller's agency's answer (followers: every agency's)",
    auth: 'signed-in',
    params: byRound,
    handler: async ({ services, actor, params }) => ({
      items: (await services.reportAttachments.list(actor, params.id)).map(presentReportAttachment),
      nextCursor: null,
    }),
  }),
  route({
    method: 'post',
    path: '/reports/rounds/:id/attachments',
    tag: 'reports',
    summary: 'Attach a file to the agency\'s answer until it is submitted (multipart, field "file")',
    auth: 'signed-in',
    params: byRound,
    multipart: reportFileUpload,
    status: 201,
    present: presentReportAttachment,
    handler: ({ services, actor, params, req }) => {
      const file = req.file;
      if (!file) throw badRequest('Send the file as multipart/form-data in a field named "file"', [fieldIssue('file', 'required')]);
      return services.reportAttachments.add(actor, params.id, {
        tempPath: path.resolve(file.path),
        originalName: file.originalname,
        size: file.size,
      });
    },
  }),
  route({
    method: 'get',
    path: '/reports/rounds/:id/attachments/:attachmentId',
    tag: 'reports',
    summary: 'Download a file of an answer (always a download, never rendered)',
    auth: 'signed-in',
    params: byAttachment,
    download: 'application/octet-stream',
    handler: async ({ services, actor, params, res }) => {
      const { attachment, filePath } = await services.reportAttachments.open(actor, params.id, params.attachmentId);
      sendStoredFile(res, attachment.fileName, filePath);
    },
  }),
];
