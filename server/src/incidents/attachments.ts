/**
 * Evidence files on incidents. Bytes go to DATA_DIR/attachments under generated names
 * (outside any web root) and are fsynced before the row that points to them is written, so
 * an acknowledged upload is on disk. They are only ever served as downloads.
 */
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EVENTS, fieldIssue } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { IdempotentRequest } from '../platform/idempotency.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { AttachmentRecord } from '../store/port.js';
import { checkEvidence, sanitiseFileName } from './evidence.js';
import { incidentPolicy as can } from './policy.js';
import type { IncidentService } from './service.js';

export interface AttachmentLimits {
  maxBytes: number;
  maxCount: number;
}

export interface UploadedFile {
  /** A temporary file the upload was streamed to. */
  tempPath: string;
  originalName: string;
  size: number;
}

async function fsyncPath(target: string) {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class AttachmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly incidents: IncidentService,
    directory: string,
    readonly limits: AttachmentLimits,
  ) {
    this.directory = path.resolve(directory);
  }

  private readonly directory: string;

  /** Where uploads are streamed before they are checked (same file system: rename is atomic). */
  async uploadDirectory(): Promise<string> {
    const dir = path.join(this.directory, 'incoming');
    await fs.mkdir(dir, { recursive: true });
    return dir;
  }

  /**
   * Checks an uploaded file as evidence is checked (not empty, a known type by its content,
   * a clean name), for every feature that takes files (incident evidence, report attachments).
   */
  async vet(upload: UploadedFile): Promise<{ fileName: string; mediaType: string; sha256: string }> {
    if (upload.size === 0) throw new DomainError('unprocessable', 'The file is empty', [fieldIssue('file', 'file_empty')]);
    const fileName = sanitiseFileName(upload.originalName);
    const verdict = await checkEvidence(upload.tempPath, fileName);
    if (!verdict.ok)
      throw new DomainError('unsupported_media_type', `Not accepted: ${verdict.reason}`, [{ path: 'file', message: verdict.reason }]);
    return { fileName, mediaType: verdict.mediaType, sha256: await sha256Of(upload.tempPath) };
  }

  /**
   * Moves a vetted upload to its place under the attachments directory (`<prefix>/<year>/<id>`),
   * fsynced so that the row written next points to bytes on disk. Returns the storage key.
   */
  async place(upload: UploadedFile, id: string, prefix = ''): Promise<string> {
    const year = String(this.deps.clock.now().getUTCFullYear());
    const storageKey = prefix ? path.join(prefix, year, id) : path.join(year, id);
    const finalPath = path.join(this.directory, storageKey);
    await fs.mkdir(path.dirname(finalPath), { recursive: true });
    await fsyncPath(upload.tempPath);
    await fs.rename(upload.tempPath, finalPath);
    await fsyncPath(path.dirname(finalPath));
    return storageKey;
  }

  /** The file of a storage key, never outside the attachments directory. */
  pathOf(storageKey: string): string | null {
    const filePath = path.join(this.directory, storageKey);
    return filePath.startsWith(path.resolve(this.directory) + path.sep) ? filePath : null;
  }

  async list(actor: Actor, incidentId: string): Promise<AttachmentRecord[]> {
    const incident = await this.incidents.get(actor, incidentId);
    return this.deps.store.attachments.listByIncident(incident.id);
  }

  /** Stores one evidence file; a retry with the same Idempotency-Key and file returns the first. */
  async add(actor: Actor, incidentId: string, upload: UploadedFile, idempotencyKey: string | null = null): Promise<AttachmentRecord> {
    try {
      const incident = await this.incidents.get(actor, incidentId);
      if (!can.attach(actor, incident)) throw forbidden();
      const sha256 = await sha256Of(upload.tempPath);
      const once = new IdempotentRequest<AttachmentRecord>({
        operation: 'attachment.create',
        actor,
        within: incident.id,
        key: idempotencyKey,
        fingerprint: `${sha256}:${upload.originalName}`,
        mismatch: 'This Idempotency-Key was already used for a different file',
        load: (repos, id) => repos.attachments.get(id),
        // The caller was checked against this incident above; the key's file must be one of its files.
        authorise: (attachment) => {
          if (attachment.incidentId !== incident.id) throw notFound('Attachment');
        },
      });
      const earlier = await once.earlier(this.deps.store);
      if (earlier) return earlier.resource;
      const existing = await this.deps.store.attachments.listByIncident(incident.id);
      if (existing.length >= this.limits.maxCount)
        throw new DomainError('unprocessable', `An incident holds at most ${this.limits.maxCount} files`);
      if (upload.size === 0) throw new DomainError('unprocessable', 'The file is empty', [fieldIssue('file', 'file_empty')]);
      const fileName = sanitiseFileName(upload.originalName);
      const verdict = await checkEvidence(upload.tempPath, fileName);
      if (!verdict.ok)
        throw new DomainError('unsupported_media_type', `Not accepted: ${verdict.reason}`, [{ path: 'file', message: verdict.reason }]);

      const id = this.deps.ids();
      const storageKey = await this.place(upload, id);
      const finalPath = path.join(this.directory, storageKey);
      try {
        return await once.orReplay(
          this.deps.store,
          () =>
            commit(this.deps, actor, async (tx, record, at) => {
              const attachment: AttachmentRecord = {
                id,
                incidentId: incident.id,
                fileName,
                storageKey,
                mediaType: verdict.mediaType,
                size: upload.size,
                sha256,
                uploadedBy: actor.id,
                createdAt: at,
              };
              await tx.attachments.insert(attachment);
              await once.remember(tx, id, at);
              await record({
                type: EVENTS.incidentAttachmentAdded,
                entity: 'incident',
                entityId: incident.id,
                incidentId: incident.id,
                version: incident.version,
                data: { attachmentId: id, fileName, size: upload.size, mediaType: verdict.mediaType },
              });
              return attachment;
            }),
          // A retry that won meanwhile: its file stands, this copy goes.
          async (won) => {
            await fs.rm(finalPath, { force: true });
            return won.resource;
          },
        );
      } catch (error) {
        await fs.rm(finalPath, { force: true });
        throw error;
      }
    } finally {
      await fs.rm(upload.tempPath, { force: true });
    }
  }

  /** The file of an attachment, for those who may see its incident. */
  async open(actor: Actor, incidentId: string, attachmentId: string): Promise<{ attachment: AttachmentRecord; filePath: string }> {
    const incident = await this.incidents.get(actor, incidentId);
    const attachment = await this.deps.store.attachments.get(attachmentId);
    if (!attachment || attachment.incidentId !== incident.id) throw notFound('Attachment');
    const filePath = this.pathOf(attachment.storageKey);
    if (!filePath) throw notFound('Attachment');
    return { attachment, filePath };
  }
}
