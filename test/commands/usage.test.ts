import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCliPath } from '../support/built-cli.js';

const run = builtCliPath();

describe('usage errors', () => {
  it('exit 1, never 2, which `plan --detailed-exitcode` reserves for "changes present"', () => {
    const unknownFlag = spawnSync(process.execPath, [run, 'plan', '--no-such-flag'], { encoding: 'utf8' });
    expect(unknownFlag.stderr).toContain('conecta plan has no flag --no-such-flag');
    expect(unknownFlag.status).toBe(1);
    const badValue = spawnSync(process.execPath, [run, 'apply', '--parallelism', '0'], { encoding: 'utf8' });
    expect(badValue.status).toBe(1);
  });
});

describe('plan --detailed-exitcode', () => {
  it('exits 2 while changes are pending and 0 once the tenant matches', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const cwd = await mkdtemp(join(tmpdir(), 'conecta-exitcode-'));
    await writeFile(join(cwd, 'tenant.yaml'), 'version: 1\ntabulations:\n  - name: Resolvido\n');
    const cli = (...args: string[]) => spawnSync(process.execPath, [run, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CONECTA_URL: '' } });
    expect(cli('plan', '--detailed-exitcode').status).toBe(2);
    expect(cli('apply', '--auto-approve').status).toBe(0);
    const planned = cli('plan', '--detailed-exitcode');
    expect(planned.stdout).toContain('No changes.');
    expect(planned.status).toBe(0);
  });
});
