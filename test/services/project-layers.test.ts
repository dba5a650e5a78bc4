import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasErrors } from '../../cli/core/diagnostics.js';
import { loadLayeredConfig, resolveTarget, validateAllEnvironments } from '../../cli/services/project.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-layers-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

const project = [
  'version: 1',
  'config: [config/base]',
  'variables: { HOURS: "8h às 18h" }',
  'environments:',
  '  local: { sandbox: true }',
  '  prod:',
  '    url: https://acme.conecta.com.vc',
  '    credentials: { token: CONECTA_TOKEN_PROD }',
  '    variables: { HOURS: "24 horas" }',
  '    config: [config/prod]',
  '',
].join('\n');

const base = [
  'version: 1',
  'tabulations: [{ name: Resolvido }]',
  'teams:',
  '  - name: SAC',
  '    sessionTimeout: 1h',
  '    noAgentMessage: "Horário: ${var:HOURS}"',
  '',
].join('\n');

describe('loadLayeredConfig', () => {
  it('lays the environment overlay over the base, with the environment variables', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    await write('config/prod/prod.yaml', 'version: 1\nteams:\n  - name: SAC\n    tabulations: [Resolvido]\nagents:\n  - { email: ana@acme.example, name: Ana, teams: [SAC] }\n');
    const target = await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok-prod-123' }, envName: 'prod' });
    const loaded = await loadLayeredConfig(target);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const team = loaded.state.resources.find((r) => r.kind === 'team');
    expect(team?.spec.tabulations).toEqual(['Resolvido']);
    expect(team?.spec.sessionTimeout ?? '0m').toBe('0m');
    expect(loaded.state.resources.map((r) => `${r.kind}.${r.name}`).sort()).toEqual(['agent.ana@acme.example', 'tabulation.Resolvido', 'team.SAC']);
    expect(loaded.files).toEqual([join(root, 'config/base/base.yaml'), join(root, 'config/prod/prod.yaml')]);
  });

  it('interpolates the selected environment variables in the base', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    const local = await loadLayeredConfig(await resolveTarget({ cwd: root, env: {}, envName: 'local' }));
    expect(local.state.resources.find((r) => r.kind === 'team')?.spec.noAgentMessage).toBe('Horário: 8h às 18h');
  });

  it('lets an overlay refer to objects that only the base defines', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    await write('config/prod/prod.yaml', 'version: 1\nagents:\n  - { email: ana@acme.example, name: Ana, teams: [SAC] }\n');
    const loaded = await loadLayeredConfig(await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok' }, envName: 'prod' }));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('still reports a reference that neither layer defines, at its line', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    await write('config/prod/prod.yaml', 'version: 1\nagents:\n  - { email: ana@acme.example, name: Ana, teams: [Cobrança] }\n');
    const loaded = await loadLayeredConfig(await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok' }, envName: 'prod' }));
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: join(root, 'config/prod/prod.yaml'), line: 3 });
    expect(errors[0]?.message).toContain('Cobrança');
  });

  it('reports an overlay folder inside the base folder instead of loading its files twice', async () => {
    await write('conecta.yaml', project.replace('config: [config/base]', 'config: [config]'));
    await write('config/base/base.yaml', base);
    await write('config/prod/prod.yaml', 'version: 1\npauses: [{ name: Café }]\n');
    const loaded = await loadLayeredConfig(await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok' }, envName: 'prod' }));
    expect(loaded.diagnostics.map((d) => [d.code, d.file])).toContainEqual(['PROJECT_LAYER_OVERLAP', join(root, 'config/prod/prod.yaml')]);
  });

  it('reports a config folder that does not exist, naming the environment', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    const loaded = await loadLayeredConfig(await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok' }, envName: 'prod' }));
    expect(loaded.diagnostics).toMatchObject([{ code: 'PROJECT_CONFIG_NOT_FOUND', message: expect.stringContaining('environment prod') }]);
  });
});

describe('validateAllEnvironments', () => {
  it('checks every environment without credentials and reports each one on its own', async () => {
    await write('conecta.yaml', project);
    await write('config/base/base.yaml', base);
    await write('config/prod/prod.yaml', 'version: 1\nagents:\n  - { email: ana@acme.example, name: Ana, teams: [Cobrança] }\n');
    const result = await validateAllEnvironments({ cwd: root, env: {} });
    expect(result.projectFile).toBe(join(root, 'conecta.yaml'));
    expect(result.environments.map((check) => [check.name, hasErrors(check.diagnostics)])).toEqual([['local', false], ['prod', true]]);
    expect(result.environments[1]?.description).toBe('environment prod (https://acme.conecta.com.vc)');
    expect(result.environments[0]?.state?.resources).toHaveLength(2);
  });

  it('checks the one default target when there is no project file', async () => {
    await mkdir(join(root, '.git'));
    await write('base.yaml', base.replace('${var:HOURS}', '8h'));
    const result = await validateAllEnvironments({ cwd: root, env: {} });
    expect(result.environments.map((check) => [check.name, check.diagnostics])).toEqual([['default', []]]);
  });
});
