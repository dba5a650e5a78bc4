import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { maskPlan } from '../../../cli/core/plan/mask-plan.js';
import { renderPlanJson } from '../../../cli/core/render/plan-json.js';
import { renderPlanMarkdown } from '../../../cli/core/render/plan-markdown.js';
import { renderPlanText } from '../../../cli/core/render/plan-text.js';
import { createStyle } from '../../../cli/core/render/style.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';
import { createRedactor } from '../../../cli/io/redactor.js';

const liveFlow = {
  name: 'Principal',
  start: 'hello',
  blocks: {
    hello: { type: 'message', text: 'Olá!\nBem-vindo.', next: 'api' },
    api: { type: 'http', url: 'https://api.acme.com/x', headers: { Authorization: 'Bearer old-secret-token' }, success: 'bye', error: 'bye' },
    bye: { type: 'end' },
  },
};
const desiredFlow = {
  name: 'Principal',
  start: 'hello',
  blocks: {
    hello: { type: 'message', text: 'Olá!\nSeja bem-vindo.', next: 'api' },
    api: { type: 'http', url: 'https://api.acme.com/x', headers: { Authorization: 'Bearer new-secret-token' }, success: 'sac', error: 'bye' },
    sac: { type: 'transfer', team: 'SAC' },
    bye: { type: 'end' },
  },
};

function planFlowUpdate() {
  return buildPlan(aState([aDesired('flow', desiredFlow)]), aSnapshot([aLive('flow', liveFlow), aLive('team', { name: 'SAC' })]), { target: sandboxTarget });
}

describe('flow changes', () => {
  test('are described block by block: added blocks, changed fields and rewired edges', () => {
    const [change] = planFlowUpdate().changes;
    expect(change!.blocks).toMatchObject({ added: ['sac'], removed: [], rewired: [{ id: 'api', edge: 'success', before: 'bye', after: 'sac' }] });
    expect(change!.blocks!.changed.map((entry) => entry.id)).toEqual(['hello', 'api']);
  });

  test('never let an HTTP header value out of the process', () => {
    const plan = planFlowUpdate();
    const masked = maskPlan(plan, createRedactor());
    const outputs = [renderPlanText(maskPlan(plan, createRedactor()), createStyle(false)), renderPlanJson(maskPlan(plan, createRedactor())), renderPlanMarkdown(maskPlan(plan, createRedactor())), JSON.stringify(masked)];
    for (const output of outputs) {
      expect(output).not.toContain('old-secret-token');
      expect(output).not.toContain('new-secret-token');
    }
    expect(renderPlanText(maskPlan(plan, createRedactor()), createStyle(false))).toMatch(/~ headers\.\S+: \(sensitive value\) → \(new sensitive value\)/);
  });

  test('show the flow message as a line diff and the rewired edge in the text plan', () => {
    const text = renderPlanText(maskPlan(planFlowUpdate(), createRedactor()), createStyle(false));
    expect(text).toContain('~ flow.Principal will be updated');
    expect(text).toContain('  + block sac (transfer)');
    expect(text).toContain('  ~ block hello:\n      ~ text:\n            Olá!\n          - Bem-vindo.\n          + Seja bem-vindo.');
    expect(text).toContain('  ~ edge api.success: bye → sac');
  });

  test('depend on the live team a transfer block names, for the staleness check', () => {
    expect(Object.keys(planFlowUpdate().fingerprints.live)).toEqual(['flow.Principal', 'team.SAC']);
  });
});
