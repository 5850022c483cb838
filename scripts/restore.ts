/**
 * `npm run restore -- <backup directory>`: brings a backup made by `npm run backup` back into
 * DATA_DIR. Stop the hub first; the store it replaces is kept beside it, renamed.
 */
import { loadConfig, loadDotEnv } from '../server/src/platform/config.js';
import { restoreStore } from '../server/src/store/sqlite/backup.js';

loadDotEnv();
const config = loadConfig(process.env);
const backupDir = process.argv[2];
if (!backupDir) {
  process.stderr.write('Usage: npm run restore -- <backup directory>   (stop the hub first)\n');
  process.exit(2);
}
const manifest = restoreStore(backupDir, config.dataDir, new Date());
process.stdout.write(
  `Restored the backup of ${manifest.takenAt} into ${config.dataDir}: ${manifest.incidents} incidents, ${manifest.attachments} attachments.\n`,
);
