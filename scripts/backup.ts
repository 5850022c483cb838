/**
 * `npm run backup -- [destination]`: a consistent online backup of the SQLite store and the
 * attachments while the hub runs (default destination: DATA_DIR/../backups). For MongoDB
 * use `mongodump --oplog` on the replica set instead (README, Backups).
 */
import path from 'node:path';
import { loadConfig, loadDotEnv } from '../server/src/platform/config.js';
import { backupStore } from '../server/src/store/sqlite/backup.js';

loadDotEnv();
const config = loadConfig(process.env);
if (config.mongodbUri) {
  process.stderr.write('This hub stores its data in MongoDB: back it up with `mongodump --oplog` (see README, Backups).\n');
  process.exit(2);
}
const destination = path.resolve(process.argv[2] ?? path.join(config.dataDir, '..', 'backups'));
const { dir, manifest } = await backupStore(config.dataDir, destination, new Date());
process.stdout.write(
  `Backup written to ${dir}\n  ${manifest.incidents} incidents, ${manifest.attachments} attachments, integrity ${manifest.integrity}\n`,
);
