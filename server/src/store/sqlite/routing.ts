/** SQLite repositories for routing rules and upward notifications (JSON documents). */
import type { Database as Db } from 'better-sqlite3';
import type { RoutingRuleRecord, RoutingRuleRepository, UpwardNotificationRecord, UpwardNotificationRepository } from '../routing.js';
import { getDoc, selectDocs } from './table.js';

export class SqliteRoutingRules implements RoutingRuleRepository {
  constructor(private readonly db: Db) {}
  async insert(r: RoutingRuleRecord) {
    this.db
      .prepare('INSERT INTO routing_rules (id, position, version, doc) VALUES (?,?,?,?)')
      .run(r.id, r.position, r.version, JSON.stringify(r));
  }
  async update(r: RoutingRuleRecord, expectedVersion: number) {
    const result = this.db
      .prepare('UPDATE routing_rules SET position=?, version=?, doc=? WHERE id=? AND version=?')
      .run(r.position, r.version, JSON.stringify(r), r.id, expectedVersion);
    return result.changes === 1;
  }
  async get(id: string) {
    return getDoc<RoutingRuleRecord>(this.db, 'routing_rules', id);
  }
  async list() {
    return selectDocs<RoutingRuleRecord>(this.db, 'SELECT doc FROM routing_rules ORDER BY position, id');
  }
  async delete(id: string) {
    return this.db.prepare('DELETE FROM routing_rules WHERE id = ?').run(id).changes === 1;
  }
}

export class SqliteUpwardNotifications implements UpwardNotificationRepository {
  constructor(private readonly db: Db) {}
  async insert(n: UpwardNotificationRecord) {
    this.db
      .prepare('INSERT INTO upward_notifications (id, incident_id, created_at, version, doc) VALUES (?,?,?,?,?)')
      .run(n.id, n.incidentId, n.createdAt, n.version, JSON.stringify(n));
  }
  async update(n: UpwardNotificationRecord, expectedVersion: number) {
    const result = this.db
      .prepare('UPDATE upward_notifications SET version=?, doc=? WHERE id=? AND version=?')
      .run(n.version, JSON.stringify(n), n.id, expectedVersion);
    return result.changes === 1;
  }
  async get(id: string) {
    return getDoc<UpwardNotificationRecord>(this.db, 'upward_notifications', id);
  }
  async listByIncident(incidentId: string) {
    return selectDocs<UpwardNotificationRecord>(
      this.db,
      'SELECT doc FROM upward_notifications WHERE incident_id = ? ORDER BY created_at, id',
      incidentId,
    );
  }
}
