import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = join(import.meta.dirname, '..', '..', 'cli', 'bin', 'run.js');

describe('usage errors', () => {
  it('exit 1, never 2, which `plan --detailed-exitcode` reserves for "changes present"', () => {
    const unknownFlag = spawnSync(process.execPath, [run, 'plan', '--no-such-flag'], { encoding: 'utf8' });
    expect(unknownFlag.stderr).toContain('Nonexistent flag: --no-such-flag');
    expect(unknownFlag.status).toBe(1);
    const badValue = spawnSync(process.execPath, [run, 'apply', '--parallelism', '0'], { encoding: 'utf8' });
    expect(badValue.status).toBe(1);
  });
});
