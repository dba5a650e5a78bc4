import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, composeWithParser } from '../../cli/io/yaml-compose.js';
import { scanYaml } from '../../cli/io/yaml-fast.js';

/** Scalars written as they stand in the YAML text, tricky ones included; the rare ones make the scanner decline. */
const scalarTexts = [
  'SAC', 'Vendas', 'ação', 'olá 🎉', 'agente.1@acme.com.br', 'http://x.y/z?a=b', 'x#y', 'a,b', 'a:b', '[x]y', '1.2.3',
  '08:00', '"08:00"', '12:30:45', 'yes', 'no', 'on', 'off', 'y', '1e3', '1E-2', '0x1F', '0o17', '0b101', '1_000', '2001-12-14',
  '-x', '-3', '+12', '-0', '1.50', '.5', '5.', '.inf', '-.Inf', '.nan', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL', '0x', '0o8',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', "'it''s'", "''", '""', '"a\\"b"', '"é\\u00e9\\n\\t\\x41\\U0001F600"', "'a \\n b'",
  '"# not a comment"', "'#x'", 'value # comment', 'value #', 'trailing   ', '"  spaced  "', '---x', '...', '?x', "'\"'", '"\'"',
];
const rareScalarTexts = ['-', 'a: b', 'b:', '"bad \\q"', '@at', '`b`', '%x', '!tag x', '&a x', '*a', '? q', '"unterminated', "'unterminated", '---', '- item', ': x', '|', '>', '"a" b', '[x', '{a: 1}}'];
const flowItems = ['a', 'SAC', '"08:00"', '08:00', "'q'", '1', '~', 'true', 'x y', '[b]', '{k: v}', '[]', 'olá', '"a, b"'];
const rareFlowItems = ['a: b', '', '-', '#', '"x",', '[', 'a]', ':x', '- a'];
const keyTexts = ['name', 'teams', 'a', 'b', 'from', 'to', 'key with space', '"quoted key"', "'single'", '"a:b"', 'x-y', 'ção', 'a#b', 'k~/'];
const rareKeyTexts = ['1', 'true', 'null', '~', '__proto__', 'constructor', '-k', '? k', '&k', '"x', 'a b:c'];

type Node = { scalar: string } | { block: string } | { flow: string } | { map: [string, Node][] } | { seq: Node[] };

/** Layout choices drawn per document: indentation step, sequences under keys indented or not, comments. */
interface Layout { step: number; isSeqIndented: boolean; comment: string; docStart: string }

function render(value: Node, indent: number, layout: Layout): string[] {
  const pad = ' '.repeat(indent);
  if ('map' in value) {
    return value.map.flatMap(([key, child], index) => {
      const head = `${pad}${key}:`;
      const lines = renderAfter(head, child, indent, layout, true);
      return index === 1 && layout.comment ? [`${pad}${layout.comment}`, ...lines] : lines;
    });
  }
  if ('seq' in value) return value.seq.flatMap((child) => renderAfter(`${pad}-`, child, indent, layout, false));
  return [`${pad}${inline(value, indent)}`];
}

function inline(value: Node, indent: number): string {
  if ('scalar' in value) return value.scalar;
  if ('flow' in value) return value.flow;
  if ('block' in value) return value.block.replace(/@@/g, ' '.repeat(indent + 2));
  throw new Error('not inline');
}

function renderAfter(head: string, child: Node, indent: number, layout: Layout, isKey: boolean): string[] {
  if ('map' in child) {
    if (!isKey && child.map.length > 0) {
      const [first, ...rest] = render(child, indent + 2, layout);
      return [`${head} ${(first ?? '').trimStart()}`, ...rest];
    }
    return [head, ...render(child, indent + layout.step, layout)];
  }
  if ('seq' in child) return [head, ...render(child, isKey && !layout.isSeqIndented ? indent : indent + layout.step, layout)];
  return [`${head} ${inline(child, indent)}`];
}

/**
 * The generator of documents. `isClean` keeps to the subset the scanner promises to read (no rare
 * texts, no repeated flow keys, block scalars without more-indented lines, comments at the
 * indentation of their block), so the scanner must
 * accept every one of those documents.
 */
