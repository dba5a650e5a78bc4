import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../../cli/core/normalize/normalize-spec.js';
import { loadConfig } from '../../../cli/io/read-config.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-variables-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('text variables in messages ({{…}})', () => {
  it('passes them through unchecked and unchanged, known or not', async () => {
    const closing = 'Obrigado, {{NAME}}! Você falou com {{agente}} ({{ protocolo }}).';
    await writeFile(join(directory, 'config.yaml'), `version: 1\nteams:\n  - name: SAC\n    closingMessage: "${closing}"\n    noAgentMessage: "{{desconhecida}} {{"\npredefinedMessages:\n  - name: Saudação\n    text: "Olá, {{NAME}}"\n`);
    const loaded = await loadConfig([directory], { env: {} });
    expect(loaded.diagnostics).toEqual([]);
    const team = loaded.state.resources.find((resource) => resource.kind === 'team')!;
    expect(normalizeSpec('team', team.spec)).toMatchObject({ closingMessage: closing, noAgentMessage: '{{desconhecida}} {{' });
  });
});
