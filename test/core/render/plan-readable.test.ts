/**
 * Issue 18: plans a reviewer can read. One plan with every kind of change (create, update, delete,
 * rename, protected, reference-only step), rendered as text and as the pull-request comment, and
 * checked: the legend says what each printed sign means, GitHub colours additions and removals,
 * lists change element by element, schedules interval by interval, a new flow shows its texts,
 * creates show what the config sets, collapsed sections name their changes, and every Mermaid
 * diagram is accepted by the real parser.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { maskPlan } from '../../../cli/core/plan/mask-plan.js';
import { renderPlanMarkdown } from '../../../cli/core/render/plan-markdown.js';
import { renderPlanText } from '../../../cli/core/render/plan-text.js';
import { createStyle } from '../../../cli/core/render/style.js';
import { createRedactor } from '../../../cli/io/redactor.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';
import { buildEveryChangePlan } from '../../helpers/every-change-plan.js';

const plain = createStyle(false);
const everyChangeText = () => renderPlanText(maskPlan(buildEveryChangePlan(), createRedactor()), plain);
const everyChangeMarkdown = () => renderPlanMarkdown(maskPlan(buildEveryChangePlan(), createRedactor()));

/** A sign is a short mark at the start of a line: not a word, a number or a quoted value. */
const isSignToken = (token: string) => token.length <= 2 && !/[\p{L}\p{N}"'(]/u.test(token);

/** The text plan's legend, sign → meaning. */
function readTextLegend(text: string): Map<string, string> {
  const section = text.split('\n\n').find((part) => part.startsWith('Changes, in apply order. Signs:'));
  if (!section) return new Map();
  return new Map(section.split('\n').slice(1).map((line) => {
    const [, sign, meaning] = /^ {2}(\S+) (.+)$/.exec(line) ?? [];
    return [sign ?? line, meaning ?? ''];
  }));
}

/** Every sign the text plan's change blocks print: at the start of a line, and inline in a list change. */
function readTextSigns(text: string): Set<string> {
  const signs = new Set<string>();
  for (const block of text.split('\n\n').filter((part) => /^[^\s]+ [a-z-]+\.\S.* will be /.test(part))) {
    const [header, ...lines] = block.split('\n');
    signs.add(header!.split(' ')[0]!);
    for (const line of lines) {
      const [, token, rest] = /^\s+(\S+) ?(.*)$/.exec(line) ?? [];
      if (token === undefined || !isSignToken(token)) continue;
      signs.add(token);
      for (const inline of (rest ?? '').matchAll(/ ([+-]) "/g)) signs.add(inline[1]!);
    }
  }
  return signs;
}

/** The lines of every fenced block of `language`. */
function readFences(markdown: string, language: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  let fence = '';
  for (const line of markdown.split('\n')) {
    if (current === undefined) {
      const opening = /^(`{3,})(\S*)$/.exec(line);
      if (opening) {
        fence = opening[1]!;
        current = opening[2] === language ? [] : undefined;
        if (current === undefined) current = ['__other__'];
      }
    } else if (line === fence) {
      if (current[0] !== '__other__') blocks.push(current);
      current = undefined;
    } else {
      current.push(line);
    }
  }
  return blocks;
}

/** The sign of a line of a Markdown diff block, as GitHub's grammar and our legend read it. */
function readMarkdownSign(line: string): string | undefined {
  if (line.startsWith('@@')) return '@@';
  if (/^[-+~] /.test(line)) return line[0];
  const mark = /^ {2,}(\S+) /.exec(line)?.[1];
  return mark !== undefined && isSignToken(mark) ? mark : undefined;
}

describe('every kind of change, as text', () => {
  test('renders the golden file', async () => {
    await expect(everyChangeText()).toMatchFileSnapshot('../../golden/plan/every-change.txt');
  });

  test('has a legend that names exactly the signs the change blocks print', () => {
    const text = everyChangeText();
    const legend = readTextLegend(text);
    expect([...legend.keys()].sort()).toEqual([...readTextSigns(text)].sort());
    expect([...legend.keys()]).toEqual(expect.arrayContaining(['+', '~', '-', '↕', '!']));
    for (const meaning of legend.values()) expect(meaning).not.toBe('');
  });

  test('lists a set change element by element on one line and an ordered list as moves', () => {
    const text = everyChangeText();
    expect(text).toContain('  ~ tabulations: + "Venda" - "Legado"\n');
    expect(text).toContain('  ~ permissions: + "reports.flows" - "settings.pauses"\n');
    expect(text).toContain('  ~ agentOrder:\n      ↕ "caio@acme.com.br", position 3 → 1\n');
    expect(text).not.toMatch(/\["[^\]]*"\] → \[/);
  });

  test('changes schedules interval by interval, weekdays in week order, holidays and exceptions by date', () => {
    expect(everyChangeText()).toContain([
      '  ~ intervals:',
      '      ~ mon–fri 08:00–18:00 → mon–fri 09:00–18:00',
      '      + sat, sun 09:00–13:00',
      '      - sat 08:00–12:00',
      '  ~ holidays:',
      '      + 01-01 Confraternização Universal',
      '      - 11-20 Consciência Negra',
      '  ~ exceptions:',
      '      ~ 12-24 08:00–12:00 Véspera de Natal → 12-24 08:00–13:00 Véspera de Natal',
    ].join('\n'));
  });

  test('shows what the customers of a new flow will read: its texts whole and its menu options', () => {
    const text = everyChangeText();
    expect(text).toContain('          + Escolha uma opção abaixo e responda com o número dela, por favor.\n');
    expect(text).toContain('      + option 1: "Trocar um produto que chegou com defeito ou no tamanho errado" → troca\n');
    expect(text).toContain('          + Para trocar, tenha em mãos o número do pedido e fotos do produto. Um atendente vai pedir esses dados.\n');
  });

  test('shows only what the config sets when an object is created, in one step or two', () => {
    const text = everyChangeText();
    expect(text).toContain('+ team.Vendas will be created\n  + name: "Vendas"\n  + overflowTeam: "Pós-venda"\n  + permissions.showNumber: false\n\n');
    expect(text).toContain('+ team.Pós-venda will be created without overflowTeam (set in a later step)\n  + name: "Pós-venda"\n\n');
    expect(text).toContain('~ team.Pós-venda will be updated to set the references left out when it was created\n  + overflowTeam: "Vendas"\n\n');
  });
});

describe('every kind of change, as the pull-request comment', () => {
  let parseMermaid: (text: string) => Promise<unknown>;

  beforeAll(async () => {
    // Mermaid sanitises labels with DOMPurify, which needs a browser DOM; parsing does not (see mermaid-parser.test.ts).
    const { default: purify } = await import('dompurify');
    Object.assign(purify, { sanitize: (text: string) => text, addHook: () => undefined, removeHook: () => undefined, removeHooks: () => undefined });
    const { default: mermaid } = await import('mermaid');
    parseMermaid = (text) => mermaid.parse(text);
  });

  test('renders the golden file', async () => {
    await expect(everyChangeMarkdown()).toMatchFileSnapshot('../../golden/plan/every-change.md');
  });

  test('colours what GitHub should: deletes and old values red, creates and new values green, notes not at all', () => {
    const lines = readFences(everyChangeMarkdown(), 'diff').flat();
    // The diff grammar also colours these; none may start a line.
    expect(lines.filter((line) => /^(!|<|>|---|\+\+\+|\*\*\*|Index: |diff --git|\d+(,\d+)*[acd]\d)/.test(line))).toEqual([]);
    expect(lines.filter((line) => / will be deleted$/.test(line)).every((line) => line.startsWith('- '))).toBe(true);
    expect(lines.filter((line) => / will be created/.test(line)).every((line) => line.startsWith('+ '))).toBe(true);
    expect(lines).toContain('    ! nothing refers to it');
    expect(lines.filter((line) => line.includes('nothing refers to it') || line.includes('refers to this tabulation')).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.join('\n')).toContain('-   sessionTimeout: "30m"\n+   sessionTimeout: "1h30m"');
    expect(lines.join('\n')).toContain('    tabulations:\n+     "Venda"\n-     "Legado"');
  });

  test('has a legend that names exactly the signs its diff blocks use', () => {
    const markdown = everyChangeMarkdown();
    const legendLine = markdown.split('\n').find((line) => line.startsWith('Signs: '));
    const legend = [...(legendLine ?? '').matchAll(/`([^`]+)` [^·]+/g)].map((match) => match[1]);
    const used = new Set(readFences(markdown, 'diff').flat().map(readMarkdownSign).filter((sign) => sign !== undefined));
    expect(legend.sort()).toEqual([...used].sort());
    expect(used).toContain('-');
  });

  test('names the changed addresses in the summary of each collapsed section', () => {
    const markdown = everyChangeMarkdown();
    expect(markdown).toContain('<summary><b>Teams</b>: 2 to create (<code>team.Pós-venda</code>, <code>team.Vendas</code>), 2 to update (<code>team.SAC</code>, <code>team.Suporte</code>)</summary>');
    expect(markdown).toContain('<summary><b>Tabulations</b>: 1 to create (<code>tabulation.Resolvido</code>), 2 to delete (<code>tabulation.Spam</code>, <code>tabulation.Legado</code>)</summary>');
  });

  test('gives every Mermaid diagram to the real parser, long texts wrapped at word boundaries instead of cut', async () => {
    const diagrams = readFences(everyChangeMarkdown(), 'mermaid').map((lines) => lines.join('\n'));
    expect(diagrams).toHaveLength(2);
    for (const diagram of diagrams) await expect(parseMermaid(diagram)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const created = diagrams[1]!;
    expect(created).toContain('Mensagem: Para trocar, tenha em mãos o<br/>número do pedido e fotos do produto. Um<br/>atendente vai pedir esses dados.');
    expect(created).toContain('|"1 · Trocar um produto que<br/>chegou com defeito ou no<br/>tamanho errado"|');
    expect(created).not.toContain('…');
  });
});

describe('a new schedule group', () => {
  test('shows one interval and one holiday a line, weekdays (Portuguese aliases too) in week order', () => {
    const spec = { name: 'Plantão', intervals: [{ days: ['sex', 'seg', 'qua'], from: '08:00', to: '12:00' }, { days: ['sun', 'sat', 'fri'], from: '10:00', to: '14:00' }], holidays: [{ date: '12-25', name: 'Natal' }, { date: '01-01', name: 'Ano Novo' }] };
    const plan = buildPlan(aState([aDesired('schedule-group', spec)]), aSnapshot([]), { target: sandboxTarget });
    expect(renderPlanText(maskPlan(plan, createRedactor()), plain)).toContain([
      '+ schedule-group.Plantão will be created',
      '  + name: "Plantão"',
      '  + intervals:',
      '      + mon, wed, fri 08:00–12:00',
      '      + fri–sun 10:00–14:00',
      '  + holidays:',
      '      + 01-01 Ano Novo',
      '      + 12-25 Natal',
    ].join('\n'));
  });
});

describe('a holiday calendar', () => {
  test('is shown as the dates it stands for, added and removed by date', () => {
    const live = aLive('schedule-group', { name: 'Comercial', intervals: [{ days: ['mon'], from: '08:00', to: '18:00' }], holidays: [{ date: '12-25', name: 'Natal' }, { date: '06-24', name: 'São João' }] });
    const desired = aDesired('schedule-group', { name: 'Comercial', intervals: [{ days: ['seg'], from: '08:00', to: '18:00' }], holidays: [{ calendar: 'br-national', year: 2027 }] });
    const text = renderPlanText(maskPlan(buildPlan(aState([desired]), aSnapshot([live]), { target: sandboxTarget }), createRedactor()), plain);
    expect(text).toContain('  ~ holidays:\n      + 01-01 Confraternização Universal\n');
    expect(text).toContain('      + 03-26 Sexta-feira Santa\n');
    expect(text).toContain('      - 06-24 São João\n');
    expect(text).not.toContain('12-25 Natal');
    expect(text).not.toContain('calendar');
  });
});

describe('collapsed sections with many changes', () => {
  test('name the first addresses and count the rest', () => {
    const live = Array.from({ length: 45 }, (_, index) => aLive('tabulation', { name: `T${String(index).padStart(2, '0')}` }));
    const plan = buildPlan(aState([aDesired('tabulation', { name: 'Nova' })], { tabulation: true }), aSnapshot(live), { target: sandboxTarget });
    const summary = renderPlanMarkdown(maskPlan(plan, createRedactor())).split('\n').find((line) => line.startsWith('<summary><b>Tabulations'));
    expect(summary).toBe(`<summary><b>Tabulations</b>: 1 to create (<code>tabulation.Nova</code>), 45 to delete (${['00', '01', '02', '03', '04', '05', '06'].map((n) => `<code>tabulation.T${n}</code>`).join(', ')}, and 38 more)</summary>`);
  });
});
