/**
 * The package as a user gets it: `npm pack` of the built tree, installed from the tarball into an
 * empty folder (dependencies come from the registry), then `conecta init --source <tarball>` and the
 * scaffold's own CI steps, read from the workflow files it wrote and run as CI runs them, against
 * the embedded sandbox. One pack and one install of the tarball serve every test here.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtCliPath } from '../support/built-cli.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const INSTALL_TIMEOUT = 300_000;

/** The parent's environment without npm's per-script settings (npm_config_local_prefix would point nested npm at this repository) nor conecta's. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => {
    const lower = key.toLowerCase();
    if (lower.startsWith('conecta_') || lower === 'init_cwd' || lower.startsWith('github_') || lower.startsWith('ci_')) return false;
    return !lower.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(lower);
  });
  return { ...Object.fromEntries(kept), NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true', ...extra };
}

async function npm(args: string[], cwd: string) {
  return run('npm', args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a CI script as GitHub Actions and GitLab do: bash, stop at the first failing command. */
async function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], { cwd, env: cleanEnv(env), maxBuffer: 64 * 1024 * 1024 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

let work: string;
let tarball: string;
let packed: string[];
let consumer: string;

beforeAll(async () => {
  // The tarball ships dist/: it must be built from the sources as they are.
  builtCliPath();
  work = await mkdtemp(join(tmpdir(), 'conecta-pack-'));
  // The build already ran (npm test builds first), so the prepare script is not run again.
  const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((file) => file.path).sort();
  consumer = join(work, 'consumer');
  await mkdir(consumer);
  await writeFile(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  await npm(['install', tarball], consumer);
}, INSTALL_TIMEOUT);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships what runs and nothing else: no sources, tests, benchmarks or build scripts', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'README.pt-BR.md', 'package.json', 'cli/bin/run.js', 'oclif.manifest.json', 'schema/conecta.schema.json', 'schema/project.schema.json', 'cli/templates/github/conecta.yml']));
    const unwanted = packed.filter((path) => /^(test|bench|dist\/bench|docs|examples|schema\/scripts|dist\/schema\/scripts)\//.test(path) || /\.ts$/.test(path) || /\.test\./.test(path) || path === 'cli/bin/manifest.js');
    expect(unwanted).toEqual([]);
  });

  it('declares a clean bin path, a licence and where the project lives', async () => {
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules', 'conecta-as-code', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.bin).toEqual({ conecta: 'cli/bin/run.js' });
    expect(manifest).toMatchObject({ license: 'MIT', repository: { type: 'git' }, bugs: { url: expect.stringMatching(/^https:\/\//) }, homepage: expect.stringMatching(/^https:\/\//) });
  });

  it('runs from an empty folder: --version, validate and plan against the embedded sandbox', async () => {
    const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const version = await npm(['exec', '--no', '--', 'conecta', '--version'], consumer);
    expect(version.stdout).toMatch(new RegExp(`^conecta-as-code/${own.version.replace(/\./g, '\\.')} `));
    await writeFile(join(consumer, 'teams.yaml'), 'version: 1\ntabulations:\n  - name: Resolvido\nteams:\n  - name: SAC\n    tabulations: [Resolvido]\n');
    const validate = await npm(['exec', '--no', '--', 'conecta', 'validate', 'teams.yaml'], consumer);
    expect(validate.stdout).toContain('tabulations: 1, teams: 1');
    const plan = await npm(['exec', '--no', '--', 'conecta', 'plan', 'teams.yaml'], consumer);
    expect(plan.stdout).toContain('Plan: 2 to create');
  });
});

describe('a repository scaffolded with init --source <tarball>', () => {
  interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string> }
  interface Workflow { env?: Record<string, string>; jobs: Record<string, { steps: Step[] }> }
  interface GitLabJob { script: string[]; variables?: Record<string, string> }
  let scaffold: string;

  beforeAll(async () => {
    const result = await npm(['exec', '--no', '--', 'conecta', 'init', 'tenant-config', '--source', relative(consumer, tarball), '--json'], consumer);
    scaffold = (JSON.parse(result.stdout) as { dir: string }).dir;
    await npm(['install'], scaffold);
  }, INSTALL_TIMEOUT);

  it('depends on the tarball, written relative to the scaffold', async () => {
    const manifest = JSON.parse(await readFile(join(scaffold, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies).toEqual({ 'conecta-as-code': `file:../../${relative(work, tarball)}` });
  });

  it('points editors at schemas that exist once installed: .vscode/settings.json and the modelines', async () => {
    const settings = JSON.parse(await readFile(join(scaffold, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    const schemas = Object.keys(settings['yaml.schemas']);
    expect(schemas).toHaveLength(2);
    for (const schema of schemas) expect(JSON.parse(await readFile(join(scaffold, schema), 'utf8'))).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    const modeline = (await readFile(join(scaffold, 'config/base/teams.yaml'), 'utf8')).split('\n')[0]!.replace('# yaml-language-server: $schema=', '');
    expect(JSON.parse(await readFile(join(scaffold, 'config/base', modeline), 'utf8'))).toMatchObject({ title: 'ConectaConfig' });
  });

  it('never calls npx in a way that could download another package', async () => {
    for (const file of ['.github/workflows/conecta.yml', '.github/workflows/conecta-drift.yml', '.gitlab-ci.yml', 'README.md']) {
      const text = await readFile(join(scaffold, file), 'utf8');
      expect(text.match(/\bnpx (?!--no )[^\n]*/g) ?? [], file).toEqual([]);
    }
  });

  it('passes the GitHub validate and plan jobs, their run steps taken from the workflow and run in order, against the sandbox', async () => {
    const workflow = parse(await readFile(join(scaffold, '.github/workflows/conecta.yml'), 'utf8')) as Workflow;
    const steps = [...workflow.jobs.validate!.steps, ...workflow.jobs.plan!.steps].filter((step) => step.run !== undefined);
    expect(steps.map((step) => step.name ?? step.run)).toEqual(['npm ci --no-audit --no-fund', 'Validate every environment', 'npm ci --no-audit --no-fund', 'Plan']);
    const summary = join(scaffold, 'step-summary.md');
    await writeFile(summary, '');
    const expression = (value: string) => value.replace(/\$\{\{\s*matrix\.environment\s*\}\}/g, 'local').replace(/\$\{\{\s*secrets\.[A-Z_]+\s*\}\}/g, '');
    for (const step of steps) {
      const env = Object.fromEntries(Object.entries({ ...workflow.env, ...step.env }).map(([key, value]) => [key, expression(String(value))]));
      expect(step.run, 'no ${{ }} expression inside a script').not.toContain('${{');
      const outcome = await bash(step.run!, scaffold, { ...env, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: join(scaffold, 'step-output') });
      expect(outcome, `step ${step.name ?? step.run}`).toMatchObject({ code: 0 });
    }
    const markdown = await readFile(join(scaffold, 'plan.md'), 'utf8');
    expect(markdown).toContain('### Conecta plan for');
    expect(markdown).toContain('9 to create');
    expect(await readFile(summary, 'utf8')).toContain('9 to create');
    expect(JSON.parse(await readFile(join(scaffold, 'plan.json'), 'utf8'))).toMatchObject({ summary: { create: 9 } });
  }, INSTALL_TIMEOUT);

  it('passes the GitLab validate and plan jobs, their scripts taken from .gitlab-ci.yml, against the sandbox', async () => {
    const pipeline = parse(await readFile(join(scaffold, '.gitlab-ci.yml'), 'utf8')) as Record<string, GitLabJob> & { variables?: Record<string, string> };
    for (const name of ['conecta:validate', 'conecta:plan:prod']) {
      const job = pipeline[name]!;
      const env = { ...pipeline.variables, ...job.variables, CI_PROJECT_DIR: scaffold, CONECTA_ENVIRONMENT: 'local' };
      const outcome = await bash(job.script.join('\n'), scaffold, env);
      expect(outcome, name).toMatchObject({ code: 0 });
    }
    expect(await readFile(join(scaffold, 'plan.md'), 'utf8')).toContain('9 to create');
    expect(await readFile(join(scaffold, 'plan-full.md'), 'utf8')).toContain('9 to create');
  }, 120_000);
});
