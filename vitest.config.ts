import { defineConfig } from 'vitest/config';
import { goldenUpdateMode } from './test/support/golden-update-mode.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Golden files are only written with UPDATE_GOLDEN=1, never in CI.
    update: goldenUpdateMode(process.env),
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
