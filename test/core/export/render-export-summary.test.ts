import { describe, expect, it } from 'vitest';
import { renderExportSummary } from '../../../cli/core/export/render-export-summary.js';
import { createStyle } from '../../../cli/core/render/style.js';

describe('renderExportSummary', () => {
  it('shows counts per kind, what was not exported and why, the secrets to set, and the next step', async () => {
    const text = renderExportSummary({
      outDir: 'conecta',
      target: { url: 'https://acme.conecta.com.vc', isSandbox: false },
      files: ['conecta/teams.yaml', 'conecta/agents.yaml', 'conecta/flows/main.yaml'],
      counts: { pauses: 0, teams: 2, agents: 12, flows: 1 },
      skipped: [
        { kind: 'schedule-group', reason: 'the tenant has no schedule group endpoint' },
        { kind: 'team', name: 'SAC', field: 'sessionTimeout', reason: 'could not be read: "abc" is not a duration' },
      ],
      secrets: [{ envName: 'CONECTA_SECRET_MAIN_API_AUTHORIZATION', kind: 'flow', name: 'Main', path: 'blocks.api.headers.Authorization' }],
    }, createStyle(false));
    await expect(text).toMatchFileSnapshot('../../golden/export/summary.txt');
  });
});
