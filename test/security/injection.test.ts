/* eslint-disable no-control-regex -- the tests look for control characters in outputs */
/**
 * Issue 13.5: names and texts from the config or from a hostile tenant cannot escape into the
 * pull-request comment (Markdown plan) or the terminal.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../cli/core/plan/build-plan.js';
import { maskPlan } from '../../cli/core/plan/mask-plan.js';
import { escapeMarkdownInline, neutralizeControlChars } from '../../cli/core/render/escape.js';
import { renderPlanMarkdown } from '../../cli/core/render/plan-markdown.js';
import { createStyle } from '../../cli/core/render/style.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../helpers/builders.js';

/** A tenant's team names, as a hostile administrator would set them. */
export const HOSTILE_NAMES = [
  'x</details>\n\n# Owned\n<details><summary>',
  '<img src=x onerror=alert(1)> <!-- hidden -->',
  '@octocat please approve @acme/admins',
  '[click here](https://evil.example/phish) ![pixel](https://evil.example/p.png)',
  'see https://evil.example and www.evil.example #123',
  '| broken | table |\n---',
  '`code` ``` fence',
  '\u001b]8;;https://evil.example\u0007innocent\u001b]8;;\u0007',
  'clear\u001b[2J\u001b[Hscreen',
  'over\rwritten',
  'bidi \u202eevil\u202c text',
];

const hostileTenant = () => aSnapshot(HOSTILE_NAMES.map((name, index) => aLive('team', { name }, `t-${index}`)));
/** The hostile objects deleted (`--prune`: the warning callout lists them). */
const hostilePlan = () => buildPlan(aState([aDesired('team', { name: 'SAC' })]), hostileTenant(), { target: sandboxTarget, prune: true });
/** The hostile objects kept (the list of objects not managed). */
const keptPlan = () => buildPlan(aState([aDesired('team', { name: 'SAC' })]), hostileTenant(), { target: sandboxTarget });

/** The Markdown lines GitHub would treat as structure, outside fenced code blocks. */
function structuralLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opening = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && opening) fence = opening;
    else if (fence !== undefined && line.startsWith(fence) && line.trim() === fence) fence = undefined;
    else if (fence === undefined) lines.push(line);
  }
  return lines;
}

