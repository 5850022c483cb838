/** MongoDB repository of evidence file records (the bytes live in the attachments directory). */
import type { ClientSession } from 'mongoose';
import type { AttachmentRecord, AttachmentRepository } from '../port.js';
import { toRecord, withId, type StoredDoc } from './collection.js';
import type { Models } from './models.js';

export function mongoAttachments(models: Models, session: ClientSession | undefined): AttachmentRepository {
  return {
    async insert(a) {
      await models.Attachment.create([withId(a)], { session });
    },
    async get(id) {
      return toRecord<AttachmentRecord>(
        await models.Attachment.findById(id)
          .session(session ?? null)
          .lean<StoredDoc>(),
      );
    },
    async listByIncident(incidentId) {
      const docs = await models.Attachment.find({ incidentId })
        .sort({ createdAt: 1, _id: 1 })
        .session(session ?? null)
        .lean<StoredDoc[]>();
      return docs.map((d) => toRecord<AttachmentRecord>(d)!);
    },
  };
}
