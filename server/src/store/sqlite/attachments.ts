/** SQLite repository of evidence file records (the bytes live in the attachments directory). */
import type { Database as Db } from 'better-sqlite3';
import type { AttachmentRecord, AttachmentRepository } from '../port.js';
import { getDoc, selectDocs } from './table.js';

export class SqliteAttachments implements AttachmentRepository {
  constructor(private readonly db: Db) {}
  async insert(a: AttachmentRecord) {
    this.db
      .prepare('INSERT INTO attachments (id, incident_id, created_at, doc) VALUES (?,?,?,?)')
      .run(a.id, a.incidentId, a.createdAt, JSON.stringify(a));
  }
  async get(id: string) {
    return getDoc<AttachmentRecord>(this.db, 'attachments', id);
  }
  async listByIncident(incidentId: string) {
    return selectDocs<AttachmentRecord>(this.db, 'SELECT doc FROM attachments WHERE incident_id = ? ORDER BY created_at, id', incidentId);
  }
}
