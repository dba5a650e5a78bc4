/**
 * The GitHub Action run as a runner runs it, without GitHub: the action's checkout is a copy of
 * this repository's files (what `git` holds, no dist/, no node_modules), each `run:` step of
 * action.yml goes to `bash --noprofile --norc -eo pipefail` with its `env:` evaluated from the
 * inputs, GITHUB_OUTPUT/GITHUB_STEP_SUMMARY are files read back as the runner reads them, and the
 * inputs come from the `with:` of the workflows `conecta init --github-action` writes. The tenant
 * is the scaffold's `local` environment (the embedded sandbox). The install step runs for real
 * once (npm ci of the checkout and the build); later uses in the same "job" find the build.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtCliPath } from '../support/built-cli.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const ACTION = 'conecta-as-code/conecta-as-code@v1';
const INSTALL_TIMEOUT = 300_000;

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; shell?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface ActionMetadata { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { steps: Step[] } }
interface Workflow { jobs: Record<string, { steps: Step[] }> }
interface ActionRun { isSuccess: boolean; outputs: Record<string, string>; log: string; summary: string }

/** The parent's environment without npm's, GitHub's or conecta's variables. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => {
    const lower = key.toLowerCase();
    if (lower.startsWith('conecta_') || lower.startsWith('github_') || lower.startsWith('runner_') || lower === 'init_cwd') return false;
    return !lower.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(lower);
  });
  return { ...Object.fromEntries(kept), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true', ...extra };
}

/** Parses GITHUB_OUTPUT as the runner does: `name=value` lines (the action writes no multi-line values). */
function readOutputs(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

let work: string;
let actionPath: string;
let scaffold: string;
let action: ActionMetadata;
let installLog: string;

/**
 * Runs action.yml's steps with these inputs in `workspace`, as a composite action: `${{ inputs.X }}`
 * and `${{ github.action_path }}` evaluated in each step's env, a step's `if:` on node-version
 * honoured (the setup-node step itself is GitHub's; it is not run here), outputs mapped through
 * action.yml's `outputs:`.
 */
async function runAction(inputs: Record<string, unknown>, env: Record<string, string> = {}): Promise<ActionRun> {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] === undefined ? (input.default ?? '') : String(inputs[name])]));
  const evaluate = (text: string) => text
    .replace(/\$\{\{\s*github\.action_path\s*\}\}/g, actionPath)
    .replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`action.yml reads an undeclared input ${name}`);
      return values[name]!;
    });
  const runnerTemp = await mkdtemp(join(work, 'step-'));
  const summaryFile = join(runnerTemp, 'summary.md');
  await writeFile(summaryFile, '');
  const stepOutputs: Record<string, Record<string, string>> = {};
  let log = '';
  let isSuccess = true;
  for (const step of action.runs.steps) {
    if (step.uses !== undefined) {
      expect(step.if, `${step.name} runs only when asked`).toBe("inputs.node-version != ''");
      continue;
    }
    expect(step.shell).toBe('bash');
    const outputFile = join(runnerTemp, `${step.id ?? 'step'}-output`);
    await writeFile(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value)]));
    const outcome = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: scaffold,
      env: cleanEnv({ ...env, ...stepEnv, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: scaffold, GITHUB_ACTION_PATH: actionPath, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile }),
      maxBuffer: 64 * 1024 * 1024,
    }).then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number; stdout: string; stderr: string }) => error);
    log += `${outcome.stdout}${outcome.stderr}`;
    if (step.id) stepOutputs[step.id] = readOutputs(await readFile(outputFile, 'utf8'));
    if (outcome.code !== 0) {
      isSuccess = false;
      break;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, { value }]) => {
    const [, id, key] = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(value)!;
    return [name, stepOutputs[id!]?.[key!] ?? ''];
  }));
  return { isSuccess, outputs, log, summary: await readFile(summaryFile, 'utf8') };
}

