/** MongoDB repository of evidence file records (the bytes live in the attachments directory). */
import type { ClientSession } from 'mongoose';
import type { AttachmentRecord, AttachmentRepository } from '../port.js';
import { findDoc, findDocs, toRecord, withId } from './collection.js';
import type { Models } from './models.js';

export function mongoAttachments(models: Models, session: ClientSession | undefined): AttachmentRepository {
  return {
    async insert(a) {
      await models.Attachment.create([withId(a)], { session });
    },
    get: async (id) => toRecord<AttachmentRecord>(await findDoc(models.Attachment, { _id: id }, session)),
    listByIncident: async (incidentId) =>
      (await findDocs(models.Attachment, { incidentId }, { createdAt: 1, _id: 1 }, session)).map((d) => toRecord<AttachmentRecord>(d)!),
  };
}
