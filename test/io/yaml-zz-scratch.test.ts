import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { it, expect } from 'vitest';
import { scanYaml } from '/work/main/cli/io/yaml-fast.js';
import { composeWithParser } from '/work/main/cli/io/yaml-compose.js';
it('bench files', () => {
  for (const f of readdirSync('/tmp/ybench')) {
    const s = readFileSync('/tmp/ybench/' + f, 'utf8');
    const a = scanYaml(s, 64);
    expect(a, f).toBeDefined();
    const b = composeWithParser(s, f);
    expect(a!.value).toEqual(parse(s));
    expect(a!.positions).toEqual(b.positions);
  }
  const docs = ['a: |\n  x\n  y\nb: >-\n  p\n  q\n\n  r\nc: [1, "2", {x: y}]\nd:\n- 1\n- |-\n  z\ne: { from: "08:00", to: 18:00 }\n', 'k:\n  - a: 1\n    b:\n    - x\n  -\n  - "q": \'it\'\'s\' # c\n'];
  for (const s of docs) {
    const a = scanYaml(s, 64);
    expect(a, s).toBeDefined();
    expect(a!.value).toEqual(parse(s));
    expect(a!.positions).toEqual(composeWithParser(s, 'f').positions);
  }
});
