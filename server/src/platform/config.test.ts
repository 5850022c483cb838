import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-config-'));

describe('configuration', () => {
  it('starts with defaults and keeps a generated signing secret across restarts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({ port: 8080, env: 'development', mongodbUri: undefined, bcryptCost: 12, cookieSecure: false });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), MONGODB_URI: '', JWT_SECRET: '', PUBLIC_URL: '', COOKIE_SECURE: '' });
    expect(config.mongodbUri).toBeUndefined();
  });

  it('explains every wrong value at once', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', BCRYPT_COST: '8', MONGODB_URI: 'postgres://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('BCRYPT_COST');
      expect(message).toContain('MONGODB_URI');
    }
  });

  it('requires a real JWT secret in production and secures cookies there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: 'x'.repeat(40) });
    expect(config.cookieSecure).toBe(true);
  });
});
