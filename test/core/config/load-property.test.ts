import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../cli/io/read-config.js';

const name = fc.stringMatching(/^[A-Za-zÀ-ú][A-Za-zÀ-ú0-9 ]{0,20}[A-Za-z0-9]$/);
const time = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => ({ from: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, to: `${String(hour + 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}` }));

/** Random configs that respect the schema and the references. */
const config = fc.record({
  tabulations: fc.uniqueArray(name, { maxLength: 5 }),
  teams: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
  agents: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 }),
  // Distinct hours: two intervals in a row with the same hours are an error (CONFIG_SCHEDULE_SAME_HOURS).
  hours: fc.uniqueArray(time, { maxLength: 3, selector: (range) => range.from }),
  words: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 5 }),
}).map(({ tabulations, teams, agents, hours, words }) => ({
  version: 1,
  tabulations: tabulations.map((tabulation) => ({ name: tabulation })),
  teams: teams.map((team, index) => ({ name: team, tabulations, ...(index > 0 ? { overflowTeam: teams[0] } : {}) })),
  agents: agents.map((agent, index) => ({ email: `${agent}@acme.com.br`, name: agent, teams: [teams[index % teams.length]] })),
  scheduleGroups: [{ name: 'Comercial', intervals: hours.map((range, index) => ({ days: [['mon', 'tue', 'wed'][index]], ...range })) }],
  wordFilters: { noFlowStart: words },
}));

describe('loading random valid configs', () => {
  it('never throws and finds no error', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'conecta-property-'));
    try {
      await fc.assert(fc.asyncProperty(config, fc.boolean(), async (document, isFlowStyle) => {
        const file = join(directory, 'config.yaml');
        await writeFile(file, stringify(document, isFlowStyle ? { collectionStyle: 'flow' } : {}));
        const loaded = await loadConfig([file], { env: {} });
        expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        expect(loaded.state.resources.length).toBe(document.tabulations.length + document.teams.length + document.agents.length + 1 + document.wordFilters.noFlowStart.length);
      }), { numRuns: 60 });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
