import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the full fault-injection suite F1–F8 (test/faults/*.faults.ts). */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
