import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-config-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('reads every *.yaml and *.yml below a directory in sorted order', async () => {
    await mkdir(join(directory, 'sub'));
    await mkdir(join(directory, '.hidden'));
    await writeFile(join(directory, 'b.yml'), 'version: 1\ntabulations: [{name: B}]\n');
    await writeFile(join(directory, 'a.yaml'), 'version: 1\ntabulations: [{name: A}]\n');
    await writeFile(join(directory, 'sub', 'c.yaml'), 'version: 1\ntabulations: [{name: C}]\n');
    await writeFile(join(directory, '.hidden', 'd.yaml'), 'version: 1\ntabulations: [{name: D}]\n');
    await writeFile(join(directory, 'notes.txt'), 'not yaml');
    const loaded = await loadConfig([directory], { env: {} });
    expect(loaded.files.map((file) => file.slice(directory.length + 1))).toEqual(['a.yaml', 'b.yml', join('sub', 'c.yaml')]);
    expect(loaded.state.resources.map((resource) => resource.name)).toEqual(['A', 'B', 'C']);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('builds resources with keys, origins, renamedFrom apart and no defaults filled in', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nagents:\n  - email: Ana@Acme.com.br\n    name: Ana\n    renamedFrom: ana.old@acme.com.br\n');
    const { state, diagnostics } = await loadConfig([file], { env: {} });
    expect(diagnostics).toEqual([]);
    expect(state.resources).toEqual([{
      kind: 'agent', name: 'Ana@Acme.com.br', key: 'ana@acme.com.br', spec: { email: 'Ana@Acme.com.br', name: 'Ana' },
      renamedFrom: 'ana.old@acme.com.br', origin: { file, line: 3, column: 5, pointer: '/agents/0' },
    }]);
  });

  it('turns each word of a word filter into its own resource', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nwordFilters:\n  noFlowStart: [obrigado]\n  agentBlocked:\n    - idiota\n');
    const { state } = await loadConfig([file], { env: {} });
    expect(state.resources.map(({ kind, name, spec, origin }) => ({ kind, name, spec, line: origin?.line }))).toEqual([
      { kind: 'word-filter', name: 'agentBlocked/idiota', spec: { list: 'agentBlocked', word: 'idiota' }, line: 5 },
      { kind: 'word-filter', name: 'noFlowStart/obrigado', spec: { list: 'noFlowStart', word: 'obrigado' }, line: 3 },
    ].sort((left, right) => (left.name < right.name ? -1 : 1)));
  });

  it('maps prune to kinds, from a boolean or per kind, across files', async () => {
    await writeFile(join(directory, 'a.yaml'), 'version: 1\nprune:\n  teams: true\n  wordFilters: false\n');
    await writeFile(join(directory, 'b.yaml'), 'version: 1\nprune:\n  agents: true\n');
    const { state, diagnostics } = await loadConfig([directory], { env: {} });
    expect(diagnostics).toEqual([]);
    expect(state.prune).toEqual({ team: true, 'word-filter': false, agent: true });
  });

  it('interpolates environment values, returns sensitive ones as secrets and keeps $${ literal', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nagents:\n  - email: ana@acme.com.br\n    name: ${env:AGENT_NAME}\n    codename: $${literal}\n    initialPassword: ${env:ANA_PASSWORD}\n');
    const { state, diagnostics, secrets } = await loadConfig([file], { env: { ANA_PASSWORD: 'correct-horse-42', AGENT_NAME: 'Ana Souza' } });
    expect(diagnostics).toEqual([]);
    expect(state.resources[0]?.spec).toEqual({ email: 'ana@acme.com.br', name: 'Ana Souza', codename: '${literal}', initialPassword: 'correct-horse-42' });
    expect(secrets).toEqual(['correct-horse-42']);
  });

  it('refuses ${env:} of a credential with a located error, and never reads its value', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nteams:\n  - name: SAC\n    closingMessage: ${env:GITHUB_TOKEN}\n  - name: B\n    closingMessage: x${env:CONECTA_TOKEN_PROD}\n  - name: C\n    closingMessage: ${env:ACTIONS_ID_TOKEN_REQUEST_TOKEN}\n');
    const { state, diagnostics } = await loadConfig([file], { env: { GITHUB_TOKEN: 'ghs_leak', CONECTA_TOKEN_PROD: 'tok_leak', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc_leak' } });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['CONFIG_ENV_CREDENTIAL', 4], ['CONFIG_ENV_CREDENTIAL', 6], ['CONFIG_ENV_CREDENTIAL', 8]]);
    expect(JSON.stringify({ state, diagnostics })).not.toMatch(/_leak/);
  });

  it('warns about a secret written literally in a sensitive field, and returns it to be masked', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nagents:\n  - email: ana@acme.com.br\n    name: Ana\n    initialPassword: literal-pass-1\n');
    const { diagnostics, secrets } = await loadConfig([file], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_LITERAL_SECRET', severity: 'warning', line: 5, column: 22 }]);
    expect(diagnostics[0]?.hint).toContain('${env:NAME}');
    expect(secrets).toEqual(['literal-pass-1']);
  });

  it('names an unset environment variable without printing any value', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nagents:\n  - email: ana@acme.com.br\n    name: Ana\n    initialPassword: ${env:UNSET_PASSWORD}\n');
    const { diagnostics } = await loadConfig([file], { env: { OTHER: 'secret-value' } });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_ENV_UNSET', line: 5, column: 22 }]);
    expect(diagnostics[0]?.message).toContain('UNSET_PASSWORD');
    expect(JSON.stringify(diagnostics)).not.toContain('secret-value');
  });

  it('suggests the closest allowed key for an unknown one', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nteam:\n  - name: SAC\n');
    const { diagnostics } = await loadConfig([file], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_UNKNOWN_KEY', hint: 'Did you mean `teams`?', line: 2, column: 1 }]);
  });

  it('accepts the built-in user group Administrador', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nadministrators:\n  - email: carla@acme.com.br\n    name: Carla\n    userGroup: Administrador\n');
    expect((await loadConfig([file], { env: {} })).diagnostics).toEqual([]);
  });

  it('reports settings without effect as warnings', async () => {
    const file = join(directory, 'config.yaml');
    await writeFile(file, 'version: 1\nteams:\n  - name: SAC\n    agentOrder: [ana@acme.com.br]\nagents:\n  - email: ana@acme.com.br\n    name: Ana\n    teams: [SAC]\n');
    const { diagnostics } = await loadConfig([file], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_IGNORED_SETTING', severity: 'warning', line: 4, column: 17 }]);
  });

  it('loads both examples without a diagnostic', async () => {
    for (const example of ['minimal', 'acme-contact-center']) {
      const { diagnostics } = await loadConfig([join(import.meta.dirname, '..', '..', 'examples', example)], { env: {} });
      expect(diagnostics).toEqual([]);
    }
  });

  it('locates a problem deep in a large multi-file config', async () => {
    const agents = Array.from({ length: 4000 }, (_, index) => `  - email: agente.${index}@acme.com.br\n    name: Agente ${index}\n    teams: [SAC]\n`).join('');
    await writeFile(join(directory, 'a.yaml'), `version: 1\nteams:\n  - name: SAC\nagents:\n${agents}`);
    await writeFile(join(directory, 'b.yaml'), `version: 1\nagents:\n${agents.replace(/agente\./g, 'outro.')}  - email: x@acme.com.br\n    name: X\n    teams: [SCA]\n`);
    const { state, diagnostics } = await loadConfig([directory], { env: {} });
    expect(state.resources).toHaveLength(8002);
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_UNKNOWN_REFERENCE', line: 12005, column: 13, hint: 'Did you mean `SAC`?' }]);
  });
});

describe('secrets in non-sensitive fields', () => {
  it('returns the values of variables named like secrets, such as an exported URL query token, to be masked', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'conecta-url-secret-'));
    const file = join(directory, 'flows.yaml');
    await writeFile(file, 'version: 1\nflows:\n  - name: F\n    start: api\n    blocks:\n      api: {type: http, url: "https://x.example/a?token=${env:CONECTA_SECRET_F_API_TOKEN}&who=${env:WHO}", success: fim, error: fim}\n      fim: {type: end}\n');
    const { secrets, diagnostics } = await loadConfig([file], { env: { CONECTA_SECRET_F_API_TOKEN: 'url-tok-123', WHO: 'ana' } });
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(secrets).toEqual(['url-tok-123']);
  });
});
