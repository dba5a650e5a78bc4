/**
 * Duplicates are never invisible: two live objects with one natural key make plan fail (both ids
 * and a hint), doctor list them, and apply fail after re-reading the kinds it created into. The
 * tenant is the sandbox with natural keys not enforced, or the hostile server whose backend stores
 * every create twice (the apply case, through the built CLI: needs `npm run build`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDoctorReport } from '../../cli/core/render/doctor-report.js';
import { createStyle } from '../../cli/core/render/style.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { runDoctor } from '../../cli/services/doctor.js';
import { preparePlan } from '../../cli/services/prepare-plan.js';
import { resolveTarget } from '../../cli/services/project.js';
import { startSandbox, type RunningSandbox } from '../../providers/sandbox/index.js';
import { createProject, runCli } from '../faults/cli-harness.js';
import { startHostileServer } from '../support/hostile-server.js';

let cwd: string;
let sandbox: RunningSandbox;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'conecta-duplicates-'));
  sandbox = await startSandbox({ port: 0, enforceUniqueKeys: false });
});
afterEach(async () => {
  await sandbox.close();
  await rm(cwd, { recursive: true, force: true });
});

async function createTabulation(name: string): Promise<string> {
  const response = await fetch(`${sandbox.url}/api/v4/tabulations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return ((await response.json()) as { _id: string })._id;
}

const env = (): Record<string, string> => ({ CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token });

describe('two live objects with one natural key', () => {
  it('make plan fail with both ids and a hint, before anything is planned', async () => {
    const first = await createTabulation('Venda');
    const second = await createTabulation('Venda');
    await createTabulation('Outra');
    await writeFile(join(cwd, 'tenant.yaml'), 'version: 1\ntabulations:\n  - name: Venda\n');
    const target = await resolveTarget({ cwd, env: env(), paths: [cwd] });
    const failure = await preparePlan({ target, cwd, redactor: createRedactor() }).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'PLAN_DUPLICATE_LIVE_KEYS', hint: expect.stringContaining('conecta doctor') });
    expect((failure as Error).message).toContain(`tabulation.Venda: 2 live objects (ids ${first}, ${second})`);
    expect((failure as Error).message).not.toContain('Outra');
  });

  it('are listed by doctor', async () => {
    const first = await createTabulation('Venda');
    const second = await createTabulation('Venda');
    const report = await runDoctor({ targetOptions: { cwd, env: env() }, cwd, redactor: createRedactor(), reporter: createRecordingReporter() });
    expect(report.duplicates).toEqual([{ kind: 'tabulation', name: 'Venda', ids: [first, second] }]);
    expect(renderDoctorReport(report, createStyle(false))).toContain(`✗ tabulation.Venda: 2 live objects (ids ${first}, ${second})`);
  });

  it('doctor says none when every key is unique', async () => {
    await createTabulation('Venda');
    const report = await runDoctor({ targetOptions: { cwd, env: env() }, cwd, redactor: createRedactor(), reporter: createRecordingReporter() });
    expect(report.duplicates).toEqual([]);
    expect(renderDoctorReport(report, createStyle(false))).toContain('none: every live object has its own name');
  });
});

describe('after an apply', () => {
  it('re-reads the kinds that received creates and fails, listing the keys stored twice', async () => {
    const server = await startHostileServer({ isCreateStoredTwice: true });
    try {
      const project = createProject({ 'tenant.yaml': 'version: 1\ntabulations:\n  - name: Nova\npauses:\n  - name: Almoço\n    productive: false\n    cumulative: false\n    supervised: false\n' });
      const result = await runCli(['apply', '.', '--auto-approve'], { cwd: project, env: { CONECTA_URL: server.url, CONECTA_TOKEN: server.token } });
      expect(result.stderr).toContain('[APPLY_DUPLICATES_FOUND]');
      expect(result.stderr).toMatch(/tabulation\.Nova: 2 live objects \(ids c0ffee\d+, c0ffee\d+\)/);
      expect(result.stderr).toMatch(/pause\.Almoço: 2 live objects/);
      expect(result.code).toBe(1);
      // One fresh read per kind that received a create, after the writes.
      const lastWrite = server.requests.findLastIndex((entry) => entry.method === 'POST');
      const readsAfter = server.requests.slice(lastWrite + 1).filter((entry) => entry.method === 'GET').map((entry) => entry.path).sort();
      expect(readsAfter).toEqual(['/api/v4/pauses', '/api/v4/tabulations']);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('does not fail when each create was stored once', async () => {
    const server = await startHostileServer();
    try {
      const project = createProject({ 'tenant.yaml': 'version: 1\ntabulations:\n  - name: Nova\n' });
      const result = await runCli(['apply', '.', '--auto-approve'], { cwd: project, env: { CONECTA_URL: server.url, CONECTA_TOKEN: server.token } });
      expect(result.stderr).not.toContain('APPLY_DUPLICATES_FOUND');
      expect(result.code).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});
