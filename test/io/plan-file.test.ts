import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPlanFile, writePlanFile } from '../../cli/io/plan-file.js';
import { buildRepresentativePlan } from '../helpers/representative-plan.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { maskPlan } from '../../cli/core/plan/mask-plan.js';

async function aTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conecta-plan-file-'));
}

describe('writePlanFile and readPlanFile', () => {
  test('round-trip the masked plan, the config layers (stored relative to the plan file) and the prune choice', async () => {
    const dir = await aTempDir();
    await writePlanFile('out/plan.json', maskPlan(buildRepresentativePlan(), createRedactor()), { layers: [['config/base'], ['config/prod']], isPruned: true }, dir);
    const raw = JSON.parse(await readFile(join(dir, 'out/plan.json'), 'utf8'));
    expect(raw.layers).toEqual([['../config/base'], ['../config/prod']]);
    expect(raw.prune).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('segredo-123');
    const saved = await readPlanFile(join(dir, 'out/plan.json'));
    expect(saved.layers).toEqual([[join(dir, 'config/base')], [join(dir, 'config/prod')]]);
    expect(saved.isPruned).toBe(true);
    expect(saved.plan.fingerprints).toEqual(buildRepresentativePlan().fingerprints);
    expect(saved.plan.changes.map((change) => change.id)).toEqual(buildRepresentativePlan().changes.map((change) => change.id));
  });

  test('refuses a plan written in another format version, naming both versions', async () => {
    const dir = await aTempDir();
    await writeFile(join(dir, 'plan.json'), JSON.stringify({ formatVersion: 2 }));
    await expect(readPlanFile(join(dir, 'plan.json'))).rejects.toMatchObject({ code: 'PLAN_FILE_INVALID', message: expect.stringMatching(/format version 2; this conecta reads version 1/) });
  });

  test('refuses a file that is not a plan', async () => {
    const dir = await aTempDir();
    await writeFile(join(dir, 'plan.json'), '{"formatVersion": 1, "changes": []}');
    await expect(readPlanFile(join(dir, 'plan.json'))).rejects.toMatchObject({ code: 'PLAN_FILE_INVALID' });
    await writeFile(join(dir, 'broken.json'), 'not json');
    await expect(readPlanFile(join(dir, 'broken.json'))).rejects.toMatchObject({ code: 'PLAN_FILE_INVALID' });
    await expect(readPlanFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'PLAN_FILE_INVALID', message: expect.stringMatching(/does not exist/) });
  });
});