/** The `with:` and `env:` of the step using the action in a generated workflow, for the `local` environment and without secrets. */
async function workflowStep(file: string, job: string, name: string): Promise<{ inputs: Record<string, unknown>; env: Record<string, string> }> {
  const workflow = parse(await readFile(join(scaffold, '.github/workflows', file), 'utf8')) as Workflow;
  const step = workflow.jobs[job]!.steps.find((candidate) => candidate.name === name && candidate.uses === ACTION);
  if (!step) throw new Error(`${file}: no step ${name} using ${ACTION} in job ${job}`);
  const expression = (value: unknown) => String(value).replace(/\$\{\{\s*matrix\.environment\s*\}\}/g, 'local').replace(/\$\{\{\s*secrets\.[A-Z_]+\s*\}\}/g, '');
  return {
    inputs: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, expression(value)])),
    env: Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expression(value)])),
  };
}

beforeAll(async () => {
  const cli = builtCliPath();
  work = await mkdtemp(join(tmpdir(), 'conecta-action-'));
  action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as ActionMetadata;
  // The action's checkout: the repository's files as git sees them (committed or not, never ignored ones).
  actionPath = join(work, 'action');
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(actionPath, file)), { recursive: true });
    await copyFile(join(root, file), join(actionPath, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree, not yet in the index
    });
  }
  const init = await run(process.execPath, [cli, 'init', 'tenant', '--github-action', ACTION, '--ci', 'github', '--json'], { cwd: work, env: cleanEnv({ NO_COLOR: '1' }) });
  scaffold = (JSON.parse(init.stdout) as { dir: string }).dir;
  // The first use installs the CLI; the validate job is the first job of the workflow.
  const started = Date.now();
  const { inputs } = await workflowStep('conecta.yml', 'validate', 'Validate every environment');
  const first = await runAction(inputs);
  installLog = `${first.log}\ninstall and validate took ${Date.now() - started} ms`;
  expect(first, installLog).toMatchObject({ isSuccess: true, outputs: { 'exit-code': '0' } });
}, INSTALL_TIMEOUT);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the conecta-as-code action, its steps run as a runner runs them', () => {
  it('installs the CLI from its own checkout (no registry for the CLI) and validates every environment', () => {
    expect(installLog).toMatch(/^conecta-as-code\/\d+\.\d+\.\d+ /m);
    expect(installLog).toContain('Configuration is valid.');
  });

  it('plans the pull request: the Markdown cut by the CLI, the saved plan, the whole plan in the job summary, has-changes true', async () => {
    const { inputs, env } = await workflowStep('conecta.yml', 'plan', 'Plan');
    const result = await runAction(inputs, env);
    expect(result.log).toContain('conecta CLI already built');
    expect(result.outputs).toEqual({ 'exit-code': '2', 'has-changes': 'true', 'markdown-file': join(scaffold, 'plan.md'), 'plan-file': join(scaffold, 'plan.json'), 'report-file': '' });
    expect(await readFile(join(scaffold, 'plan.md'), 'utf8')).toContain('9 to create');
    expect(result.summary).toContain('### Conecta plan for');
    expect(JSON.parse(await readFile(join(scaffold, 'plan.json'), 'utf8'))).toMatchObject({ summary: { create: 9 } });
  });

  it('applies on merge, writes the report, and the nightly drift plan then finds nothing to change', async () => {
    const applyStep = await workflowStep('conecta.yml', 'apply', 'Apply');
    const applied = await runAction(applyStep.inputs, applyStep.env);
    expect(applied.isSuccess, applied.log).toBe(true);
    expect(applied.outputs).toMatchObject({ 'exit-code': '0', 'report-file': join(scaffold, 'apply.txt') });
    expect(await readFile(join(scaffold, 'apply.txt'), 'utf8')).toContain('Apply complete: 9 applied, 0 failed');
    const driftStep = await workflowStep('conecta-drift.yml', 'drift', 'Plan');
    const drift = await runAction(driftStep.inputs, driftStep.env);
    expect(drift.outputs).toMatchObject({ 'exit-code': '0', 'has-changes': 'false' });
  });

  it('fails the step with the CLI\'s exit code when the plan fails, and names the problem', async () => {
    const result = await runAction({ command: 'plan', environment: 'staging' });
    expect(result.isSuccess).toBe(false);
    expect(result.outputs['exit-code']).toBe('1');
    expect(result.outputs['has-changes']).toBe('');
    expect(result.log).toContain('staging');
  });

  it('refuses a command it does not know, with an error annotation', async () => {
    const result = await runAction({ command: 'destroy' });
    expect(result.isSuccess).toBe(false);
    expect(result.log).toContain("::error::command must be validate, plan or apply, not 'destroy'");
  });
});
