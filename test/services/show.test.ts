import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPlan } from '../../cli/core/plan/build-plan.js';
import { maskPlan } from '../../cli/core/plan/mask-plan.js';
import { renderPlanJson } from '../../cli/core/render/plan-json.js';
import { renderPlanMarkdown } from '../../cli/core/render/plan-markdown.js';
import { renderPlanText } from '../../cli/core/render/plan-text.js';
import { createStyle } from '../../cli/core/render/style.js';
import { writePlanFile } from '../../cli/io/plan-file.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { runShow } from '../../cli/services/show.js';
import { aDesired, aSnapshot, aState, sandboxTarget } from '../helpers/builders.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conecta-show-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function show(format: 'text' | 'json' | 'markdown', maxLength?: number) {
  const outcome = await runShow({ file: join(dir, 'plan.json'), redactor: createRedactor() });
  const output = format === 'json' ? renderPlanJson(outcome.plan) : format === 'markdown' ? renderPlanMarkdown(outcome.plan, maxLength === undefined ? {} : { limit: maxLength }) : renderPlanText(outcome.plan, createStyle(false));
  return { output, ...outcome };
}

describe('runShow', () => {
  it('prints a saved plan in every size from one file, without reading the tenant', async () => {
    const teams = Array.from({ length: 60 }, (_, index) => aDesired('team', { name: `Equipe ${index}`, closingMessage: `Obrigado ${'pelo contato '.repeat(20)}${index}` }));
    const plan = buildPlan(aState(teams), aSnapshot([]), { target: sandboxTarget });
    await writePlanFile(join(dir, 'plan.json'), maskPlan(plan, createRedactor()), { layers: [[dir]], isPruned: false }, dir);
    const whole = await show('markdown', 1_000_000);
    const cut = await show('markdown', 5_000);
    expect(whole.hasChanges).toBe(true);
    expect(whole.output).not.toContain('Left out');
    expect(whole.output).toContain('Equipe 59');
    expect(cut.output.length).toBeLessThanOrEqual(5_000);
    expect(cut.output).toContain('Changes whose details are left out');
    expect(JSON.parse((await show('json')).output)).toMatchObject({ summary: { create: 60 } });
    expect((await show('text')).output).toContain('Plan: 60 to create');
  });

  it('names the problem when the file is not a saved plan', async () => {
    await expect(runShow({ file: join(dir, 'missing.json'), redactor: createRedactor() }))
      .rejects.toMatchObject({ code: 'PLAN_FILE_INVALID' });
  });
});
