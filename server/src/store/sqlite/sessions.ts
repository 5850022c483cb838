/** SQLite repository of refresh sessions: plain columns (no doc), so rotation and revocation are single conditional UPDATEs. */
import type { Database as Db } from 'better-sqlite3';
import type { SessionRecord, SessionRepository } from '../port.js';

type SessionRow = {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  session_epoch: number;
  expires_at: string;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
};
const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  familyId: r.family_id,
  tokenHash: r.token_hash,
  sessionEpoch: r.session_epoch,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  rotatedAt: r.rotated_at,
  revokedAt: r.revoked_at,
  userAgent: r.user_agent,
  ip: r.ip,
});

export class SqliteSessions implements SessionRepository {
  constructor(private readonly db: Db) {}
  async insert(s: SessionRecord) {
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, family_id, token_hash, session_epoch, expires_at, created_at, rotated_at, revoked_at, user_agent, ip)
         VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(s.id, s.userId, s.familyId, s.tokenHash, s.sessionEpoch, s.expiresAt, s.createdAt, s.rotatedAt, s.revokedAt, s.userAgent, s.ip);
  }
  async get(id: string) {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }
  async getByTokenHash(tokenHash: string) {
    const r = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }
  async markRotated(id: string, at: string) {
    const r = this.db.prepare('UPDATE sessions SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL').run(at, id);
    return r.changes === 1;
  }
  async revoke(id: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
  }
  async revokeFamily(familyId: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at, familyId);
  }
  async revokeAllForUser(userId: string, at: string) {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(at, userId);
  }
}