function createDocuments(isClean: boolean): fc.Arbitrary<string> {
  const withRare = (common: readonly string[], rare: readonly string[]) => (isClean ? fc.constantFrom(...common) : fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 20 }, { arbitrary: fc.constantFrom(...rare), weight: 1 }));
  // `[x]y` starts like a flow sequence: the scanner leaves it to `yaml`.
  const scalarText = withRare(isClean ? scalarTexts.filter((text) => text !== '[x]y') : scalarTexts, rareScalarTexts);
  const flowItem = withRare(flowItems, rareFlowItems);
  const keyText = withRare(keyTexts, rareKeyTexts);

  const blockScalar = fc.tuple((isClean ? fc.constantFrom('|', '|-', '>', '>-', '| # c') : fc.constantFrom('|', '|-', '>', '>-', '| # c', '|', '|-', '>', '|+', '|2')), fc.array(fc.constantFrom('word', 'two words', 'word', '', ...(isClean ? [] : ['  indented']), '# hash', 'trailing  ', 'ç'), { minLength: 0, maxLength: 4 }))
    .map(([header, lines]) => ({ block: `${header}\n${lines.map((line) => `@@${line}`).join('\n')}` }));
  const flowPairs = isClean ? fc.uniqueArray(fc.tuple(keyText, flowItem), { maxLength: 4, selector: ([key]) => key }) : fc.array(fc.tuple(keyText, flowItem), { maxLength: 4 });
  const flow = fc.tuple(fc.boolean(), flowPairs, fc.constantFrom('', ' ', ', '))
    // A quoted (JSON-like) key may have its value right after the colon: `{"a":b}`.
    .map(([isMap, pairs, trailing]) => ({ flow: isMap ? `{${pairs.map(([key, value]) => `${key}:${/^["']/.test(key) && key.length % 2 === 0 ? '' : ' '}${value}`).join(', ')}${pairs.length > 0 ? trailing.trimEnd() : ''}}` : `[${pairs.map(([, value]) => value).join(', ')}${pairs.length > 0 ? trailing.trimEnd() : ''}]` }));

  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalarText.map((scalar) => ({ scalar })),
      flow,
      blockScalar,
      fc.uniqueArray(fc.tuple(keyText, tie('node')), { minLength: 1, maxLength: 4, selector: ([key]) => key }).map((map) => ({ map })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((seq) => ({ seq })),
    ),
  }));
  return fc.tuple(fc.uniqueArray(fc.tuple(keyText, node), { minLength: 1, maxLength: 5, selector: ([key]) => key }), fc.record({
    step: fc.constantFrom(2, 2, 4, 1, 3),
    isSeqIndented: fc.boolean(),
    // A comment indented past its block may end a block scalar early: left to `yaml`.
    comment: isClean ? fc.constantFrom('', '# a comment', '#') : fc.constantFrom('', '# a comment', '#', '  # indented comment', ''),
    docStart: fc.constantFrom('', '---\n', '--- # c\n', '# head\n\n'),
  })).map(([map, layout]) => `${layout.docStart}${render({ map }, 0, layout).join('\n')}\n`);
}

const documents = createDocuments(false);
const cleanDocuments = createDocuments(true);

/** Small edits that often make the text invalid or change its meaning. */
const mutated = fc.tuple(documents, fc.nat(), fc.constantFrom(' ', '  ', '-', ':', '#', '"', "'", '\n', '\n  ', '[', '{', ',', '&', '*', '!', '|', '\t', '\r', '---\n', '? ', ''))
  .map(([text, position, insert]) => {
    const at = position % (text.length + 1);
    return insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
  });

function expectAgreement(text: string): void {
  const scanned = scanYaml(text, MAX_DEPTH);
  if (!scanned) return;
  let expected: unknown;
  expect(() => {
    expected = parse(text);
  }, text).not.toThrow();
  expect(scanned.value, text).toEqual(expected);
  const reference = composeWithParser(text, 'f.yaml');
  // Both paths record the positions yaml-limits.ts names; the scanner also records empty values and the root.
  const expectedPositions = Object.entries(reference.positions).filter(([pointer]) => readPointer(expected, pointer) !== null);
  if (reference.diagnostics.length === 0) expect(scanned.positions, text).toMatchObject(Object.fromEntries(expectedPositions));
}

function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

describe('scanYaml', () => {
  it('reads config-like documents exactly as yaml.parse does, whenever it does not decline them', () => {
    fc.assert(fc.property(documents, expectAgreement), { numRuns: 3000 });
  });

  it('declines or agrees with yaml.parse on randomly damaged documents', () => {
    fc.assert(fc.property(mutated, expectAgreement), { numRuns: 3000 });
  });

  /** The share of `samples` the scanner reads itself instead of declining. */
  function acceptanceRate(samples: readonly string[]): number {
    return samples.filter((text) => scanYaml(text, MAX_DEPTH) !== undefined).length / samples.length;
  }

  it('accepts every document of the clean generator, and agrees with yaml.parse on each', () => {
    fc.assert(fc.property(cleanDocuments, (text) => {
      expect(scanYaml(text, MAX_DEPTH), text).toBeDefined();
      expectAgreement(text);
    }), { numRuns: 2000 });
  });

  it('accepts at least a quarter of the full generator (about 37 % measured) and a tenth of damaged documents (about 18 %)', () => {
    expect(acceptanceRate(fc.sample(documents, { numRuns: 2000, seed: 15 }))).toBeGreaterThanOrEqual(0.25);
    expect(acceptanceRate(fc.sample(mutated, { numRuns: 2000, seed: 15 }))).toBeGreaterThanOrEqual(0.1);
  });

  it('reads the usual config shapes without declining', () => {
    const text = [
      '---', 'version: 1 # schema version', 'teams:', '  - name: SAC', '    tabulations: [Venda, "Dúvida"]', '    closingMessage: |-',
      '      Obrigado!', '      Até logo.', 'scheduleGroups:', '- name: Comercial', '  intervals:', '    - { from: "08:00", to: "18:00" }',
      "    - days: [mon, 'tue']", 'wordFilters:', '  noFlowStart: [ok, obrigado]', 'agents:', '  - {"email":"a@acme.com.br","name":"Ana","teams":["SAC","Vendas"]}', '',
    ].join('\n');
    const scanned = scanYaml(text, MAX_DEPTH);
    expect(scanned?.value).toEqual(parse(text));
    expect(scanned?.positions['/teams/0']).toEqual([4, 5]);
    expect(scanned?.positions['/wordFilters/noFlowStart/1']).toEqual([15, 21]);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 5\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a forbidden key', 'x:\n  __proto__: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a tab', 'a:\tb\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
  ])('declines %s', (_name, text) => {
    expect(scanYaml(text, MAX_DEPTH)).toBeUndefined();
  });

  it('declines nesting deeper than the limit', () => {
    const text = Array.from({ length: 6 }, (_, depth) => `${'  '.repeat(depth)}k:`).join('\n') + ' 1\n';
    expect(scanYaml(text, 4)).toBeUndefined();
    expect(scanYaml(text, 6)?.value).toEqual(parse(text));
  });
});
