import { defineConfig } from 'vitest/config';
import { goldenUpdateMode } from './test/support/golden-update-mode.js';

/** `npm run test:faults`: the full fault-injection suite F1–F9 (test/faults/*.faults.ts). */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    update: goldenUpdateMode(process.env),
  },
});
