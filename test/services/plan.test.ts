import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createStyle } from '../../cli/core/render/style.js';
import { readPlanFile } from '../../cli/io/plan-file.js';
import { createJsonReporter } from '../../cli/io/reporter-json.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { runPlan } from '../../cli/services/plan.js';
import { createRedactor } from '../../cli/io/redactor.js';

type PlanFormat = 'text' | 'json' | 'markdown';

const example = resolve('examples/acme-contact-center');

function aSink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

async function planAgainstSandbox(paths: string[], format: PlanFormat, extra: { out?: string } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'conecta-plan-'));
  const stdout = aSink();
  const stderr = aSink();
  const mask = (text: string) => text;
  const reporter = format === 'json'
    ? createJsonReporter({ stdout, stderr, isVerbose: false, mask })
    : createTerminalReporter({ stdout, stderr, style: createStyle(false), isVerbose: false, isLiveProgress: false, mask });
  const outcome = await runPlan({ redactor: createRedactor(),
    targetOptions: { cwd: dir, paths, env: { CONECTA_SANDBOX_DATA: join(dir, 'sandbox.json') } }, ...extra, cwd: dir, reporter,
  });
  reporter.result({ command: 'plan', plan: outcome.plan, format: format === 'markdown' ? 'markdown' : 'text' });
  return { dir, outcome, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runPlan against the local sandbox', () => {
  test('plans every object of the example as a create, naming the sandbox on stdout and stderr', async () => {
    const { outcome, stdout, stderr } = await planAgainstSandbox([example], 'text');
    expect(stderr).toMatch(/^Using the local sandbox at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/^Target: local sandbox \(http:\/\/127\.0\.0\.1:\d+\)/);
    expect(outcome.hasChanges).toBe(true);
    expect(outcome.plan.summary.update).toBe(0);
    expect(outcome.plan.summary.delete).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Plan: ${outcome.plan.summary.create} to create, 0 to update, 0 to delete; 1 not managed.`);
  });

  test('prints the versioned JSON plan on stdout only', async () => {
    const { stdout } = await planAgainstSandbox([example], 'json');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['formatVersion', 'target', 'summary', 'safety', 'changes', 'unmanaged', 'unsupported', 'warnings', 'fingerprints']);
    expect(json.target.isSandbox).toBe(true);
  });

  test('saves the plan with --out for apply --plan', async () => {
    const { dir, outcome, stderr } = await planAgainstSandbox([example], 'markdown', { out: 'plan.json' });
    const saved = await readPlanFile(join(dir, 'plan.json'));
    expect(saved.layers).toEqual([[example]]);
    expect(saved.isPruned).toBe(false);
    expect(saved.plan.fingerprints.config).toBe(outcome.plan.fingerprints.config);
    expect(stderr).toContain('conecta apply --plan plan.json');
  });

  test('says there is nothing to do when the tenant matches the config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-config-'));
    await writeFile(join(dir, 'conecta.yaml'), 'version: 1\n');
    const { outcome, stdout } = await planAgainstSandbox([dir], 'text');
    expect(outcome.hasChanges).toBe(false);
    expect(stdout).toContain('No changes. The tenant matches the configuration.');
  });
});

describe('runPlan reads the tenant while the config loads', () => {
  test('reports the config\'s errors, not the unreachable tenant\'s, when both fail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-plan-'));
    await writeFile(join(dir, 'config.yaml'), 'version: 1\nteams:\n  - name: SAC\n    closingMesage: Tchau\n');
    const stderr = aSink();
    const reporter = createJsonReporter({ stdout: aSink(), stderr, isVerbose: false, mask: (text: string) => text });
    // Port 9 (discard) on loopback refuses connections: the reads fail fast, and after the config.
    const planning = runPlan({ redactor: createRedactor(), targetOptions: { cwd: dir, paths: [dir], env: { CONECTA_URL: 'http://127.0.0.1:9', CONECTA_TOKEN: 'token' } }, cwd: dir, reporter });
    await expect(planning).rejects.toMatchObject({ code: 'CONFIG_UNKNOWN_KEY', diagnostics: [expect.objectContaining({ code: 'CONFIG_UNKNOWN_KEY' })] });
  });
});
