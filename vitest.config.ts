import { defineConfig } from 'vitest/config';

const shared = { pool: 'forks' as const, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    reporters: ['default'],
    // One file at a time: the browser and restart tests measure real seconds, and on a 2-core
    // machine a second file's hub and Chromium beside them turned timing into flakes.
    fileParallelism: false,
    projects: [
      {
        test: {
          ...shared,
          name: 'hub',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          // The fault-injection suite has its own command (npm run test:reliability).
          exclude: ['**/node_modules/**', 'test/reliability/**'],
          environment: 'node',
        },
      },
      {
        // Console unit tests: components and hooks in a DOM (jsdom), beside the code.
        test: {
          ...shared,
          name: 'console',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
