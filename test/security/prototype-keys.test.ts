/**
 * S2 (perf-reliability.md §5.4): `__proto__`, `constructor` and `prototype` through every path
 * that turns outside text into objects — config YAML, the project file, `${env:…}`/`${var:…}`
 * interpolation, environments, saved plan files, the sandbox data file and API responses.
 * Each path is refused or handled, and `Object.prototype` stays clean: in this process, and in
 * every spawned CLI (the harness's preload reports any property added to it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';
import { readPlanFile } from '../../cli/io/plan-file.js';
import { loadLayeredConfig, resolveTarget } from '../../cli/services/project.js';
import { startSandbox } from '../../providers/sandbox/index.js';
import { createProject, createSandbox, isPrototypeClean, runCli, sandboxEnv, type CliResult } from '../faults/cli-harness.js';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
let prototypeNames: string[];

beforeAll(() => {
  prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
});

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** `key: {polluted: yes}` nested `depth` levels under a team (depth 1 = on the team itself). */
function teamWithKeyAt(key: string, depth: number): string {
  let value = '{polluted: yes}';
  for (let level = 1; level < depth; level += 1) value = `{inner${level}: ${value}}`;
  return `version: 1\nteams:\n  - name: SAC\n    ${key}: ${value}\n`;
}

function expectNoStackTrace(result: CliResult): void {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(result.stderr).not.toMatch(/TypeError|RangeError/);
}

describe('S2: prototype keys in config YAML', () => {
  it.each(FORBIDDEN.flatMap((key) => [1, 2, 3, 4, 5].map((depth) => [key, depth] as const)))(
    'rejects `%s` at depth %i with a located CONFIG_FORBIDDEN_KEY',
    async (key, depth) => {
      const cwd = createProject({ 'teams.yaml': teamWithKeyAt(key, depth) });
      const { diagnostics } = await loadConfig([join(cwd, 'teams.yaml')], { env: {} });
      expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'CONFIG_FORBIDDEN_KEY', line: 4 }));
    },
  );

  it.each(FORBIDDEN)('rejects `%s` as a top-level key that an alias points at an object', async (key) => {
    const cwd = createProject({ 'a.yaml': `version: 1\nx: &x {polluted: yes}\n${key}: *x\n` });
    const { diagnostics } = await loadConfig([join(cwd, 'a.yaml')], { env: {} });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'CONFIG_FORBIDDEN_KEY', line: 3 }));
  });

  it('reports every forbidden key through `conecta validate`, and the CLI stays unpolluted', async () => {
    const cwd = createProject(Object.fromEntries(FORBIDDEN.map((key, index) => [`config/${index}.yaml`, teamWithKeyAt(key, index + 3)])));
    const result = await runCli(['validate', 'config'], { cwd });
    expect(result.code).toBe(1);
    for (const index of FORBIDDEN.keys()) expect(result.stderr).toMatch(new RegExp(`${index}\\.yaml:4:\\d+ `));
    expect(isPrototypeClean(result)).toBe(true);
    expectNoStackTrace(result);
  });
});

describe('S2: prototype keys in `${env:…}` and `${var:…}` interpolation', () => {
  it.each(['${env:constructor}', '${env:__proto__}', '${env:toString}', '${var:constructor}', '${var:__proto__}', '${var:hasOwnProperty}'])(
    'treats %s as an unset name, never as a property inherited from Object.prototype',
    async (placeholder) => {
      const cwd = createProject({ 'a.yaml': `version: 1\ntabulations:\n  - name: "${placeholder}"\n` });
      const { diagnostics, state } = await loadConfig([join(cwd, 'a.yaml')], { env: { ...process.env }, variables: { GREETING: 'oi' } });
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain(placeholder.startsWith('${env') ? 'CONFIG_ENV_UNSET' : 'CONFIG_VAR_UNSET');
      expect(state.resources.map((resource) => resource.spec.name)).not.toContainEqual(expect.stringMatching(/native code|\[object Object\]/));
    },
  );

  it('treats `${var:constructor}` as unset through a project environment too', async () => {
    const cwd = createProject({
      'conecta.yaml': 'version: 1\nvariables: { GREETING: oi }\nenvironments:\n  local: { sandbox: true }\n',
      'config/a.yaml': 'version: 1\ntabulations:\n  - name: "${var:constructor}"\n  - name: "${var:GREETING}"\n',
    });
    const target = await resolveTarget({ cwd, env: {}, envName: 'local' });
    const { diagnostics, state } = await loadLayeredConfig(target);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('CONFIG_VAR_UNSET');
    expect(state.resources.map((resource) => resource.spec.name)).not.toContain('function Object() { [native code] }');
  });
});

