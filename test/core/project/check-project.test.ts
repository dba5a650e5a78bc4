import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../cli/core/project/check-project.js';
import type { EnvironmentSpec, ProjectFile } from '../../../cli/core/project/project.js';

const locate = (pointer: string) => ({ line: pointer.split('/').length, column: 1 });

function check(environments: Record<string, EnvironmentSpec>, extra: Partial<ProjectFile> = {}) {
  return checkProject({ version: 1, environments, ...extra }, 'conecta.yaml', locate).map((d) => [d.code, d.pointer]);
}

describe('checkProject', () => {
  it('accepts a sandbox, a token tenant and an e-mail/password tenant', () => {
    expect(check({
      local: { sandbox: true },
      a: { url: 'https://a.conecta.com.vc', credentials: { token: 'A_TOKEN' } },
      b: { url: 'https://b.conecta.com.vc', credentials: { email: 'B_EMAIL', password: 'B_PASSWORD' } },
    })).toEqual([]);
  });

  it.each<[string, EnvironmentSpec, [string, string]]>([
    ['both url and sandbox', { sandbox: true, url: 'https://a.conecta.com.vc' }, ['PROJECT_ENV_TARGET', '/environments/x/url']],
    ['neither url nor sandbox', { sandbox: false }, ['PROJECT_ENV_TARGET', '/environments/x']],
    ['a url without credentials', { url: 'https://a.conecta.com.vc' }, ['PROJECT_CREDENTIALS', '/environments/x']],
    ['credentials on the sandbox', { sandbox: true, credentials: { token: 'T' } }, ['PROJECT_CREDENTIALS', '/environments/x/credentials']],
    ['a token and a password', { url: 'https://a.conecta.com.vc', credentials: { token: 'T', password: 'P' } }, ['PROJECT_CREDENTIALS', '/environments/x/credentials']],
    ['an e-mail without a password', { url: 'https://a.conecta.com.vc', credentials: { email: 'E' } }, ['PROJECT_CREDENTIALS', '/environments/x/credentials']],
    ['empty credentials', { url: 'https://a.conecta.com.vc', credentials: {} }, ['PROJECT_CREDENTIALS', '/environments/x/credentials']],
  ])('reports an environment with %s', (_, environment, expected) => {
    expect(check({ x: environment })).toEqual([expected]);
  });

  it('refuses prototype keys as variable or environment names', () => {
    const variables = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    expect(check({ constructor: { sandbox: true }, ok: { sandbox: true, variables } }, { variables })).toEqual([
      ['PROJECT_RESERVED_NAME', '/variables/__proto__'],
      ['PROJECT_RESERVED_NAME', '/environments/constructor'],
      ['PROJECT_RESERVED_NAME', '/environments/ok/variables/__proto__'],
    ]);
  });

  it('reports a defaultEnvironment that is not defined, suggesting the closest', () => {
    const diagnostics = checkProject({ version: 1, defaultEnvironment: 'lcoal', environments: { local: { sandbox: true } } }, 'conecta.yaml', locate);
    expect(diagnostics).toMatchObject([{ code: 'PROJECT_UNKNOWN_ENV', pointer: '/defaultEnvironment', hint: 'Did you mean "local"?', file: 'conecta.yaml', line: 2 }]);
  });
});
