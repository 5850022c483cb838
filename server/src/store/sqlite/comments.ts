/** SQLite repository of incident comments, in their position order (timestamps can tie). */
import type { Database as Db } from 'better-sqlite3';
import type { CommentRecord, CommentRepository } from '../port.js';
import { selectDocs } from './table.js';

export class SqliteComments implements CommentRepository {
  constructor(private readonly db: Db) {}
  async insert(c: CommentRecord) {
    this.db
      .prepare('INSERT INTO comments (id, incident_id, position, doc) VALUES (?,?,?,?)')
      .run(c.id, c.incidentId, c.position, JSON.stringify(c));
  }
  async listByIncident(incidentId: string) {
    return selectDocs<CommentRecord>(this.db, 'SELECT doc FROM comments WHERE incident_id = ? ORDER BY position', incidentId);
  }
}
