import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportTenant, type ExportInput } from '../../../cli/core/export/export-tenant.js';
import { allKinds, getKindInfo, toResourceKey } from '../../../cli/core/kinds/registry.js';
import type { Kind, LiveResource, LiveSnapshot, Spec } from '../../../cli/core/model/resource.js';
import { canonicalJson } from '../../../cli/core/normalize/canonical-json.js';
import { normalizeSpec } from '../../../cli/core/normalize/normalize-spec.js';
import { arbitraryTenant, toDesiredState } from '../../helpers/random-tenant.js';
import { createAcmeSnapshot, live } from './fixture-snapshot.js';

function runExport(snapshot: LiveSnapshot, overrides: Partial<ExportInput> = {}) {
  return exportTenant({ snapshot, kinds: allKinds, target: 'https://acme.conecta.com.vc', date: '2025-01-02', schemaRef: 'schema/conecta.schema.json', ...overrides });
}

function fileText(snapshot: LiveSnapshot, path: string): string {
  const file = runExport(snapshot).files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path}`);
  return file.text;
}

function only(...resources: LiveResource[]): LiveSnapshot {
  return { resources, unsupported: [] };
}

/** The objects of every file, read back the way a config reader would, by kind. */
function readBack(files: { path: string; text: string }[]): { kind: Kind; spec: Spec }[] {
  return files.flatMap(({ text }) => {
    const document = parse(text) as Record<string, unknown>;
    return Object.entries(document).flatMap(([key, value]) => {
      if (key === 'version') return [];
      if (key === 'wordFilters') {
        return Object.entries(value as Record<string, string[]>).flatMap(([list, words]) => words.map((word) => ({ kind: 'word-filter' as const, spec: { list, word } })));
      }
      const kind = allKinds.find((candidate) => getKindInfo(candidate).configKey === key)!;
      return (value as Spec[]).map((spec) => ({ kind, spec }));
    });
  });
}

function comparable(kind: Kind, spec: Spec): string {
  return canonicalJson(normalizeSpec(kind, spec));
}

describe('exportTenant', () => {
  it('writes the acme tenant as one file per kind and one per flow', async () => {
    const { files } = runExport(createAcmeSnapshot());
    expect(files.map((file) => file.path)).toEqual([
      'tabulations.yaml', 'predefinedMessages.yaml', 'scheduleGroups.yaml', 'pauses.yaml', 'wordFilters.yaml',
      'userGroups.yaml', 'administrators.yaml', 'teams.yaml', 'agents.yaml', 'flows/atendimento-inicio.yaml',
    ]);
    for (const file of files) await expect(file.text).toMatchFileSnapshot(`../../golden/export/acme/${file.path}`);
  });

  it('starts every file with the schema modeline, the header and version 1', () => {
    const text = fileText(createAcmeSnapshot(), 'teams.yaml');
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# yaml-language-server: $schema=schema/conecta.schema.json',
      '# Exported from https://acme.conecta.com.vc on 2025-01-02 by `conecta export`.',
      '',
      'version: 1',
    ]);
  });

  it('points flow files one directory up at a relative schema, and leaves a URL alone', () => {
    const flow = live('flow', 'Main', { name: 'Main', start: 'fim', blocks: { fim: { type: 'end' } } });
    expect(fileText(only(flow), 'flows/main.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/conecta\.schema\.json\n/);
    const url = 'https://conecta-as-code.dev/schema/v1/conecta.schema.json';
    expect(runExport(only(flow), { schemaRef: url }).files[0]!.text).toMatch(`$schema=${url}\n`);
  });

  it('leaves out fields that hold the server default', () => {
    const team = live('team', 'Vendas', { name: 'Vendas', sessionTimeout: '0m', distributionRule: 'all', agentOrder: [], closingMessage: '', permissions: { editContact: true, offlineAttendance: false } });
    expect(parse(fileText(only(team), 'teams.yaml')).teams).toEqual([{ name: 'Vendas' }]);
  });

  it('keeps only the nested fields that differ from their default', () => {
    const team = live('team', 'SAC', { name: 'SAC', permissions: { editContact: true, showNumber: false } });
    expect(parse(fileText(only(team), 'teams.yaml')).teams).toEqual([{ name: 'SAC', permissions: { showNumber: false } }]);
  });

  it('writes keys in the schema property order', () => {
    const agent = live('agent', 'a@acme.com.br', { teams: ['SAC'], codename: 'x', name: 'A', email: 'a@acme.com.br' });
    expect(Object.keys(parse(fileText(only(agent), 'agents.yaml')).agents[0])).toEqual(['email', 'name', 'codename', 'teams']);
  });

  it('sorts objects by natural key and set-like lists, and keeps ordered lists as they are', () => {
    const snapshot = only(
      live('team', 'Vendas', { name: 'Vendas', distributionRule: 'sequential', agentOrder: ['z@acme.com.br', 'a@acme.com.br'], tabulations: ['b', 'a'] }),
      live('team', 'SAC', { name: 'SAC' }),
    );
    const teams = parse(fileText(snapshot, 'teams.yaml')).teams;
    expect(teams.map((team: Spec) => team.name)).toEqual(['SAC', 'Vendas']);
    expect(teams[1].agentOrder).toEqual(['z@acme.com.br', 'a@acme.com.br']);
    expect(teams[1].tabulations).toEqual(['a', 'b']);
  });

  it('sorts enum sets in the schema order, such as weekdays from Monday', () => {
    const group = live('schedule-group', 'Comercial', { name: 'Comercial', intervals: [{ days: ['sun', 'fri', 'mon'], from: '08:00', to: '12:00' }] });
    expect(parse(fileText(only(group), 'scheduleGroups.yaml')).scheduleGroups[0].intervals[0].days).toEqual(['mon', 'fri', 'sun']);
  });

  it('writes weekdays in their canonical form, whatever name they were given', () => {
    const group = live('schedule-group', 'Comercial', { name: 'Comercial', intervals: [{ days: ['Sexta-feira', 'dom', 'seg'], from: '08:00', to: '12:00' }] });
    expect(parse(fileText(only(group), 'scheduleGroups.yaml')).scheduleGroups[0].intervals[0].days).toEqual(['mon', 'fri', 'sun']);
  });

  it('lists flow blocks in the order a contact meets them, unreachable ones last', () => {
    const flow = live('flow', 'Main', { name: 'Main', start: 'boas', blocks: {
      zeta: { type: 'end' },
      fim: { type: 'end' },
      menu: { type: 'menu', text: 'Escolha', options: [{ key: '1', label: 'Sair', next: 'fim' }, { key: '2', label: 'Ajuda', next: 'ajuda' }] },
      ajuda: { type: 'message', text: 'Ajuda', next: 'fim' },
      boas: { next: 'menu', text: 'Oi', type: 'message' },
      orfao: { type: 'end' },
    } });
    expect(Object.keys(parse(fileText(only(flow), 'flows/main.yaml')).flows[0].blocks)).toEqual(['boas', 'menu', 'fim', 'ajuda', 'orfao', 'zeta']);
  });

  it('gives the same text whatever order the tenant lists its objects in', () => {
    const snapshot = createAcmeSnapshot();
    const expected = runExport(snapshot).files;
    fc.assert(fc.property(fc.shuffledSubarray(snapshot.resources, { minLength: snapshot.resources.length }), (resources) => {
      expect(runExport({ resources, unsupported: [] }).files).toEqual(expected);
    }), { numRuns: 20 });
  });

  it('quotes values that a YAML 1.1 reader would take for something else', () => {
    const agent = live('agent', 'a@acme.com.br', { email: 'a@acme.com.br', name: 'yes', codename: '1042', extension: '0042', loginHours: { from: '08:00', to: '18:30' } });
    const text = fileText(only(agent), 'agents.yaml');
    for (const quoted of ['name: "yes"', 'codename: "1042"', 'extension: "0042"', 'from: "08:00"', 'to: "18:30"']) expect(text).toContain(quoted);
  });

  it('writes multi-line texts as literal blocks, with CRLF and trailing spaces made canonical', () => {
    const message = live('predefined-message', 'Oi', { name: 'Oi', text: 'Olá!   \r\nTudo bem? 😀\r\n' });
    expect(fileText(only(message), 'predefinedMessages.yaml')).toContain('    text: |-\n      Olá!\n      Tudo bem? 😀\n');
  });

  it('writes references by name and never a vendor id', () => {
    const snapshot = createAcmeSnapshot();
    const texts = runExport(snapshot).files.map((file) => file.text).join('\n');
    for (const resource of snapshot.resources) expect(texts).not.toContain(resource.id);
  });

  it('replaces a flow HTTP header with an environment placeholder and a comment', () => {
    const flow = live('flow', 'Suporte Técnico', { name: 'Suporte Técnico', start: 'api', blocks: {
      api: { type: 'http', url: 'https://api.acme.com.br', headers: { Authorization: 'Bearer s3cr3t' }, success: 'fim', error: 'fim' },
      fim: { type: 'end' },
    } });
    const [file] = runExport(only(flow)).files;
    expect(file!.text).not.toContain('s3cr3t');
    expect(file!.text).toContain('Authorization: ${env:CONECTA_SECRET_SUPORTE_TECNICO_API_AUTHORIZATION} # secret:');
    expect(file!.secrets).toEqual([{ envName: 'CONECTA_SECRET_SUPORTE_TECNICO_API_AUTHORIZATION', kind: 'flow', name: 'Suporte Técnico', path: 'blocks.api.headers.Authorization' }]);
  });

  it('never names two secrets with the same variable', () => {
    const blocks = { api: { type: 'http', url: 'https://x.com', headers: { 'X-Key': 'a', 'x-key': 'b' }, success: 'fim', error: 'fim' }, fim: { type: 'end' } };
    const snapshot = only(live('flow', 'Main', { name: 'Main', start: 'api', blocks }), live('flow', 'main', { name: 'main', start: 'api', blocks }));
    const names = runExport(snapshot).files.flatMap((file) => file.secrets.map((secret) => secret.envName));
    expect(names).toEqual(['CONECTA_SECRET_MAIN_API_X_KEY', 'CONECTA_SECRET_MAIN_API_X_KEY_2', 'CONECTA_SECRET_MAIN_API_X_KEY_3', 'CONECTA_SECRET_MAIN_API_X_KEY_4']);
  });

  it('leaves out write-only initial passwords', () => {
    const agent = live('agent', 'a@acme.com.br', { email: 'a@acme.com.br', name: 'A', initialPassword: 'hunter22' });
    const text = fileText(only(agent), 'agents.yaml');
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('initialPassword');
  });

  it('writes each flow to its own file, with distinct slugs', () => {
    const flow = (name: string) => live('flow', name, { name, start: 'fim', blocks: { fim: { type: 'end' } } });
    const paths = runExport(only(flow('Atendimento'), flow('atendimento'), flow('😀'))).files.map((file) => file.path);
    expect(paths).toEqual(['flows/atendimento.yaml', 'flows/atendimento-2.yaml', 'flows/flow.yaml']);
  });

  it('groups word filters into their two lists', () => {
    const snapshot = only(live('word-filter', 'noFlowStart/Valeu', { list: 'noFlowStart', word: 'Valeu' }), live('word-filter', 'noFlowStart/obrigado', { list: 'noFlowStart', word: 'obrigado' }));
    expect(parse(fileText(snapshot, 'wordFilters.yaml')).wordFilters).toEqual({ noFlowStart: ['obrigado', 'Valeu'] });
  });

  it('exports only the requested kinds', () => {
    const output = runExport(createAcmeSnapshot(), { kinds: ['team', 'agent'] });
    expect(output.files.map((file) => file.path)).toEqual(['teams.yaml', 'agents.yaml']);
    expect(output.counts).toEqual({ teams: 2, agents: 2 });
  });

  it('counts objects per kind, zero included, and writes no file for an empty kind', () => {
    const output = runExport(only(live('tabulation', 'A', { name: 'A' })), { kinds: ['tabulation', 'pause'] });
    expect(output.counts).toEqual({ tabulations: 1, pauses: 0 });
    expect(output.files.map((file) => file.path)).toEqual(['tabulations.yaml']);
  });

  it('reports a kind the tenant does not support instead of dropping it silently', () => {
    const snapshot: LiveSnapshot = { resources: [], unsupported: [{ kind: 'flow', reason: 'the tenant has no flow endpoint (GET /flows answered 404)' }] };
    const output = runExport(snapshot, { kinds: ['flow'] });
    expect(output.skipped).toEqual([{ kind: 'flow', reason: 'the tenant has no flow endpoint (GET /flows answered 404)' }]);
    expect(output.counts).toEqual({});
  });

  it('reports a second object with the same natural key', () => {
    const output = runExport(only(live('team', 'SAC', { name: 'SAC' }, 'id-1'), live('team', 'SAC', { name: 'SAC', closingMessage: 'x' }, 'id-2')));
    expect(output.counts.teams).toBe(1);
    expect(output.skipped).toEqual([{ kind: 'team', name: 'SAC', reason: expect.stringContaining('same name') }]);
  });

  it('writes files that read back to the same objects, for any tenant', () => {
    fc.assert(fc.property(arbitraryTenant(), (tenant) => {
      const resources = toDesiredState(tenant).resources.map((resource, index) => ({ ...resource, id: `id-${index}` }));
      const output = runExport({ resources, unsupported: [] });
      const read = readBack(output.files).map(({ kind, spec }) => restoreSecrets(kind, spec, resources));
      const expected = resources.map((resource) => `${resource.kind} ${comparable(resource.kind, resource.spec)}`).sort();
      expect(read.map(({ kind, spec }) => `${kind} ${comparable(kind, spec)}`).sort()).toEqual(expected);
    }), { numRuns: 50 });
  });
});

/** Puts the live header values back where the export wrote placeholders, as the user's environment would. */
function restoreSecrets(kind: Kind, spec: Spec, resources: LiveResource[]): { kind: Kind; spec: Spec } {
  if (kind !== 'flow') return { kind, spec };
  const source = resources.find((resource) => resource.kind === 'flow' && resource.key === toResourceKey('flow', spec.name as string))!;
  const blocks = spec.blocks as Record<string, Spec>;
  for (const [id, block] of Object.entries(blocks)) {
    if (block.headers) block.headers = (source.spec.blocks as Record<string, Spec>)[id]!.headers!;
  }
  return { kind, spec };
}

describe('exportTenant: secrets inside URLs', () => {
  const url = 'https://bot:s3cr3t-pw@api.acme.com.br/v1/pedidos?page=2&access_token=tok-abc123&apiKey=k%2Fey&q=x#top';
  const flow = () => live('flow', 'Consulta', { name: 'Consulta', start: 'api', blocks: {
    api: { type: 'http', url, success: 'fim', error: 'fim' },
    hook: { type: 'http', url: 'https://ghp_t0ken@hooks.acme.com.br/x', success: 'fim', error: 'fim' },
    fim: { type: 'end' },
  } });

  it('replaces userinfo and secret query parameters with placeholders, and leaves the rest of the URL', () => {
    const [file] = runExport(only(flow())).files;
    for (const secret of ['s3cr3t-pw', 'tok-abc123', 'k%2Fey', 'ghp_t0ken']) expect(file!.text).not.toContain(secret);
    expect(file!.text).toContain('https://bot:${env:CONECTA_SECRET_CONSULTA_API_PASSWORD}@api.acme.com.br/v1/pedidos?page=2&access_token=${env:CONECTA_SECRET_CONSULTA_API_ACCESS_TOKEN}&apiKey=${env:CONECTA_SECRET_CONSULTA_API_APIKEY}&q=x#top');
    expect(file!.text).toContain('https://${env:CONECTA_SECRET_CONSULTA_HOOK_USER}@hooks.acme.com.br/x');
    expect(file!.secrets.map((secret) => [secret.path, secret.urlPart])).toEqual([
      ['blocks.api.url', 'password'], ['blocks.api.url', 'query access_token'], ['blocks.api.url', 'query apiKey'], ['blocks.hook.url', 'user'],
    ]);
  });

  it('plans no change once the variables hold the values', async () => {
    const { interpolateDocument } = await import('../../../cli/core/config/interpolate.js');
    const [file] = runExport(only(flow())).files;
    const document = parse(file!.text) as { flows: Spec[] };
    interpolateDocument(document, 'flow.yaml', { env: {
      CONECTA_SECRET_CONSULTA_API_PASSWORD: 's3cr3t-pw', CONECTA_SECRET_CONSULTA_API_ACCESS_TOKEN: 'tok-abc123',
      CONECTA_SECRET_CONSULTA_API_APIKEY: 'k%2Fey', CONECTA_SECRET_CONSULTA_HOOK_USER: 'ghp_t0ken',
    } });
    const blocks = document.flows[0]!.blocks as Record<string, { url: string }>;
    expect(blocks.api!.url).toBe(url);
    expect(blocks.hook!.url).toBe('https://ghp_t0ken@hooks.acme.com.br/x');
  });
});
