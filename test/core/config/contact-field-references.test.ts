import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../cli/io/read-config.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-contact-fields-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const flow = (saveTo: string, variable: string) => [
  'flows:',
  '  - name: Cadastro',
  '    start: pergunta',
  '    blocks:',
  '      pergunta:',
  '        type: input',
  '        prompt: Seu CPF?',
  `        saveTo: ${saveTo}`,
  '        next: marca',
  '      marca:',
  '        type: setVariable',
  `        variable: ${variable}`,
  '        value: sim',
  '        next: fim',
  '      fim:',
  '        type: end',
].join('\n');

async function load(saveTo: string, variable: string) {
  const file = join(directory, 'config.yaml');
  await writeFile(file, `version: 1\ncontactFields:\n  - name: cpf\n  - name: cliente_novo\n${flow(saveTo, variable)}\n`);
  return { file, ...(await loadConfig([file], { env: {} })) };
}

describe('flows referring to contact fields', () => {
  it('accepts contact.<field> for fields the config defines, and plain variable names', async () => {
    const { diagnostics } = await load('contact.cpf', 'protocolo');
    expect(diagnostics).toEqual([]);
  });

  it('reports a typo in saveTo and variable at the value, with the closest field', async () => {
    const { file, diagnostics } = await load('contact.cfp', 'contact.cliente_nvo');
    expect(diagnostics.map(({ code, file: where, line, column, hint }) => ({ code, where, line, column, hint }))).toEqual([
      { code: 'CONFIG_UNKNOWN_REFERENCE', where: file, line: 12, column: 17, hint: 'Did you mean `cpf`?' },
      { code: 'CONFIG_UNKNOWN_REFERENCE', where: file, line: 16, column: 19, hint: 'Did you mean `cliente_novo`?' },
    ]);
  });
});
