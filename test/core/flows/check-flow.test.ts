import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { checkFlowGraph } from '../../../cli/core/flows/check-flow.js';
import type { DesiredResource, Spec } from '../../../cli/core/model/resource.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'flows');

/** The flows of a file as the config loader gives them: origins with the line, column and pointer of each item. */
function readFlows(file: string): DesiredResource[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const flows = document.get('flows');
  if (!isSeq(flows)) return [];
  return flows.items.flatMap((item, index) => {
    if (!isMap(item) || !item.range) return [];
    const { line, col } = lineCounter.linePos(item.range[0]);
    const spec = item.toJSON() as Spec;
    return [{ kind: 'flow' as const, name: String(spec.name), key: String(spec.name), spec, origin: { file, line, column: col, pointer: `/flows/${index}` } }];
  });
}

function check(file: string) {
  return readFlows(file).flatMap((resource) => checkFlowGraph(resource));
}

describe('checkFlowGraph fixtures', () => {
  const files = readdirSync(fixtures).filter((name) => name.endsWith('.yaml')).sort();
  it.each(files)('%s reports exactly what its `# expect:` lines say', (name) => {
    const file = join(fixtures, name);
    const expected = [...readFileSync(file, 'utf8').matchAll(/^# expect: (\S+) (error|warning) (\S+)$/gm)].map(([, code, severity, pointer]) => ({ code, severity, pointer }));
    const found = check(file).map(({ code, severity, pointer }) => ({ code, severity, pointer }));
    expect(found).toEqual(expected);
  });
});

describe('checkFlowGraph', () => {
  it('accepts the acme example flow without any diagnostic', () => {
    expect(check(join(root, 'examples', 'acme-contact-center', 'flows', 'atendimento.yaml'))).toEqual([]);
  });

  it('locates a diagnostic in the flow\'s file, at the flow, with a hint naming the closest block', () => {
    const file = join(fixtures, 'start-missing.yaml');
    const [diagnostic] = check(file);
    expect(diagnostic).toMatchObject({ file, line: 4, column: 5, pointer: '/flows/0/start', hint: 'Did you mean `boas_vindas`?' });
    expect(diagnostic?.message).toContain('Flow "Início errado"');
  });

  it('names the blocks of a loop that never waits, in order', () => {
    const [diagnostic] = check(join(fixtures, 'loop-without-wait.yaml'));
    expect(diagnostic?.message).toContain('`consulta` → `falha` → `consulta`');
  });

  it('reports a block that jumps to itself without waiting', () => {
    const resource: DesiredResource = {
      kind: 'flow', name: 'Eco', key: 'Eco', origin: { file: 'eco.yaml', line: 3, column: 5, pointer: '/flows/0' },
      spec: { name: 'Eco', start: 'eco', blocks: { eco: { type: 'setVariable', variable: 'n', value: '1', next: 'eco' } } },
    };
    expect(checkFlowGraph(resource).map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([
      ['FLOW_LOOP_WITHOUT_WAIT', '/flows/0/blocks/eco/next'],
      ['FLOW_NO_TERMINAL', '/flows/0/blocks/eco'],
    ]);
  });

  it('does not call blocks unreachable when the start block is missing', () => {
    const resource: DesiredResource = {
      kind: 'flow', name: 'Sem início', key: 'Sem início',
      spec: { name: 'Sem início', start: 'nada', blocks: { a: { type: 'end' }, b: { type: 'end' } } },
    };
    expect(checkFlowGraph(resource).map((diagnostic) => diagnostic.code)).toEqual(['FLOW_START_MISSING']);
  });
});

describe('checkFlowGraph on very large flows', () => {
  /** `count` message blocks in a chain (or a loop back to the first), ending in a transfer. */
  function chain(count: number, isLoop: boolean): DesiredResource {
    const blocks: Spec = {};
    for (let index = 0; index < count - 1; index += 1) blocks[`b${index}`] = { type: 'message', text: 'oi', next: `b${index + 1}` };
    blocks[`b${count - 1}`] = isLoop ? { type: 'message', text: 'oi', next: 'b0' } : { type: 'transfer', team: 'SAC' };
    const spec: Spec = { name: 'Grande', start: 'b0', blocks };
    return { kind: 'flow', name: 'Grande', key: 'Grande', spec, origin: { file: 'flows.yaml', line: 2, column: 5, pointer: '/flows/0' } };
  }

  it('checks a 10,000-block chain without overflowing the stack', () => {
    expect(checkFlowGraph(chain(10_000, false))).toEqual([]);
  });

  it('reports a 10,000-block loop that never waits, once', () => {
    const codes = checkFlowGraph(chain(10_000, true)).map((diagnostic) => diagnostic.code);
    expect(codes).toEqual(['FLOW_LOOP_WITHOUT_WAIT', 'FLOW_NO_TERMINAL']);
  });
});
