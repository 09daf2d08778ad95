import { defineConfig } from 'vitest/config';

// Benchmarks print figures; they assert nothing about speed. Run with `npm run bench:ingest`.
export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 600_000,
    silent: false,
  },
});
