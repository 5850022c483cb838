/** SQLite adapter of the notification inbox, preferences, webhooks and delivery outbox. */
import type { Database as Db } from 'better-sqlite3';
import type {
  DeliveryRecord,
  DeliveryRepository,
  DeliveryStatus,
  NotificationPreferenceRepository,
  NotificationPreferencesRecord,
  NotificationRecord,
  NotificationRepository,
  WebhookRecord,
  WebhookRepository,
} from '../notifications.js';
import type { PageQuery } from '../port.js';
import { docOf, docsOf, keysetPage } from './table.js';

/** Inbox and outbox pages: newest first, by creation time then id. */
const NEWEST_FIRST = { sort: 'created_at', id: 'id', direction: 'DESC' } as const;

export class SqliteNotifications implements NotificationRepository {
  constructor(private readonly db: Db) {}
  async insert(n: NotificationRecord) {
    this.db
      .prepare('INSERT INTO notifications (id, user_id, created_at, read_at, doc) VALUES (?,?,?,?,?)')
      .run(n.id, n.userId, n.createdAt, n.readAt, JSON.stringify(n));
  }
  async get(id: string) {
    const row = this.db.prepare('SELECT doc FROM notifications WHERE id = ?').get(id);
    return docOf<NotificationRecord>(row);
  }
  async listByUser(userId: string, query: PageQuery & { unread?: boolean }) {
    const where = ['user_id = ?'];
    if (query.unread) where.push('read_at IS NULL');
    return keysetPage<NotificationRecord>(this.db, 'notifications', where, [userId], query, NEWEST_FIRST);
  }
  async countUnread(userId: string) {
    return (this.db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number })
      .n;
  }
  async markRead(userId: string, ids: string[] | null, at: string) {
    const filter = ids ? ` AND id IN (${ids.map(() => '?').join(',')})` : '';
    if (ids && ids.length === 0) return 0;
    const r = this.db
      .prepare(`UPDATE notifications SET read_at = ?, doc = json_set(doc, '$.readAt', ?) WHERE user_id = ? AND read_at IS NULL${filter}`)
      .run(at, at, userId, ...(ids ?? []));
    return r.changes;
  }
}

export class SqliteNotificationPreferences implements NotificationPreferenceRepository {
  constructor(private readonly db: Db) {}
  async get(userId: string) {
    const row = this.db.prepare('SELECT doc FROM notification_preferences WHERE user_id = ?').get(userId);
    return docOf<NotificationPreferencesRecord>(row);
  }
  async upsert(p: NotificationPreferencesRecord) {
    this.db
      .prepare('INSERT INTO notification_preferences (user_id, doc) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET doc = excluded.doc')
      .run(p.userId, JSON.stringify(p));
  }
}

export class SqliteWebhooks implements WebhookRepository {
  constructor(private readonly db: Db) {}
  async insert(w: WebhookRecord) {
    this.db.prepare('INSERT INTO webhooks (id, doc) VALUES (?, ?)').run(w.id, JSON.stringify(w));
  }
  async update(w: WebhookRecord) {
    this.db.prepare('UPDATE webhooks SET doc = ? WHERE id = ?').run(JSON.stringify(w), w.id);
  }
  async get(id: string) {
    const row = this.db.prepare('SELECT doc FROM webhooks WHERE id = ?').get(id);
    return docOf<WebhookRecord>(row);
  }
  async list() {
    return docsOf<WebhookRecord>(this.db.prepare('SELECT doc FROM webhooks ORDER BY id').all());
  }
  async remove(id: string) {
    return this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes === 1;
  }
}

export class SqliteDeliveries implements DeliveryRepository {
  constructor(private readonly db: Db) {}
  private write(d: DeliveryRecord, insert: boolean) {
    const args = [d.status, d.attempts, d.nextAttemptAt, d.createdAt, JSON.stringify(d), d.id];
    if (insert)
      this.db.prepare('INSERT INTO deliveries (status, attempts, next_attempt_at, created_at, doc, id) VALUES (?,?,?,?,?,?)').run(...args);
    else this.db.prepare('UPDATE deliveries SET status=?, attempts=?, next_attempt_at=?, created_at=?, doc=? WHERE id=?').run(...args);
  }
  async insert(d: DeliveryRecord) {
    this.write(d, true);
  }
  async get(id: string) {
    const row = this.db.prepare('SELECT doc FROM deliveries WHERE id = ?').get(id);
    return docOf<DeliveryRecord>(row);
  }
  async listDue(now: string, limit: number) {
    return docsOf<DeliveryRecord>(
      this.db
        .prepare(
          `SELECT doc FROM deliveries WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now, limit),
    );
  }
  async nextDueAt() {
    const row = this.db.prepare(`SELECT min(next_attempt_at) AS at FROM deliveries WHERE status IN ('pending', 'sending')`).get();
    return (row as { at: string | null }).at;
  }
  async claim(id: string, attempts: number, now: string, leaseUntil: string) {
    const r = this.db
      .prepare(
        `UPDATE deliveries SET status = 'sending', next_attempt_at = ?,
           doc = json_set(doc, '$.status', 'sending', '$.nextAttemptAt', ?)
         WHERE id = ? AND attempts = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?`,
      )
      .run(leaseUntil, leaseUntil, id, attempts, now);
    return r.changes === 1;
  }
  async finish(d: DeliveryRecord) {
    this.write(d, false);
  }
  async list(query: PageQuery & { status?: DeliveryStatus }) {
    const where: string[] = [];
    const params: string[] = [];
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    return keysetPage<DeliveryRecord>(this.db, 'deliveries', where, params, query, NEWEST_FIRST);
  }
}
