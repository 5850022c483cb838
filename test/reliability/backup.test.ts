/**
 * `npm run backup` while the hub is under ingest, then `npm run restore` into a new data
 * directory: every report acknowledged before the backup started is in the restored store
 * exactly once, with its evidence file, and a hub started on it serves them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { recordFigures } from './figures.js';
import {
  agencyOf,
  freePort,
  inspectStore,
  prepareDataDir,
  ROOT,
  signInAt,
  startHubProcess,
  startIngest,
  type HubProcess,
} from './harness.js';

const run = promisify(execFile);
const dirs: string[] = [];
const hubs: HubProcess[] = [];
afterAll(async () => {
  for (const hub of hubs) await hub.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const npmScript = (script: string, args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });

it('restores a backup taken under load with every report acknowledged before it', async () => {
  const dataDir = await prepareDataDir();
  const backupRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-backups-'));
  const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-restored-'));
  dirs.push(dataDir, backupRoot, restoredDir);
  const hub = await startHubProcess(dataDir, await freePort());
  hubs.push(hub);
  const token = await signInAt(hub.url, 'focal.a');
  const agencyId = await agencyOf(hub.url, token);

  // One report with an evidence file, so the backup must carry attachments too.
  const first = await fetch(`${hub.url}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'with-evidence' },
    body: JSON.stringify({
      agencyId,
      systemName: 'Cổng',
      title: 'Báo cáo thử độ tin cậy with-evidence',
      category: 'defacement',
      description: 'Có tệp bằng chứng',
      detectedAt: '2026-11-20T08:30:00+07:00',
    }),
  });
  expect(first.status).toBe(201);
  const incidentId = ((await first.json()) as { id: string }).id;
  const form = new FormData();
  form.append('file', new Blob(['nhật ký truy cập 203.0.113.7\n']), 'access.log');
  const uploaded = await fetch(`${hub.url}/api/incidents/${incidentId}/attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
  const attachmentId = ((await uploaded.json()) as { id: string }).id;

  const ingest = startIngest({ url: () => hub.url, token, agencyId, workers: 8, prefix: 'backup' });
  while (ingest.result.acknowledged.size < 300) await new Promise((r) => setTimeout(r, 25));
  const acknowledgedBefore = new Map(ingest.result.acknowledged);
  const started = Date.now();
  const backup = await npmScript('backup', [backupRoot], dataDir);
  const backupMs = Date.now() - started;
  const duringBackup = ingest.result.acknowledged.size - acknowledgedBefore.size;
  const result = await ingest.stop();
  await hub.stop();
  expect(backup.stdout).toMatch(/Backup written to/);
  expect(duringBackup).toBeGreaterThan(0); // the hub really was writing during the backup

  const [backupDir] = fs.readdirSync(backupRoot).map((name) => path.join(backupRoot, name));
  const restore = await npmScript('restore', [backupDir!], restoredDir);
  expect(restore.stdout).toMatch(/Restored the backup/);

  const restored = inspectStore(restoredDir);
  expect(restored.integrity).toBe('ok');
  const missing = [...acknowledgedBefore].filter(([key, id]) => restored.byKey.get(key)?.[0] !== id);
  expect(missing).toEqual([]);
  expect([...restored.byKey].filter(([, ids]) => ids.length > 1)).toEqual([]);
  expect(restored.byKey.get('with-evidence')).toEqual([incidentId]);

  const again = await startHubProcess(restoredDir, await freePort());
  hubs.push(again);
  const tokenAgain = await signInAt(again.url, 'focal.a');
  const file = await fetch(`${again.url}/api/incidents/${incidentId}/attachments/${attachmentId}`, {
    headers: { Authorization: `Bearer ${tokenAgain}` },
  });
  expect(file.status).toBe(200);
  expect(await file.text()).toBe('nhật ký truy cập 203.0.113.7\n');
  const [someKey, someId] = [...acknowledgedBefore][0]!;
  const incident = await fetch(`${again.url}/api/incidents/${someId}`, { headers: { Authorization: `Bearer ${tokenAgain}` } });
  expect(((await incident.json()) as { title: string }).title).toContain(someKey);

  recordFigures('backup', {
    acknowledgedBeforeBackup: acknowledgedBefore.size,
    acknowledgedDuringBackup: duringBackup,
    acknowledgedInTotal: result.acknowledged.size,
    restoredIncidents: restored.incidentCount,
    foundAfterRestore: acknowledgedBefore.size - missing.length,
    backupMs,
  });
});