describe('S2: prototype keys in the project file and environment names', () => {
  it.each([
    ['an environment named __proto__', 'version: 1\nenvironments:\n  __proto__: { sandbox: true, variables: { polluted: "yes" } }\n'],
    ['an environment named constructor', 'version: 1\nenvironments:\n  constructor: { sandbox: true }\n'],
    ['a variable named __proto__', 'version: 1\nvariables: { __proto__: { polluted: "yes" } }\nenvironments:\n  local: { sandbox: true }\n'],
    ['a variable named constructor', 'version: 1\nvariables: { constructor: "x" }\nenvironments:\n  local: { sandbox: true }\n'],
    ['a top-level __proto__', 'version: 1\n__proto__: { polluted: "yes" }\n'],
    ['__proto__ under credentials', 'version: 1\nenvironments:\n  prod: { url: "https://x.example", credentials: { __proto__: TOKEN } }\n'],
    ['prototype under an environment', 'version: 1\nenvironments:\n  prod: { sandbox: true, prototype: { polluted: "yes" } }\n'],
  ])('refuses %s with a located project error', async (_name, text) => {
    const cwd = createProject({ 'conecta.yaml': text, 'config/a.yaml': 'version: 1\n' });
    const failure = await resolveTarget({ cwd, env: {}, envName: 'local' }).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: expect.stringMatching(/^PROJECT_/) });
    expect((failure as { diagnostics?: { line?: number }[] }).diagnostics?.[0]?.line).toBeGreaterThan(1);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('answers `--env %s` with PROJECT_UNKNOWN_ENV when no such environment exists', async (name) => {
    const cwd = createProject({ 'conecta.yaml': 'version: 1\nenvironments:\n  local: { sandbox: true }\n', 'config/a.yaml': 'version: 1\n' });
    await expect(resolveTarget({ cwd, env: {}, envName: name })).rejects.toMatchObject({ code: 'PROJECT_UNKNOWN_ENV' });
  });
});

