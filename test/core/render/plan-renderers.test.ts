import { describe, expect, test } from 'vitest';
import { renderPlanJson } from '../../../cli/core/render/plan-json.js';
import { renderPlanMarkdown } from '../../../cli/core/render/plan-markdown.js';
import { renderPlanText } from '../../../cli/core/render/plan-text.js';
import { createStyle } from '../../../cli/core/render/style.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';
import { buildRepresentativePlan } from '../../helpers/representative-plan.js';
import { createRedactor } from '../../../cli/io/redactor.js';
import { maskPlan } from '../../../cli/core/plan/mask-plan.js';

const plain = createStyle(false);

describe('plan renderers (golden files)', () => {
  test('renders the human plan with legend, change blocks, line diff, consent, unsafe verdict and summary', async () => {
    await expect(renderPlanText(maskPlan(buildRepresentativePlan(), createRedactor()), plain)).toMatchFileSnapshot('../../golden/plan/representative.txt');
  });

  test('renders the versioned JSON plan with sensitive values masked', async () => {
    await expect(renderPlanJson(maskPlan(buildRepresentativePlan(), createRedactor()))).toMatchFileSnapshot('../../golden/plan/representative.json');
  });

  test('renders the pull-request comment with summary table, warning callout and one section per kind', async () => {
    await expect(renderPlanMarkdown(maskPlan(buildRepresentativePlan(), createRedactor()))).toMatchFileSnapshot('../../golden/plan/representative.md');
  });

  test('renders a distinct message when there is nothing to do', async () => {
    const plan = buildPlan(aState([]), aSnapshot([aLive('user-group', { name: 'Administrador' })]), { target: { url: 'https://acme.conecta.example', isSandbox: false } });
    await expect(renderPlanText(maskPlan(plan, createRedactor()), plain)).toMatchFileSnapshot('../../golden/plan/no-changes.txt');
  });
});

describe('plan renderers: secrets', () => {
  test('never print a sensitive value in text, JSON or Markdown', () => {
    const plan = buildRepresentativePlan();
    for (const output of [renderPlanText(maskPlan(plan, createRedactor()), plain), renderPlanJson(maskPlan(plan, createRedactor())), renderPlanMarkdown(maskPlan(plan, createRedactor()))]) expect(output).not.toContain('segredo-123');
  });
});

describe('renderPlanText', () => {
  test('names the target on the first line and ends with the summary line', () => {
    const text = renderPlanText(maskPlan(buildRepresentativePlan(), createRedactor()), plain);
    expect(text.split("\n")[0]).toBe(`Target: environment staging: local sandbox (${sandboxTarget.url})`);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Plan: 2 to create, 2 to update, 4 to delete; 3 not managed.');
  });
});