function expectInertMarkdown(markdown: string): void {
  const lines = structuralLines(markdown);
  // Inline code spans are shown literally (no HTML, link or mention inside them).
  const text = lines.join('\n').replace(/(`+)(?!`).*?[^`]\1(?!`)/g, '(code)');
  expect(lines.filter((line) => /^#{1,6}\s/.test(line))).toEqual([expect.stringMatching(/^### Conecta plan for /)]);
  expect(text.match(/<details>/g)?.length ?? 0).toBe(text.match(/<\/details>/g)?.length ?? 0);
  expect(text).not.toMatch(/<(img|!--|summary>x)/);
  expect(text).not.toMatch(/(^|[^`])@(octocat|acme)/);
  expect(text).not.toMatch(/(?<!\\)\]\(https?:/);
  expect(text).not.toMatch(/https?:\/\/|www\.evil/);
  expect(text).not.toMatch(/[\u001b\r\u202e]/);
}

describe('Markdown plan: hostile live names', () => {
  it('stay inert when the tenant objects are deleted (warning callout) or kept (not managed list)', () => {
    for (const plan of [hostilePlan(), keptPlan()]) expectInertMarkdown(renderPlanMarkdown(maskPlan(plan, createRedactor())));
  });

  it('escape every structure-making character inline', () => {
    for (const name of HOSTILE_NAMES) {
      const escaped = escapeMarkdownInline(name);
      expect(escaped).not.toMatch(/[\n\r<>]|@[a-z]|(?<!\\)\]\(|https?:\/\//);
    }
  });
});

describe('terminal output: hostile live names', () => {
  it('shows control characters as visible escapes: no ESC, OSC 8 hyperlink, CR or bidi override reaches the terminal', () => {
    let stdout = '';
    let stderr = '';
    const reporter = createTerminalReporter({
      stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) },
      style: createStyle(false), isVerbose: true, isLiveProgress: false, mask: (text) => text,
    });
    reporter.emit({ type: 'notice', text: `Using a tenant named ${HOSTILE_NAMES[7]}` });
    reporter.result({ command: 'plan', plan: maskPlan(hostilePlan(), createRedactor()), format: 'text' });
    reporter.error(new Error(`bad name ${HOSTILE_NAMES[8]}`), { isVerbose: false });
    for (const output of [stdout, stderr]) expect(output).not.toMatch(/[\u001b\r\u0007\u202e]/);
    expect(stdout).toContain('\\u001b]8;;https://evil.example');
  });

  it('makes control characters visible, keeping newlines and tabs, and the colours the style adds', () => {
    expect(neutralizeControlChars('a\u001b[31mb\nc\td\re')).toBe('a\\u001b[31mb\nc\td\\re');
    let stdout = '';
    const reporter = createTerminalReporter({
      stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true },
      style: createStyle(true), isVerbose: false, isLiveProgress: false, mask: (text) => text,
    });
    reporter.result({ command: 'plan', plan: maskPlan(hostilePlan(), createRedactor()), format: 'text' });
    expect(stdout).toMatch(/\u001b\[\d+m/);
    expect(stdout).not.toMatch(/\u001b\]|\u001b\[2J/);
  });
});

describe('config names', () => {
  it('may not hold control characters: escape codes, carriage returns, bidi overrides', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../../cli/io/read-config.js');
    const directory = await mkdtemp(join(tmpdir(), 'conecta-names-'));
    try {
      const file = join(directory, 'teams.yaml');
      await writeFile(file, 'version: 1\nteams:\n  - name: "SAC\\e]8;;https://evil\\a"\n  - name: "Over\\rwrite"\n  - name: "bidi \\u202e x"\n  - name: Plain\n');
      const { diagnostics } = await loadConfig([file], { env: {} });
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([['CONFIG_FORMAT', 3], ['CONFIG_FORMAT', 4], ['CONFIG_FORMAT', 5]]);
      expect(diagnostics[0]?.message).toContain('control characters');
      expect(JSON.stringify(diagnostics)).not.toMatch(/[\u001b\r]/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('a hostile tenant, through the CLI', () => {
  it('cannot inject into plan --markdown or the terminal with the names of its objects', async () => {
    const { createProject, createSandbox, runCli, sandboxEnv } = await import('../faults/cli-harness.js');
    const { ConectaProvider } = await import('../../providers/conecta/provider.js');
    const sandbox = await createSandbox({ seed: 5 });
    const provider = new ConectaProvider({ url: sandbox.url, credentials: { token: sandbox.token }, redactor: createRedactor() });
    try {
      for (const name of HOSTILE_NAMES) await provider.create('team', { name });
    } finally {
      await provider.close();
    }
    const cwd = createProject({ 'config/teams.yaml': 'version: 1\nteams:\n  - name: SAC\n' });
    const markdown = await runCli(['plan', 'config', '--markdown'], { cwd, env: sandboxEnv(sandbox) });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('Not managed');
    expectInertMarkdown(markdown.stdout);
    const pruned = await runCli(['plan', 'config', '--markdown', '--prune'], { cwd, env: sandboxEnv(sandbox) });
    expect(pruned.stdout).toContain('will be deleted');
    expectInertMarkdown(pruned.stdout);
    const text = await runCli(['plan', 'config', '--prune', '--verbose'], { cwd, env: sandboxEnv(sandbox, { FORCE_COLOR: '0' }) });
    expect(text.stdout).toContain('\\u001b]8;;https://evil.example');
    for (const output of [text.stdout, text.stderr]) expect(output).not.toMatch(/[\u001b\r\u0007\u202e]/);
  }, 60_000);
});
