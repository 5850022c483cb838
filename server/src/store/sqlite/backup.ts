/**
 * Online backup and restore of the embedded store (issue #13). The database is copied with
 * SQLite's backup API from its own read connection, so it is one consistent snapshot while
 * the hub keeps writing; attachments are copied after it, and because an attachment's file
 * is fsynced before its row commits, every row in the snapshot finds its file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const STORE_FILE = 'cert-hub.sqlite';
export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: 'cert-hub-sqlite-backup';
  takenAt: string;
  schemaVersion: number;
  incidents: number;
  attachments: number;
  integrity: string;
}

const countOf = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function copyTree(from: string, to: string, skip: (name: string) => boolean): number {
  if (!fs.existsSync(from)) return 0;
  let copied = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copied += copyTree(source, target, () => false);
    else if (entry.isFile() && !fs.existsSync(target)) {
      fs.copyFileSync(source, target);
      copied += 1;
    }
  }
  return copied;
}

/** Backs up DATA_DIR into a new directory under `destinationRoot`; returns that directory. */
export async function backupStore(dataDir: string, destinationRoot: string, now: Date): Promise<{ dir: string; manifest: BackupManifest }> {
  const source = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(source)) throw new Error(`no store at ${source}`);
  const dir = path.join(destinationRoot, `cert-hub-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, STORE_FILE);
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    // After the first step, copy everything else in one step: a write by the hub between
    // steps restarts the copy, and one step is one read transaction, so it cannot restart.
    await db.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  let manifest: BackupManifest;
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file
    const integrity = (copy.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    manifest = {
      format: 'cert-hub-sqlite-backup',
      takenAt: now.toISOString(),
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      incidents: countOf(copy, 'incidents'),
      attachments: countOf(copy, 'attachments'),
      integrity,
    };
  } finally {
    copy.close();
  }
  if (manifest.integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${manifest.integrity}`);
  copyTree(path.join(dataDir, 'attachments'), path.join(dir, 'attachments'), (name) => name === 'incoming');
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest };
}

/**
 * Restores a backup into DATA_DIR. The hub must be stopped. An existing store is kept
 * beside it (`cert-hub.sqlite.before-restore-<time>`) rather than overwritten.
 */
export function restoreStore(backupDir: string, dataDir: string, now: Date): BackupManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== 'cert-hub-sqlite-backup') throw new Error(`${backupDir} is not a CERT Hub backup`);
  const source = new Database(path.join(backupDir, STORE_FILE), { readonly: true, fileMustExist: true });
  try {
    const integrity = source.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') throw new Error(`the backup is damaged: ${integrity}`);
  } finally {
    source.close();
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, STORE_FILE);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (fs.existsSync(target)) fs.renameSync(target, `${target}.before-restore-${stamp}`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(path.join(backupDir, STORE_FILE), target);
  copyTree(path.join(backupDir, 'attachments'), path.join(dataDir, 'attachments'), () => false);
  return manifest;
}
