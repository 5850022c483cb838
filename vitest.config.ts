import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The fault-injection suite has its own command (npm run test:reliability).
    exclude: ['**/node_modules/**', 'test/reliability/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
