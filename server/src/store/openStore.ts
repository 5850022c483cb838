import path from 'node:path';
import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqliteStore.js';

/** Picks the adapter from configuration: MongoDB when a URI is given, else the SQLite file. */
export async function openStore(config: { mongodbUri?: string | undefined; dataDir: string }): Promise<Store> {
  if (config.mongodbUri) {
    const { MongoStore } = await import('./mongo/mongoStore.js');
    return MongoStore.connect(config.mongodbUri);
  }
  return SqliteStore.open(path.join(config.dataDir, 'cert-hub.sqlite'));
}
