import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-large-flow-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('a flow past the block limit', () => {
  it('is a located CONFIG_RANGE error, not a crash', async () => {
    const blocks = Array.from({ length: 5_000 }, (_, index) => `      b${index}:\n        type: message\n        text: oi\n        next: b${index + 1}\n`).join('');
    const file = join(directory, 'flow.yaml');
    await writeFile(file, `version: 1\nflows:\n  - name: Grande\n    start: b0\n    blocks:\n${blocks}      b5000:\n        type: end\n`);
    const { diagnostics } = await loadConfig([file], { env: {} });
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map(({ code, file: where, line }) => ({ code, file: where, line }))).toEqual([{ code: 'CONFIG_RANGE', file, line: 6 }]);
    expect(errors[0]?.message).toContain('at most 500');
  });
});
