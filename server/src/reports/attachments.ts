/**
 * Files attached to an agency's answer in a reporting round. Accepted, stored and served
 * exactly as incident evidence is (the evidence service vets and places the bytes); visible
 * to the people who follow the round and to that agency's focal points only. Once the answer
 * is submitted it is final: no file is added after it.
 */
import fs from 'node:fs/promises';
import { EVENTS } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { AttachmentService, UploadedFile } from '../incidents/attachments.js';
import { conflict, DomainError, forbidden, notFound } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { ReportAttachmentRecord, ReportRoundRecord } from '../store/port.js';
import { reportPolicy } from './policy.js';

export class ReportAttachmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly files: AttachmentService,
  ) {}

  get limits() {
    return this.files.limits;
  }

  uploadDirectory(): Promise<string> {
    return this.files.uploadDirectory();
  }

  private async round(actor: Actor, roundId: string): Promise<ReportRoundRecord> {
    const round = await this.deps.store.reportRounds.get(roundId);
    if (!round || !reportPolicy.read(actor, round)) throw notFound('Report round');
    return round;
  }

  /** Followers see every agency's files; a focal point only its own agency's. */
  async list(actor: Actor, roundId: string): Promise<ReportAttachmentRecord[]> {
    const round = await this.round(actor, roundId);
    return this.deps.store.reportAttachments.listByRound(round.id, reportPolicy.follow(actor) ? undefined : actor.agencyId!);
  }

  async add(actor: Actor, roundId: string, upload: UploadedFile): Promise<ReportAttachmentRecord> {
    try {
      const round = await this.round(actor, roundId);
      if (!reportPolicy.submit(actor, round) || !actor.agencyId)
        throw forbidden('Only the agency’s focal point attaches files to its report');
      const agencyId = actor.agencyId;
      const submitted = async () => (await this.deps.store.reportSubmissions.get(round.id, agencyId))?.submittedAt ?? null;
      const already = await submitted();
      if (already) throw conflict('This report was already submitted', { submittedAt: already });
      const existing = await this.deps.store.reportAttachments.listByRound(round.id, agencyId);
      if (existing.length >= this.files.limits.maxCount)
        throw new DomainError('unprocessable', `A report holds at most ${this.files.limits.maxCount} files`);
      const vetted = await this.files.vet(upload);
      const id = this.deps.ids();
      const storageKey = await this.files.place(upload, id, 'reports');
      try {
        return await commit(this.deps, actor, async (tx, record, at) => {
          // Checked again in the transaction: a submission that landed meanwhile makes it final.
          const now = await tx.reportSubmissions.get(round.id, agencyId);
          if (now?.submittedAt) throw conflict('This report was already submitted', { submittedAt: now.submittedAt });
          const attachment: ReportAttachmentRecord = {
            id,
            roundId: round.id,
            agencyId,
            fileName: vetted.fileName,
            storageKey,
            mediaType: vetted.mediaType,
            size: upload.size,
            sha256: vetted.sha256,
            uploadedBy: actor.id,
            createdAt: at,
          };
          await tx.reportAttachments.insert(attachment);
          await record({
            type: EVENTS.reportAttachmentAdded,
            entity: 'report_round',
            entityId: round.id,
            data: { agencyId, attachmentId: id, fileName: vetted.fileName, size: upload.size, mediaType: vetted.mediaType },
          });
          return attachment;
        });
      } catch (error) {
        const stored = this.files.pathOf(storageKey);
        if (stored) await fs.rm(stored, { force: true });
        throw error;
      }
    } finally {
      await fs.rm(upload.tempPath, { force: true });
    }
  }

  /** The file, for those who may see it; anyone else is told it does not exist. */
  async open(actor: Actor, roundId: string, attachmentId: string): Promise<{ attachment: ReportAttachmentRecord; filePath: string }> {
    const round = await this.round(actor, roundId);
    const attachment = await this.deps.store.reportAttachments.get(attachmentId);
    if (!attachment || attachment.roundId !== round.id) throw notFound('Attachment');
    if (!reportPolicy.follow(actor) && attachment.agencyId !== actor.agencyId) throw notFound('Attachment');
    const filePath = this.files.pathOf(attachment.storageKey);
    if (!filePath) throw notFound('Attachment');
    return { attachment, filePath };
  }
}
