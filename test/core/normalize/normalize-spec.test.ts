import { describe, expect, test } from 'vitest';
import { normalizeSpec, toComparableSpec } from '../../../cli/core/normalize/normalize-spec.js';
import type { Spec } from '../../../cli/core/model/resource.js';

const normalizeTeam = (spec: Spec) => normalizeSpec('team', spec);
const normalizeAgent = (spec: Spec) => normalizeSpec('agent', spec);
const normalizePause = (spec: Spec) => normalizeSpec('pause', spec);
const normalizeWordFilter = (spec: Spec) => normalizeSpec('word-filter', spec);
import { normalizeDuration, normalizeText } from '../../../cli/core/normalize/normalize-values.js';

describe('normalizeDuration', () => {
  test.each([
    ['90m', '1h30m'],
    ['0m', '0s'],
    ['0s', '0s'],
    ['3600s', '1h'],
    ['1d0h', '1d'],
    ['25h', '1d1h'],
  ])('writes %s as %s', (input, expected) => {
    expect(normalizeDuration(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  test('turns CRLF into LF and trims trailing whitespace per line and at the end', () => {
    expect(normalizeText('Olá  \r\nAté logo.\t\r\n\r\n')).toBe('Olá\nAté logo.');
  });
});

describe('normalizeTeam', () => {
  test('fills server defaults so an empty team equals the default live team', () => {
    const team = normalizeTeam({ name: 'SAC' });
    expect(team).toMatchObject({ name: 'SAC', sessionTimeout: '0s', distributionRule: 'all', agentOrder: [], tabulations: [], closingMessage: '' });
    expect(team.permissions).toMatchObject({ editContact: true, autoAttendance: false });
  });

  test('sorts set-like lists but keeps the agent order as written, lower-casing e-mails', () => {
    const team = normalizeTeam({ name: 'SAC', tabulations: ['Venda', 'Dúvida'], agentOrder: ['Zeca@acme.com', 'ana@acme.com'] });
    expect(team.tabulations).toEqual(['Dúvida', 'Venda']);
    expect(team.agentOrder).toEqual(['zeca@acme.com', 'ana@acme.com']);
  });

  test('canonicalises durations and texts', () => {
    const team = normalizeTeam({ name: 'SAC', sessionTimeout: '90m', closingMessage: 'Tchau \r\n', waitTimeout: { after: '600s', redirectTo: 'N2' } });
    expect(team.sessionTimeout).toBe('1h30m');
    expect(team.closingMessage).toBe('Tchau');
    expect(team.waitTimeout).toEqual({ after: '10m', redirectTo: 'N2' });
  });

  test('does not change its input', () => {
    const input = { name: 'SAC', tabulations: ['b', 'a'] };
    normalizeTeam(input);
    expect(input).toEqual({ name: 'SAC', tabulations: ['b', 'a'] });
  });
});

describe('normalizeAgent', () => {
  test('lower-cases the login e-mail and sorts teams', () => {
    const agent = normalizeAgent({ email: 'Maria@Acme.com', name: 'Maria', teams: ['Vendas', 'SAC'] });
    expect(agent.email).toBe('maria@acme.com');
    expect(agent.teams).toEqual(['SAC', 'Vendas']);
  });

  test('leaves the write-only initial password out of comparisons only', () => {
    const agent = normalizeAgent({ email: 'a@b.c', name: 'A', initialPassword: 'segredo123' });
    expect(agent.initialPassword).toBe('segredo123');
    expect(toComparableSpec('agent', agent)).not.toHaveProperty('initialPassword');
  });
});

describe('normalizePause and normalizeWordFilter', () => {
  test('treats 0m and 0s as the same maximum duration', () => {
    expect(normalizePause({ name: 'Almoço', maxDuration: '0m' }).maxDuration).toBe(normalizePause({ name: 'Almoço' }).maxDuration);
  });

  test('compares words without regard to case', () => {
    expect(normalizeWordFilter({ list: 'noFlowStart', word: 'Obrigado' }).word).toBe('obrigado');
  });
});