describe('S2: prototype keys in a crafted saved plan', () => {
  async function savedPlan(): Promise<{ cwd: string; env: Record<string, string>; plan: Record<string, unknown> }> {
    const sandbox = await createSandbox({ seed: 3 });
    const cwd = createProject({ 'config/a.yaml': 'version: 1\ntabulations:\n  - name: Vendas\n  - name: Suporte\n' });
    const env = sandboxEnv(sandbox) as Record<string, string>;
    const planned = await runCli(['plan', 'config', '--out', 'plan.json'], { cwd, env });
    expect(planned.code).toBe(0);
    return { cwd, env, plan: JSON.parse(readFileSync(join(cwd, 'plan.json'), 'utf8')) as Record<string, unknown> };
  }

  /** Adds `"__proto__": {"polluted": true}` (an own key, as JSON.parse makes it) at several depths. */
  function poison(json: string): string {
    const key = '"__proto__": {"polluted": true, "constructor": {"prototype": {"polluted": true}}}, ';
    return json.replace(/\{/g, (brace, offset: number) => (offset === 0 || json[offset - 1] !== '\\' ? `{${key}` : brace));
  }

  it('reads a plan file full of __proto__ keys without polluting Object.prototype', async () => {
    const { cwd } = await savedPlan();
    const file = join(cwd, 'poisoned.json');
    writeFileSync(file, poison(readFileSync(join(cwd, 'plan.json'), 'utf8')));
    await readPlanFile(file).catch(() => undefined);
  });

  it('refuses or applies a poisoned plan file cleanly in the CLI, never polluting it', async () => {
    const { cwd, env } = await savedPlan();
    writeFileSync(join(cwd, 'poisoned.json'), poison(readFileSync(join(cwd, 'plan.json'), 'utf8')));
    const result = await runCli(['apply', '--plan', 'poisoned.json'], { cwd, env });
    expect([0, 1]).toContain(result.code);
    expect(isPrototypeClean(result)).toBe(true);
    expectNoStackTrace(result);
  });

  it.each(FORBIDDEN)('does not treat an address named `%s` in the fingerprints as a live object', async (key) => {
    const { cwd, env, plan } = await savedPlan();
    const fingerprints = plan.fingerprints as { live: Record<string, string> };
    const live = JSON.parse(JSON.stringify(fingerprints.live)) as Record<string, string>;
    const text = JSON.stringify({ ...plan, fingerprints: { ...fingerprints, live: {} } }).replace('"live":{}', `"live":{"${key}":"x",${JSON.stringify(live).slice(1)}`);
    writeFileSync(join(cwd, 'crafted.json'), text);
    const result = await runCli(['apply', '--plan', 'crafted.json'], { cwd, env });
    expect([0, 1]).toContain(result.code);
    expect(isPrototypeClean(result)).toBe(true);
    expectNoStackTrace(result);
  });
});

describe('S2: prototype keys in the sandbox data file and in API responses', () => {
  async function poisonedDataFile(): Promise<{ cwd: string; dataFile: string }> {
    const cwd = createProject({ 'config/a.yaml': 'version: 1\ntabulations:\n  - name: Vendas\nteams:\n  - name: SAC\n    tabulations: [Vendas]\n' });
    const dataFile = join(cwd, 'sandbox.json');
    const seeding = await startSandbox({ dataFile, seed: 4 });
    try {
      expect((await runCli(['apply', 'config', '--auto-approve'], { cwd, env: sandboxEnv(seeding) })).code).toBe(0);
    } finally {
      await seeding.close();
    }
    const poisoned = readFileSync(dataFile, 'utf8')
      .replace(/"name": "SAC"/, '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}, "name": "SAC"')
      .replace(/"name": "Vendas"/, '"__proto__": {"polluted": true}, "name": "Vendas"');
    writeFileSync(dataFile, poisoned);
    return { cwd, dataFile };
  }

  it('loads a data file whose records hold __proto__, constructor and prototype keys without polluting', async () => {
    const { dataFile } = await poisonedDataFile();
    const sandbox = await createSandbox({ dataFile, seed: 4 });
    const response = await fetch(`${sandbox.url}/api/v4/campaigns`, { headers: { authorization: `Bearer ${sandbox.token}` } });
    expect(await response.text()).toContain('"__proto__"');
  });

  it('plans against API responses carrying those keys without polluting the CLI', async () => {
    const { cwd, dataFile } = await poisonedDataFile();
    const sandbox = await createSandbox({ dataFile, seed: 4 });
    const result = await runCli(['plan', 'config', '--json'], { cwd, env: sandboxEnv(sandbox) });
    expect([0, 1, 2]).toContain(result.code);
    expect(isPrototypeClean(result)).toBe(true);
    expectNoStackTrace(result);
  });

  it('applies and exports against those responses without polluting the CLI', async () => {
    const { cwd, dataFile } = await poisonedDataFile();
    const sandbox = await createSandbox({ dataFile, seed: 4 });
    const applied = await runCli(['apply', 'config', '--auto-approve'], { cwd, env: sandboxEnv(sandbox) });
    expect(isPrototypeClean(applied)).toBe(true);
    expectNoStackTrace(applied);
    const exported = await runCli(['export', '--out', 'exported'], { cwd, env: sandboxEnv(sandbox) });
    expect(isPrototypeClean(exported)).toBe(true);
    expectNoStackTrace(exported);
  });
});
