import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeYaml } from '../../cli/io/yaml-compose.js';

/** The fast composer must agree with `yaml` on every input, or report the same kind of error. */
const samples = [
  'a: 1\nb: [x, "y", \'z\']\nc: {d: true, e: null, f: 1.5}\n',
  'list:\n  - name: A # comment\n    n: 0x1F\n  -\n  - - nested\n    - seq\n',
  'text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n',
  'multi: a\n  b\n  c\nempty:\nquoted: "a\\tb\\u00e9"\n',
  'time: 08:00\nnum: 08\noct: 0o17\nneg: -3\nexp: 1e3\ninf: .inf\nbools: [true, False, yes, no, ~, Null]\n',
  'a:\n  b: 1\n c: 2\n',
  '- name: A\n   x: 1\n',
  'a: b: c\n',
  'a: &x [1]\nb: *x\n',
  'a: !!str 5\n',
  '? complex\n: value\n',
  'a: [1, 2\n',
  'a: {b: 1, b: 2}\n',
  'a:\tb\n',
  'a: "x"#c\n',
  '"quoted key": 1\n\'single\': 2\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n...\n',
  '---\na: 1\n',
  'k: [a, b, ]\n',
  'k: [a: 1]\n',
  '',
  '# only a comment\n',
  'plain\n',
];

describe('composeYaml', () => {
  it.each(samples)('agrees with yaml.parse on %j', (source) => {
    const composed = composeYaml(source, 'sample.yaml');
    let expected: unknown;
    let isError = false;
    try {
      expected = parse(source, { strict: true, uniqueKeys: true, prettyErrors: false });
    } catch {
      isError = true;
    }
    if (isError) expect(composed.diagnostics.length).toBeGreaterThan(0);
    else if (composed.diagnostics.length === 0) expect(composed.value).toEqual(expected ?? null);
  });

  it('records the line and column of kinds and their items', () => {
    const composed = composeYaml('version: 1\nteams:\n  - name: SAC\n  - name: Vendas\nwordFilters:\n  noFlowStart: [ok, obrigado]\n', 'f.yaml');
    expect(composed.positions['/teams/1']).toEqual([4, 5]);
    expect(composed.positions['/wordFilters/noFlowStart/1']).toEqual([6, 21]);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const composed = composeYaml('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(composed.diagnostics).toMatchObject([{ code: 'CONFIG_YAML_DUPLICATE_KEY', line: 3, column: 1 }]);
    expect(composed.value).toEqual({ a: 1, b: 2 });
  });
});
