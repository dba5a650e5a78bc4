import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProvider } from '../../cli/services/connect.js';
import { startSandbox } from '../../providers/sandbox/index.js';
import { createRedactor } from '../../cli/io/redactor.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'conecta-connect-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('openProvider', () => {
  it('starts the local sandbox with its data in ./.conecta/sandbox.json when CONECTA_URL is unset', async () => {
    const opened = await openProvider({ env: {}, cwd, redactor: createRedactor() });
    try {
      expect(opened.description.isSandbox).toBe(true);
      expect(opened.notice).toMatch(/^Using the local sandbox at http:\/\/127\.0\.0\.1:\d+ \(data: \.conecta\/sandbox\.json\); set CONECTA_URL to target a tenant\.$/);
      await opened.provider.create('tabulation', { name: 'Resolvido' });
    } finally {
      await opened.close();
    }
    expect(existsSync(join(cwd, '.conecta', 'sandbox.json'))).toBe(true);
    const reopened = await openProvider({ env: {}, cwd, redactor: createRedactor() });
    try {
      expect((await reopened.provider.list('tabulation')).map((resource) => resource.name)).toEqual(['Resolvido']);
    } finally {
      await reopened.close();
    }
  });

  it('keeps the sandbox data where CONECTA_SANDBOX_DATA says', async () => {
    const dataFile = join(cwd, 'elsewhere.json');
    const opened = await openProvider({ env: { CONECTA_SANDBOX_DATA: dataFile }, cwd, redactor: createRedactor() });
    await opened.close();
    expect(existsSync(dataFile)).toBe(true);
    expect(existsSync(join(cwd, '.conecta'))).toBe(false);
  });

  it('targets CONECTA_URL with CONECTA_TOKEN and gives no sandbox notice', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const opened = await openProvider({ env: { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token }, cwd, redactor: createRedactor() });
      expect(opened.notice).toBeUndefined();
      expect(opened.description).toMatchObject({ url: sandbox.url, isSandbox: false, apiVersion: expect.stringMatching(/^4/) });
      await opened.close();
    } finally {
      await sandbox.close();
    }
  });

  it('fails with PROVIDER_AUTH when CONECTA_URL is set without credentials', async () => {
    await expect(openProvider({ env: { CONECTA_URL: 'https://acme.conecta.com.vc' }, cwd, redactor: createRedactor() })).rejects.toMatchObject({ code: 'PROVIDER_AUTH' });
  });
});
