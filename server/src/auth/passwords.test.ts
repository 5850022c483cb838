import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { createTestHub, TEST_BCRYPT_COST } from '../testing/testHub.js';
import { bcryptHasher } from './passwords.js';

describe('bcrypt cost', () => {
  it('tests hash at cost 4, so the suite is not spent in bcrypt', async () => {
    const hub = createTestHub();
    try {
      expect(TEST_BCRYPT_COST).toBe(4);
      const hash = await hub.deps.hasher.hash('Demo@12345');
      expect(hash.startsWith('$2b$04$')).toBe(true);
      expect(await hub.deps.hasher.verify('Demo@12345', hash)).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('production keeps at least 12', async () => {
    const config = loadConfig({ DATA_DIR: hubDir() });
    expect(config.bcryptCost).toBeGreaterThanOrEqual(12);
    expect(() => loadConfig({ DATA_DIR: hubDir(), BCRYPT_COST: '4' })).toThrow(/BCRYPT_COST/);
    expect((await bcryptHasher(config.bcryptCost).hash('Demo@12345')).startsWith('$2b$12$')).toBe(true);
  });
});

const hubDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-bcrypt-'));
