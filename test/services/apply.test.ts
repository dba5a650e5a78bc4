import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLayeredConfig } from '../../bench/layered-config.js';
import { createStyle } from '../../cli/core/render/style.js';
import { createRefusingPrompter, type Prompter } from '../../cli/io/prompter.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { runApply, type ApplyOptions } from '../../cli/services/apply.js';
import { startSandbox, type SandboxOptions } from '../../providers/sandbox/index.js';
import { createRedactor } from '../../cli/io/redactor.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: 3, ...options });
  sandboxes.push(sandbox);
  return sandbox;
}

function createProject(config: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-apply-'));
  writeFileSync(join(cwd, 'tenant.yaml'), config);
  return cwd;
}

function createSink(onWrite?: (text: string) => void): Writable & { text(): string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      onWrite?.(String(chunk));
      done();
    },
  });
  return Object.assign(sink, { text: () => chunks.join('') });
}

const refusingPrompter: Prompter = { isInteractive: false, ask: () => Promise.reject(new Error('must not ask')) };

type Sink = ReturnType<typeof createSink>;

/** The service as `conecta apply` runs it when stdout and stderr are not terminals: the terminal reporter, no live line. */
async function apply(sandbox: Sandbox, cwd: string, overrides: Partial<ApplyOptions> & { stdout?: Sink; stderr?: Sink } = {}) {
  const { stdout = createSink(), stderr = createSink(), ...options } = overrides;
  const reporter = createTerminalReporter({ stdout, stderr, style: createStyle(false), isVerbose: false, isLiveProgress: false, mask: (text) => text });
  const outcome = await runApply({ redactor: createRedactor(),
    targetOptions: { cwd, paths: [cwd], env: { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token } }, cwd,
    isAutoApproved: true, isForced: false, parallelism: 8, prompter: refusingPrompter, reporter,
    ...options,
  });
  reporter.result({ command: 'apply', outcome });
  return { outcome, stdout: stdout.text(), stderr: stderr.text() };
}

function countDuplicates(sandbox: Sandbox): number {
  return Object.values(sandbox.audit().duplicates).reduce((sum, keys) => sum + (keys?.length ?? 0), 0);
}

