import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('the production server', () => {
  it('compiles to JavaScript and starts with plain node on an empty embedded store', async () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-server.ts'], { cwd: root });
    const main = path.join(root, 'server/dist/main.js');
    expect(fs.existsSync(main)).toBe(true);
    expect(fs.readFileSync(main, 'utf8')).not.toMatch(/from ["']@cert-hub\/shared["']/); // shared is compiled in

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-compiled-'));
    const port = await freePort();
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      // The first start prints its one-time setup link once it listens.
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('/setup?token=')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
      });
      expect(output).toContain(`http://localhost:${port}/setup?token=`);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite', setupRequired: true });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
