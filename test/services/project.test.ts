import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConectaError, ConfigError } from '../../cli/core/errors.js';
import { addCredentialVariables, createRedactor } from '../../cli/io/redactor.js';
import { resolveTarget } from '../../cli/services/project.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-project-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string): Promise<string> {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

async function captureError(promise: Promise<unknown>): Promise<ConectaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConectaError) return error;
    throw error;
  }
  throw new Error('expected a ConectaError');
}

const project = [
  'version: 1',
  'config: [config/base]',
  'environments:',
  '  local: { sandbox: true }',
  '  prod:',
  '    url: https://acme.conecta.com.vc',
  '    credentials: { token: CONECTA_TOKEN_PROD }',
  '',
].join('\n');

describe('resolveTarget: finding the project file', () => {
  it('finds conecta.yaml in a parent folder and resolves its folders from there', async () => {
    await write('repo/conecta.yaml', project);
    await mkdir(join(root, 'repo/config/base/deep'), { recursive: true });
    const target = await resolveTarget({ cwd: join(root, 'repo/config/base/deep'), env: {}, envName: 'local' });
    expect(target.projectFile).toBe(join(root, 'repo/conecta.yaml'));
    expect(target.layers).toEqual([[join(root, 'repo/config/base')]]);
  });

  it('stops looking at the repository root (the folder holding .git)', async () => {
    await write('conecta.yaml', project);
    await mkdir(join(root, 'repo/.git'), { recursive: true });
    const target = await resolveTarget({ cwd: join(root, 'repo'), env: {} });
    expect(target.projectFile).toBeUndefined();
    expect(target.layers).toEqual([[join(root, 'repo')]]);
  });

  it('takes --project as a folder or a file, and CONECTA_PROJECT when --project is absent', async () => {
    await write('elsewhere/conecta.yaml', project);
    await write('other.yaml', project.replace('local:', 'dev:'));
    const fromFolder = await resolveTarget({ cwd: root, env: {}, projectFile: 'elsewhere', envName: 'local' });
    expect(fromFolder.projectFile).toBe(join(root, 'elsewhere/conecta.yaml'));
    const fromEnv = await resolveTarget({ cwd: root, env: { CONECTA_PROJECT: 'other.yaml' }, envName: 'dev' });
    expect(fromEnv.projectFile).toBe(join(root, 'other.yaml'));
  });

  it('reports a --project path that does not exist', async () => {
    const error = await captureError(resolveTarget({ cwd: root, env: {}, projectFile: 'missing.yaml' }));
    expect(error.code).toBe('PROJECT_NOT_FOUND');
    expect(error.message).toContain('missing.yaml');
  });
});

describe('resolveTarget: reading the project file', () => {
  async function diagnosticsOf(content: string) {
    await write('conecta.yaml', content);
    const error = await captureError(resolveTarget({ cwd: root, env: {}, envName: 'local' }));
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).diagnostics;
  }

  it('locates an unknown key and lists the allowed ones', async () => {
    const diagnostics = await diagnosticsOf(`${project}    region: sa-east-1\n`);
    expect(diagnostics).toMatchObject([{ code: 'PROJECT_SCHEMA', message: 'Unknown key "region" in /environments/prod.', line: 8, column: 5, file: join(root, 'conecta.yaml') }]);
    expect(diagnostics[0]?.hint).toContain('url, sandbox, credentials, variables, config');
  });

  it('reports a duplicate key as a YAML problem with its line', async () => {
    const diagnostics = await diagnosticsOf(`${project}  local: { sandbox: true }\n`);
    expect(diagnostics).toMatchObject([{ code: 'PROJECT_YAML_DUPLICATE_KEY', line: 8 }]);
  });

  it('reports an environment name that is not allowed, at its key', async () => {
    const diagnostics = await diagnosticsOf(`${project}  "cliente a": { sandbox: true }\n`);
    expect(diagnostics).toMatchObject([{ code: 'PROJECT_SCHEMA', pointer: '/environments/cliente a', line: 8, column: 3 }]);
    expect(diagnostics[0]?.message).toContain('"cliente a" is not a valid name');
  });

  it('reports a __proto__ variable instead of reaching the prototype', async () => {
    const diagnostics = await diagnosticsOf(`${project}variables:\n  __proto__: { polluted: true }\n`);
    expect(diagnostics.map((d) => d.code)).toContain('PROJECT_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a wrong version and a target rule together with their positions', async () => {
    const diagnostics = await diagnosticsOf('version: 2\nenvironments:\n  prod: { url: https://acme.conecta.com.vc }\n');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['PROJECT_SCHEMA', 1]]);
    const semantic = await diagnosticsOf('version: 1\nenvironments:\n  prod: { url: https://acme.conecta.com.vc }\n');
    expect(semantic.map((d) => [d.code, d.line, d.column])).toEqual([['PROJECT_CREDENTIALS', 3, 3]]);
  });
});

describe('resolveTarget: credentials', () => {
  it('gives the token to the provider, and the run masks it in any output', async () => {
    await write('conecta.yaml', project);
    const target = await resolveTarget({ cwd: root, env: { CONECTA_TOKEN_PROD: 'tok-4f9a-prod-secret' }, envName: 'prod' });
    expect(target.env.CONECTA_TOKEN).toBe('tok-4f9a-prod-secret');
    const redactor = createRedactor();
    addCredentialVariables(redactor, target.env);
    expect(redactor.mask('Bearer tok-4f9a-prod-secret')).toBe('Bearer ****');
  });

  it('fails before any network call when the token variable is unset', async () => {
    await write('conecta.yaml', project);
    const error = await captureError(resolveTarget({ cwd: root, env: {}, envName: 'prod' }));
    expect(error.code).toBe('PROJECT_CREDENTIAL_UNSET');
    expect(error.message).toContain('CONECTA_TOKEN_PROD');
  });
});
