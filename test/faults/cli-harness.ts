/**
 * Runs the built CLI (`node cli/bin/run.js`, needs `npm run build`) as a child process in a temp
 * project, against a sandbox started in the test. Shared by the fault and security suites.
 *
 * Every child is started with a preload that snapshots `Object.prototype` and, at exit, prints
 * `PROTOTYPE-POLLUTED: …` on stderr when anything was added to it, so every CLI run doubles as a
 * prototype-pollution check (`isPrototypeClean`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../providers/sandbox/index.js';
import { builtCliPath } from '../support/built-cli.js';

export const RUN_JS = builtCliPath();

const PROTOTYPE_GUARD = `data:text/javascript,${encodeURIComponent([
  'const names = () => Object.getOwnPropertyNames(Object.prototype).concat(Object.getOwnPropertySymbols(Object.prototype).map(String)).sort().join(",");',
  'const before = names();',
  'process.on("exit", () => { const after = names(); if (after !== before) process.stderr.write("\\nPROTOTYPE-POLLUTED: " + after + "\\n"); });',
].join('\n'))}`;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliRun {
  child: ChildProcess;
  done: Promise<CliResult>;
}

export interface CliOptions {
  cwd: string;
  /** Added to a clean environment (no inherited CONECTA_* variables, colour off). */
  env?: Record<string, string | undefined>;
}

/** The process environment without any CONECTA_* variable, colour off. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('CONECTA_') && name !== 'FORCE_COLOR') env[name] = value;
  return { ...env, NO_COLOR: '1', ...extra };
}

/** The environment that points the CLI at `sandbox` with its static token. */
export function sandboxEnv(sandbox: Pick<RunningSandbox, 'url' | 'token'>, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, ...extra };
}

export function startCli(args: string[], options: CliOptions): CliRun {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PROTOTYPE_GUARD, RUN_JS, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
  return { child, done };
}

export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).done;
}

/** True when the run's preload saw nothing added to Object.prototype. */
export function isPrototypeClean(result: CliResult): boolean {
  return !result.stderr.includes('PROTOTYPE-POLLUTED');
}

/**
 * A temp folder holding `files` (relative path → content). It also holds an empty `.git`, so the
 * CLI's search for a project file `conecta.yaml` stops here. Removed when the test ends.
 */
export function createProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'conecta-faults-'));
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A sandbox on an ephemeral port, closed when the test ends. */
export async function createSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox(options);
  onTestFinished(() => sandbox.close());
  return sandbox;
}

/** How many natural keys the sandbox stores more than once, over every kind. */
export function countDuplicates(sandbox: RunningSandbox): number {
  return Object.values(sandbox.audit().duplicates).reduce((sum, keys) => sum + (keys?.length ?? 0), 0);
}

/** Resolves once the sandbox has applied `count` writes (polling its audit). */
export async function waitForWrites(sandbox: RunningSandbox, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sandbox.audit().writes < count) {
    if (Date.now() > deadline) throw new Error(`the sandbox saw only ${sandbox.audit().writes} of ${count} writes in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