describe('runApply against the sandbox', () => {
  it('creates every object in dependency order, after which a fresh plan has no changes', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 5 }));
    const first = await apply(sandbox, cwd);
    expect(first.outcome.status).toBe('applied');
    expect(first.outcome.result?.counts).toEqual({ applied: 20, failed: 0, unknown: 0, skipped: 0, notStarted: 0 });
    // Not a terminal: each step is written once, as it finishes, on stdout; the report adds only the summary.
    expect(first.stdout).toMatch(/^✓ created team\.bench team 0000 \(\d+ ms\)$/m);
    expect(first.stdout.match(/created team\.bench team 0000\b/g)).toHaveLength(1);
    expect(first.stderr).not.toContain('created team.bench team 0000');
    expect(first.stdout).toContain('Apply complete: 20 applied, 0 failed, 0 skipped, 0 not started');

    const second = await apply(sandbox, cwd, { isAutoApproved: false });
    expect(second.outcome.status).toBe('no-changes');
    expect(second.outcome.plan.changes).toEqual([]);
    expect(second.stdout).toContain('No changes.');
  });

  it('refuses to apply without a terminal to ask unless --auto-approve is given, before any write', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 2 }));
    await expect(apply(sandbox, cwd, { isAutoApproved: false })).rejects.toMatchObject({ code: 'APPLY_NEEDS_APPROVAL', hint: expect.stringContaining('--auto-approve') });
    expect(sandbox.audit().writes).toBe(0);
  });

  it('says why it cannot ask when the prompter refuses (apply --json), before any write', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 1 }));
    const prompter = createRefusingPrompter('apply --json cannot ask for approval.');
    await expect(apply(sandbox, cwd, { isAutoApproved: false, prompter })).rejects.toMatchObject({ code: 'APPLY_NEEDS_APPROVAL', message: 'apply --json cannot ask for approval.' });
    expect(sandbox.audit().writes).toBe(0);
  });

  it('applies only when the person at the terminal answers "yes"', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 2 }));
    const answering = (answer: string): Prompter => ({ isInteractive: true, ask: async () => answer });
    await expect(apply(sandbox, cwd, { isAutoApproved: false, prompter: answering('y') })).rejects.toMatchObject({ code: 'APPLY_CANCELLED' });
    expect(sandbox.audit().writes).toBe(0);
    const { outcome } = await apply(sandbox, cwd, { isAutoApproved: false, prompter: answering('yes') });
    expect(outcome.result?.counts.applied).toBe(8);
  });

  it('at a 10 % 5xx rate never re-sends a create: those answered 5xx end "outcome unknown" (exit 1), and the next apply converges without a duplicate', async () => {
    const sandbox = await createSandbox({ failRate: 0.1, failStatuses: [502, 503, 504], seed: 11, enforceUniqueKeys: false });
    const cwd = createProject(generateLayeredConfig({ perLevel: 15 }));
    const env = { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_SETTLE: '200ms' };
    const first = await apply(sandbox, cwd, { targetOptions: { cwd, paths: [cwd], env } });
    const unknown = first.outcome.result!.steps.filter((step) => step.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((step) => step.action === 'create' && step.error?.code === 'PROVIDER_OUTCOME_UNKNOWN')).toBe(true);
    expect(first.outcome.status).toBe('incomplete');
    expect(first.stdout).toContain(`${unknown.length} outcome unknown`);
    expect(first.stdout).toMatch(/^\? outcome unknown: create /m);
    sandbox.setFaults({ failRate: 0 });
    // The re-run creates what did not land: a large share of some kinds, which the safety threshold counts.
    const second = await apply(sandbox, cwd, { targetOptions: { cwd, paths: [cwd], env }, isForced: true });
    expect(second.stderr).toContain('with an unknown outcome');
    expect(second.outcome.status).toBe('applied');
    expect((await apply(sandbox, cwd)).outcome.plan.changes).toEqual([]);
    expect(countDuplicates(sandbox)).toBe(0);
  });

  it('leaves no duplicates when writes are stored but answered 504 (ghost writes)', async () => {
    const sandbox = await createSandbox({ ghostWriteRate: 0.2, seed: 5, enforceUniqueKeys: false });
    const cwd = createProject(generateLayeredConfig({ perLevel: 10 }));
    await apply(sandbox, cwd);
    sandbox.setFaults({ ghostWriteRate: 0 });
    await apply(sandbox, cwd);
    expect(countDuplicates(sandbox)).toBe(0);
    expect((await apply(sandbox, cwd)).outcome.plan.changes).toEqual([]);
  });

  it('reports failed steps with the API message, skips their dependents and exits 1', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 2 }));
    // Once the plan is shown (after the refresh), every write is refused.
    const stdout = createSink(() => sandbox.setFaults({ failRate: 1, failStatuses: [422] }));
    const { outcome } = await apply(sandbox, cwd, { stdout });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.notApplied).toBe(8);
    const failed = outcome.result!.steps.find((step) => step.status === 'failed')!;
    expect(failed.error?.message).toMatch(/HTTP 422/);
    const skipped = outcome.result!.steps.filter((step) => step.status === 'skipped');
    expect(skipped.map((step) => step.kind)).toEqual(['team', 'team', 'user-group', 'user-group', 'administrator', 'administrator']);
    // Not a terminal: each failed step is printed once, as it fails, and the report ends with the summary.
    expect(stdout.text().split('\n').filter((line) => line.startsWith('✗ failed to'))).toHaveLength(2);
    expect(stdout.text()).not.toContain('Failed (2):');
    expect(stdout.text()).toContain('Apply incomplete: 0 applied, 2 failed, 6 skipped, 0 not started');
  });

  it('stops starting steps once aborted, lets the ones in flight finish, exits 130, and a re-run converges', async () => {
    const sandbox = await createSandbox({ latencyMs: 10 });
    const cwd = createProject(generateLayeredConfig({ perLevel: 10 }));
    const controller = new AbortController();
    let finished = 0;
    const stdout = createSink((text) => {
      if (text.startsWith('✓') && ++finished === 5) controller.abort();
    });
    const { outcome } = await apply(sandbox, cwd, { signal: controller.signal, stdout, parallelism: 2 });
    expect(outcome.status).toBe('interrupted');
    expect(outcome.result?.isInterrupted).toBe(true);
    expect(outcome.result!.counts.notStarted).toBeGreaterThan(0);
    expect(outcome.result!.counts.applied).toBeLessThanOrEqual(6);
    expect(sandbox.audit().writes).toBe(outcome.result!.counts.applied);

    expect((await apply(sandbox, cwd)).outcome.status).toBe('applied');
    expect((await apply(sandbox, cwd)).outcome.plan.changes).toEqual([]);
  });

  it('refuses a second apply from the same project against the same target while the first runs, naming it', async () => {
    const sandbox = await createSandbox({ latencyMs: 5 });
    const cwd = createProject(generateLayeredConfig({ perLevel: 10 }));
    const runs = await Promise.allSettled([apply(sandbox, cwd), apply(sandbox, cwd)]);
    expect(runs.filter((run) => run.status === 'fulfilled').map((run) => run.value.outcome.status)).toEqual(['applied']);
    const refused = runs.find((run) => run.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'APPLY_LOCKED', message: expect.stringContaining(`pid ${process.pid} on host `) });
    expect(countDuplicates(sandbox)).toBe(0);
    expect((await apply(sandbox, cwd)).outcome.plan.changes).toEqual([]);
  });

  it('leaves a consistent tenant when two applies from two projects run at once', async () => {
    const sandbox = await createSandbox({ latencyMs: 5 });
    const config = generateLayeredConfig({ perLevel: 10 });
    const [first, second] = [createProject(config), createProject(config)];
    const runs = await Promise.all([apply(sandbox, first), apply(sandbox, second)]);
    expect(runs.map((run) => run.outcome.status)).toEqual(['applied', 'applied']);
    expect(countDuplicates(sandbox)).toBe(0);
    expect((await apply(sandbox, first)).outcome.plan.changes).toEqual([]);
  });

  it('needs --force for an unsafe plan and names the reasons', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 12 }));
    await apply(sandbox, cwd);
    writeFileSync(join(cwd, 'tenant.yaml'), `${generateLayeredConfig({ perLevel: 1 })}prune: true\n`);
    sandbox.resetAudit();
    await expect(apply(sandbox, cwd)).rejects.toMatchObject({ code: 'APPLY_UNSAFE_PLAN', message: expect.stringMatching(/unsafe:\n {2}- /), hint: expect.stringContaining('--force') });
    expect(sandbox.audit().writes).toBe(0);
    const { outcome } = await apply(sandbox, cwd, { isForced: true });
    expect(outcome.status).toBe('applied');
    expect(outcome.result!.steps.some((step) => step.action === 'delete')).toBe(true);
  });

  it('journals the run without specs or secrets', async () => {
    const sandbox = await createSandbox();
    const config = generateLayeredConfig({ perLevel: 1 }).replace('name: bench admin 0000', 'name: bench admin 0000\n    initialPassword: s3cret-Passw0rd');
    const cwd = createProject(config);
    const { outcome } = await apply(sandbox, cwd);
    const [name] = readdirSync(join(cwd, '.conecta', 'runs'));
    expect(join(cwd, '.conecta', 'runs', name!)).toBe(outcome.journalFile);
    const text = readFileSync(outcome.journalFile!, 'utf8');
    const types = text.trim().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types[0]).toBe('run');
    expect(types.at(-1)).toBe('end');
    expect(types.filter((type) => type === 'intent')).toHaveLength(4);
    expect(text).not.toContain('s3cret-Passw0rd');
    expect(text).not.toContain('tabulations');
  });
});
