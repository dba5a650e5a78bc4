import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStaleBuild } from './built-cli.js';

function createProject(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'conecta-built-cli-'));
  for (const [file, mtimeSeconds] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), mtimeSeconds, mtimeSeconds);
  }
  return root;
}

describe('the stale-build guard of tests that spawn the CLI', () => {
  it('accepts a dist/ built after the last source change', () => {
    expect(findStaleBuild(createProject({ 'cli/services/plan.ts': 1_000, 'dist/bundle/conecta.js': 2_000 }))).toBeUndefined();
  });

  it('names the source changed after the build', () => {
    expect(findStaleBuild(createProject({ 'providers/conecta/http-client.ts': 3_000, 'cli/services/plan.ts': 1_000, 'dist/bundle/conecta.js': 2_000 })))
      .toBe(`dist/bundle/ is older than ${join('providers', 'conecta', 'http-client.ts')}`);
  });

  it('refuses a build whose bundle step failed: compiled files newer than the source, the bundle the CLI runs older', () => {
    expect(findStaleBuild(createProject({ 'cli/core/config/check-schedules.ts': 3_000, 'dist/cli/core/config/check-schedules.js': 4_000, 'dist/bundle/conecta.js': 2_000 })))
      .toBe(`dist/bundle/ is older than ${join('cli', 'core', 'config', 'check-schedules.ts')}`);
    expect(findStaleBuild(createProject({ 'cli/services/plan.ts': 1_000, 'dist/cli/services/plan.js': 2_000 }))).toBe('dist/bundle/ is missing');
  });

  it('refuses a missing dist/', () => {
    expect(findStaleBuild(createProject({ 'cli/services/plan.ts': 1_000 }))).toBe('dist/ is missing');
  });

  it('ignores the templates, which the CLI reads from the sources', () => {
    expect(findStaleBuild(createProject({ 'cli/templates/project/conecta.yaml': 3_000, 'cli/templates/github/x.json': 3_000, 'dist/bundle/conecta.js': 2_000 }))).toBeUndefined();
  });
});
