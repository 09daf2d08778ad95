import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // One real PostgreSQL for the run, for the team workspace's tests (test/support/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
