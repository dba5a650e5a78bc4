import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../../../cli/core/render/plan-markdown.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';
import { createRedactor } from '../../../cli/io/redactor.js';
import { maskPlan } from '../../../cli/core/plan/mask-plan.js';

function buildBigPlan(teams: number, textLines: number, deletes = 0) {
  const text = (seed: string) => Array.from({ length: textLines }, (_, line) => `${seed} linha ${line} — mensagem de finalização da equipe`).join('\n');
  const desired = Array.from({ length: teams }, (_, index) => aDesired('team', { name: `Equipe ${index}`, closingMessage: text('nova') }));
  const live = [
    ...Array.from({ length: teams }, (_, index) => aLive('team', { name: `Equipe ${index}`, closingMessage: text('antiga') })),
    ...Array.from({ length: deletes }, (_, index) => aLive('tabulation', { name: `Tabulação ${index}` })),
  ];
  return buildPlan(aState(desired, { tabulation: true }), aSnapshot(live), { target: sandboxTarget });
}

function countFences(markdown: string): number {
  return markdown.split('\n').filter((line) => /^`{3,}/.test(line)).length;
}

describe('renderPlanMarkdown size limit', () => {
  test('fits a huge plan into the comment limit, keeping the summary and noting what was left out', () => {
    const markdown = renderPlanMarkdown(maskPlan(buildBigPlan(3_000, 8, 500), createRedactor()));
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(markdown).toContain('**Plan: 0 to create, 3000 to update, 500 to delete; 0 not managed.**');
    expect(markdown).toMatch(/> Left out to fit the 65,536-character comment limit: the details of \d+ changes \(/);
    expect(countFences(markdown) % 2).toBe(0);
    expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });

  test('never exceeds the limit, whatever the plan', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), (teams, lines, deletes) => {
      const markdown = renderPlanMarkdown(maskPlan(buildBigPlan(teams, lines, deletes), createRedactor()));
      expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(countFences(markdown) % 2).toBe(0);
    }), { numRuns: 25 });
  });

  test('honours a smaller limit by leaving out whole change blocks', () => {
    const markdown = renderPlanMarkdown(maskPlan(buildBigPlan(20, 5), createRedactor()), { limit: 5_000 });
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    expect(countFences(markdown) % 2).toBe(0);
    expect(markdown).toContain('Left out to fit');
  });
});

describe('renderPlanMarkdown when it must cut', () => {
  test('still names every changed address, even when most details are left out', () => {
    const plan = buildBigPlan(1_500, 8, 200);
    const markdown = renderPlanMarkdown(maskPlan(plan, createRedactor()));
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = new Set([...markdown.matchAll(/`([a-z-]+\.[^`]+)`/g)].map((match) => match[1]));
    const detailed = new Set([...markdown.matchAll(/^[-+~] ([a-z-]+\.\S.*?) will be/gm)].map((match) => match[1]));
    const missing = plan.changes.map((change) => change.id).filter((id) => !shown.has(id) && !detailed.has(id));
    expect(missing).toEqual([]);
    expect(markdown).toMatch(/<summary>Changes whose details are left out: \d+ \((<code>[^<]+<\/code>, ){8}and \d+ more\)<\/summary>/);
    expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });

  test('lists as many addresses as fit and says where the rest is when even the list is too long', () => {
    const markdown = renderPlanMarkdown(maskPlan(buildBigPlan(400, 2), createRedactor()), { limit: 5_000 });
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    expect(markdown).toMatch(/and \d+ more: the job summary, the artifacts and `conecta show plan.json` hold the whole plan/);
  });

  test('stays within the limit when the addresses named in the summaries are long', () => {
    const long = (index: number) => `${'Tabulação de nome muito longo '.repeat(6)}${index}`;
    const plan = buildPlan(aState([], { tabulation: true }), aSnapshot(Array.from({ length: 60 }, (_, index) => aLive('tabulation', { name: long(index) }))), { target: sandboxTarget });
    for (const limit of [7_000, 9_000, 12_000, 16_000]) {
      const markdown = renderPlanMarkdown(maskPlan(plan, createRedactor()), { limit });
      expect(markdown.length).toBeLessThanOrEqual(limit);
      expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
    }
  });

  test('adds no address list when the plan fits', () => {
    expect(renderPlanMarkdown(maskPlan(buildBigPlan(3, 2), createRedactor()))).not.toContain('details are left out');
  });
});
