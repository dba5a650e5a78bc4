import { describe, expect, it } from 'vitest';
import { ConectaError } from '../../../cli/core/errors.js';
import type { ProjectFile } from '../../../cli/core/project/project.js';
import { resolveTargetFromProject, type ResolveTargetInput } from '../../../cli/core/project/resolve-target.js';

const project: ProjectFile = {
  version: 1,
  config: ['config/base'],
  variables: { SUPPORT_HOURS: '8h às 18h', MAX_CHATS: 5 },
  environments: {
    local: { sandbox: true },
    staging: { url: 'https://acme-staging.conecta.com.vc', credentials: { token: 'CONECTA_TOKEN_STAGING' }, variables: { SUPPORT_HOURS: '24h' }, config: ['config/staging'] },
    prod: { url: 'https://acme.conecta.com.vc', credentials: { email: 'PROD_EMAIL', password: 'PROD_PASSWORD' } },
  },
};

function resolve(overrides: Partial<ResolveTargetInput> & { spec?: ProjectFile | null } = {}) {
  const { spec, ...rest } = overrides;
  return resolveTargetFromProject({
    cwd: '/repo/sub',
    processEnv: {},
    project: spec === null ? undefined : { file: '/repo/conecta.yaml', dir: '/repo', project: spec ?? project },
    isCredentialRequired: true,
    ...rest,
  });
}

function captureError(action: () => unknown): ConectaError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConectaError) return error;
    throw error;
  }
  throw new Error('expected a ConectaError');
}

describe('resolveTargetFromProject', () => {
  it('layers the environment folders over the base, as absolute paths from the project folder', () => {
    const target = resolve({ envName: 'staging', processEnv: { CONECTA_TOKEN_STAGING: 'tok-staging' } });
    expect(target.layers).toEqual([['/repo/config/base'], ['/repo/config/staging']]);
    expect(target.name).toBe('staging');
    expect(target.description).toBe('environment staging (https://acme-staging.conecta.com.vc)');
    expect(target.projectFile).toBe('/repo/conecta.yaml');
  });

  it('merges the project variables under the environment ones and writes numbers as text', () => {
    const target = resolve({ envName: 'staging', processEnv: { CONECTA_TOKEN_STAGING: 'tok' } });
    expect(target.variables).toEqual({ SUPPORT_HOURS: '24h', MAX_CHATS: '5' });
  });

  it('sets CONECTA_URL and CONECTA_TOKEN from the variable the environment names', () => {
    const target = resolve({ envName: 'staging', processEnv: { CONECTA_TOKEN_STAGING: 'tok-staging', PATH: '/bin' } });
    expect(target.env).toMatchObject({ CONECTA_URL: 'https://acme-staging.conecta.com.vc', CONECTA_TOKEN: 'tok-staging', PATH: '/bin' });
  });

  it('sets e-mail and password, and drops an inherited token that belongs to another tenant', () => {
    const target = resolve({ envName: 'prod', processEnv: { PROD_EMAIL: 'admin@acme.example', PROD_PASSWORD: 'secret-pw', CONECTA_TOKEN: 'stray', CONECTA_URL: 'https://other' } });
    expect(target.env.CONECTA_EMAIL).toBe('admin@acme.example');
    expect(target.env.CONECTA_PASSWORD).toBe('secret-pw');
    expect(target.env.CONECTA_URL).toBe('https://acme.conecta.com.vc');
    expect(target.env).not.toHaveProperty('CONECTA_TOKEN');
  });

  it('removes CONECTA_URL and every credential for a sandbox environment', () => {
    const target = resolve({ envName: 'local', processEnv: { CONECTA_URL: 'https://acme.conecta.com.vc', CONECTA_TOKEN: 'tok', CONECTA_EMAIL: 'a@b', CONECTA_PASSWORD: 'pw' } });
    for (const name of ['CONECTA_URL', 'CONECTA_TOKEN', 'CONECTA_EMAIL', 'CONECTA_PASSWORD']) expect(target.env).not.toHaveProperty(name);
    expect(target.description).toBe('environment local (embedded sandbox)');
  });

  it('names the unset credential variable and never a value', () => {
    const error = captureError(() => resolve({ envName: 'prod', processEnv: { PROD_EMAIL: 'admin@acme.example', PROD_PASSWORD: '' } }));
    expect(error.code).toBe('PROJECT_CREDENTIAL_UNSET');
    expect(error.message).toContain('PROD_PASSWORD');
    expect(`${error.message} ${error.hint}`).not.toContain('admin@acme.example');
  });

  it('resolves without credentials when only the config is checked', () => {
    const target = resolve({ envName: 'prod', isCredentialRequired: false });
    expect(target.env.CONECTA_URL).toBe('https://acme.conecta.com.vc');
    expect(target.env).not.toHaveProperty('CONECTA_PASSWORD');
  });

  it('suggests the closest name for an unknown environment', () => {
    const error = captureError(() => resolve({ envName: 'prd' }));
    expect(error.code).toBe('PROJECT_UNKNOWN_ENV');
    expect(error.message).toContain('local, staging, prod');
    expect(error.hint).toBe('Did you mean --env prod?');
  });

  it('does not mistake an inherited object property for an environment', () => {
    expect(captureError(() => resolve({ envName: 'constructor' })).code).toBe('PROJECT_UNKNOWN_ENV');
  });

  it('requires --env when the project lists environments and has no default', () => {
    const error = captureError(() => resolve());
    expect(error.code).toBe('PROJECT_ENV_REQUIRED');
    expect(error.hint).toContain('--env');
  });

  it('uses defaultEnvironment, then CONECTA_ENV, then --env, the most explicit winning', () => {
    const spec = { ...project, defaultEnvironment: 'local' };
    expect(resolve({ spec }).name).toBe('local');
    expect(resolve({ spec, isCredentialRequired: false, processEnv: { CONECTA_ENV: 'prod' } }).name).toBe('prod');
    expect(resolve({ spec, isCredentialRequired: false, processEnv: { CONECTA_ENV: 'prod' }, envName: 'staging' }).name).toBe('staging');
  });

  it('lets explicit paths replace the project folders but keeps the environment variables and target', () => {
    const target = resolve({ envName: 'staging', processEnv: { CONECTA_TOKEN_STAGING: 'tok' }, paths: ['only', '/abs/other'] });
    expect(target.layers).toEqual([['/repo/sub/only', '/abs/other']]);
    expect(target.variables.SUPPORT_HOURS).toBe('24h');
    expect(target.env.CONECTA_URL).toBe('https://acme-staging.conecta.com.vc');
  });

  it('defaults the base to config/ and needs no --env in a project without environments', () => {
    const target = resolve({ spec: { version: 1 }, processEnv: { CONECTA_URL: 'https://acme.conecta.com.vc' } });
    expect(target).toMatchObject({ name: 'default', layers: [['/repo/config']], description: 'CONECTA_URL https://acme.conecta.com.vc' });
  });

  it('without a project file, loads the working directory and passes the environment through', () => {
    const target = resolve({ spec: null, processEnv: { CONECTA_TOKEN: 'tok' } });
    expect(target).toMatchObject({ name: 'default', layers: [['/repo/sub']], env: { CONECTA_TOKEN: 'tok' } });
    expect(target.description).toContain('embedded sandbox');
  });

  it('refuses --env without a project file and says how to get one', () => {
    const error = captureError(() => resolve({ spec: null, envName: 'prod' }));
    expect(error.code).toBe('PROJECT_NOT_FOUND');
    expect(error.hint).toContain('conecta init');
  });
});
