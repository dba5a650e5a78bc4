/**
 * The conventions a shell user expects, checked on the built CLI: -h and `help COMMAND`,
 * `version`, "did you mean" for mistyped commands and flags, shell completion, FORCE_COLOR and
 * NO_COLOR, GitHub annotations under GITHUB_ACTIONS, and --json on every command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCliPath } from '../support/built-cli.js';

const cli = builtCliPath();
const root = join(import.meta.dirname, '..', '..');
let cwd: string;

/** The environment of a plain run: no CI, no colour settings, no conecta variables. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !/^(CONECTA_|GITHUB_|GITLAB_|CI$|FORCE_COLOR$|NO_COLOR$)/.test(key));
  return { ...Object.fromEntries(kept), ...extra };
}

function conecta(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: plainEnv(env) });
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'conecta-conventions-'));
  await writeFile(join(cwd, 'pauses.yaml'), 'version: 1\npauses:\n  - name: Almoço\n    maxDuration: 10x\n');
  await writeFile(join(cwd, 'ok.yaml'), 'version: 1\ntabulations:\n  - name: Resolvido\n');
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('help and version', () => {
  it('answers -h like --help, at the top and for a command', () => {
    expect(conecta(['-h']).stdout).toBe(conecta(['--help']).stdout);
    const short = conecta(['validate', '-h']);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(conecta(['validate', '--help']).stdout);
    expect(short.stdout).toContain('$ conecta validate');
  });

  it('answers help COMMAND like COMMAND --help, and names the closest command for a typo', () => {
    const help = conecta(['help', 'plan']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(conecta(['plan', '--help']).stdout);
    const typo = conecta(['help', 'paln']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('[CLI_UNKNOWN_COMMAND] paln is not a conecta command. Did you mean plan?');
  });

  it('describes a command as JSON with help --json', () => {
    const help = conecta(['help', 'init', '--json']);
    const parsed = JSON.parse(help.stdout) as { commands: { id: string; flags: Record<string, { type: string; options?: string[] }> }[] };
    expect(parsed.commands.map((command) => command.id)).toEqual(['init']);
    expect(parsed.commands[0]!.flags.ci).toMatchObject({ type: 'option', options: ['github', 'gitlab', 'both', 'none'] });
  });

  it('prints the version with `version`, as --version does, and as JSON', async () => {
    const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(conecta(['version']).stdout).toBe(conecta(['--version']).stdout);
    expect(JSON.parse(conecta(['version', '--json']).stdout)).toEqual({ name: 'conecta-as-code', version: own.version, platform: process.platform, arch: process.arch, node: process.version });
  });
});

describe('did you mean', () => {
  it('names the closest command for a mistyped one, exit 1', () => {
    const result = conecta(['valdate']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error [CLI_UNKNOWN_COMMAND] valdate is not a conecta command. Did you mean validate?\nhint: conecta --help lists the commands.\n');
  });

  it('says only that the command is unknown when nothing is close', () => {
    expect(conecta(['frobnicate']).stderr).toContain('frobnicate is not a conecta command.\nhint:');
  });

  it('names the closest flag of the command for a mistyped one, with --no- forms, as text and as JSON', () => {
    const text = conecta(['validate', '--jsn']);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('[CLI_UNKNOWN_FLAG] conecta validate has no flag --jsn (did you mean --json?).');
    expect(text.stderr).toContain('hint: conecta validate --help lists its flags.');
    expect(conecta(['plan', '--no-colour']).stderr).toContain('(did you mean --no-color?)');
    expect(conecta(['plan', '--detailed-exit-code']).stderr).toContain('(did you mean --detailed-exitcode?)');
    const json = conecta(['validate', '--jsn', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'CLI_UNKNOWN_FLAG', message: 'conecta validate has no flag --jsn (did you mean --json?).', hint: 'conecta validate --help lists its flags.' } });
  });
});

describe('colour', () => {
  const isColoured = (text: string) => text.includes('\u001b[');

  it('is off when the output is not a terminal, on with FORCE_COLOR (which wins over NO_COLOR), off with FORCE_COLOR=0', () => {
    expect(isColoured(conecta(['validate', 'pauses.yaml']).stderr)).toBe(false);
    expect(isColoured(conecta(['validate', 'pauses.yaml'], { FORCE_COLOR: '1' }).stderr)).toBe(true);
    expect(isColoured(conecta(['validate', 'pauses.yaml'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr)).toBe(true);
    expect(isColoured(conecta(['validate', 'pauses.yaml'], { FORCE_COLOR: '0' }).stderr)).toBe(false);
    expect(isColoured(conecta(['validate', 'pauses.yaml', '--no-color'], { FORCE_COLOR: '1' }).stderr)).toBe(false);
  });
});

describe('annotations in CI', () => {
  it('under GitHub Actions, writes each diagnostic as a workflow command on stderr, the path relative to the workspace', () => {
    const result = conecta(['validate', 'pauses.yaml'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: join(cwd, '..') });
    expect(result.status).toBe(1);
    const folder = cwd.split('/').pop();
    expect(result.stderr.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      `::error file=${folder}/pauses.yaml,line=4,col=18,title=CONFIG_FORMAT::\`maxDuration\` must be a duration such as \`90s\`, \`15m\` or \`1h30m\`; got the text "10x".%0AUse whole numbers with the units d, h, m and s, largest first.`,
    ]);
    expect(result.stderr).toContain('pauses.yaml:4:18 error CONFIG_FORMAT');
  });

  it('annotates plan diagnostics and errors too, and keeps them off stdout', () => {
    const plan = conecta(['plan', 'pauses.yaml', '--markdown'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: cwd });
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain('::error file=pauses.yaml,line=4,col=18,title=CONFIG_FORMAT::');
    expect(plan.stdout).not.toContain('::');
    const unknownEnv = conecta(['plan', 'ok.yaml', '--env', 'nope'], { GITHUB_ACTIONS: 'true' });
    expect(unknownEnv.stderr).toMatch(/^::error title=PROJECT_\w+::/m);
  });

  it('writes none outside GitHub Actions (GitLab reads the located file:line:col lines)', () => {
    const gitlab = conecta(['validate', 'pauses.yaml'], { GITLAB_CI: 'true', CI: 'true' });
    expect(gitlab.stderr).not.toContain('::error');
    expect(gitlab.stderr).toMatch(/pauses\.yaml:4:18 error CONFIG_FORMAT/);
  });
});

describe('completion', () => {
  function complete(words: string[]): string {
    const script = conecta(['completion', 'bash']).stdout;
    const probe = `${script}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _conecta_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', probe], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout.trim();
  }

  it('completes commands, a command\'s flags and a flag\'s choices in bash', () => {
    expect(complete(['conecta', 'val'])).toBe('validate');
    expect(complete(['conecta', 'plan', '--det'])).toBe('--detailed-exitcode');
    expect(complete(['conecta', 'init', '--ci', ''])).toBe('github\ngitlab\nboth\nnone');
    expect(complete(['conecta', 'help', 'sh'])).toBe('show');
    expect(complete(['conecta', 'completion', 'z'])).toBe('zsh');
    expect(complete(['conecta', 'validate', 'pau'])).toBe('pauses.yaml');
  });

  it('prints a zsh script that defines the completion function for every command', () => {
    const script = conecta(['completion', 'zsh']);
    expect(script.status).toBe(0);
    expect(script.stdout.startsWith('#compdef conecta\n')).toBe(true);
    for (const id of ['apply', 'plan', 'validate', 'completion']) expect(script.stdout).toMatch(new RegExp(`^    ${id}\\) _arguments `, 'm'));
    expect(script.stdout).toContain("'--ci=[Which CI files to write.]:ci:(github gitlab both none)'");
    const zsh = spawnSync('zsh', ['-n'], { input: script.stdout, encoding: 'utf8' });
    if (!zsh.error) expect(zsh.status, zsh.stderr).toBe(0);
  });

  it('refuses a shell it does not know', () => {
    expect(conecta(['completion', 'fish']).status).toBe(1);
  });
});

describe('--json', () => {
  it('is taken by every command, as the README says', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, { flags: Record<string, unknown> }> };
    const commands = Object.entries(manifest.commands);
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter(([, command]) => !('json' in command.flags)).map(([id]) => id)).toEqual([]);
    expect(await readFile(join(root, 'README.md'), 'utf8')).toContain('Every command takes `--json`');
  });

  it('makes the sandbox print where it listens as one JSON document, then serve until stopped', async () => {
    const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--data', join(cwd, 'sandbox.json'), '--json'], { cwd, env: plainEnv() });
    let stdout = '';
    const started = await new Promise<{ url: string; token: string; dataFile: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        try {
          resolve(JSON.parse(stdout) as { url: string; token: string; dataFile: string });
        } catch {
          // not the whole document yet
        }
      });
      child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stdout}`)));
    });
    expect(started).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.any(String), dataFile: join(cwd, 'sandbox.json') });
    const answer = await fetch(`${started.url}/api/v4/auth/me`, { headers: { authorization: `Bearer ${started.token}` } });
    expect(answer.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
