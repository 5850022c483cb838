import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: faults and recovery against real hub processes (issue #13). */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One file at a time: each starts hub processes and loads the disk.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
