/** SQLite repository of machine-source API keys, found by the hash of the presented key. */
import type { Database as Db } from 'better-sqlite3';
import type { ApiKeyRecord, ApiKeyRepository } from '../port.js';
import { getDoc, selectDocs } from './table.js';

export class SqliteApiKeys implements ApiKeyRepository {
  constructor(private readonly db: Db) {}
  async insert(k: ApiKeyRecord) {
    this.db.prepare('INSERT INTO api_keys (id, key_hash, doc) VALUES (?,?,?)').run(k.id, k.keyHash, JSON.stringify(k));
  }
  async update(k: ApiKeyRecord) {
    this.db.prepare('UPDATE api_keys SET doc = ? WHERE id = ?').run(JSON.stringify(k), k.id);
  }
  async get(id: string) {
    return getDoc<ApiKeyRecord>(this.db, 'api_keys', id);
  }
  async getByHash(keyHash: string) {
    return getDoc<ApiKeyRecord>(this.db, 'api_keys', keyHash, 'key_hash');
  }
  async list() {
    return selectDocs<ApiKeyRecord>(this.db, 'SELECT doc FROM api_keys ORDER BY id');
  }
}
