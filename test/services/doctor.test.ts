import { allKinds } from '../../cli/core/kinds/registry.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStyle } from '../../cli/core/render/style.js';
import { renderDoctorReport } from '../../cli/core/render/doctor-report.js';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { runDoctor } from '../../cli/services/doctor.js';
import { startSandbox } from '../../providers/sandbox/index.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { runPlan } from '../../cli/services/plan.js';
import { startHostileServer } from '../support/hostile-server.js';
import { writeFile } from 'node:fs/promises';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'conecta-doctor-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('runDoctor', () => {
  it('reports the local sandbox, its version, the account and a count per kind', async () => {
    const reporter = createRecordingReporter();
    const report = await runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env: {} }, cwd, reporter });
    const notes = reporter.events.flatMap((event) => (event.type === 'notice' ? [event.text] : []));
    expect(notes[0]).toContain('local sandbox');
    expect(report.target.isSandbox).toBe(true);
    expect(report.apiVersion).toMatch(/^4/);
    expect(report.account?.email).toBeTruthy();
    expect(report.counts).toHaveLength(allKinds.length);
    expect(report.counts.find((entry) => entry.kind === 'user-group')?.count).toBe(1);
    const text = renderDoctorReport(report, createStyle(false));
    expect(text).toContain('local sandbox (http://127.0.0.1:');
    expect(text).toMatch(/user groups\s+1/);
    expect(text).toContain('nothing: every live value has a place in the config');
  });

  it('lists flows as not supported by a tenant without a flow endpoint', async () => {
    const sandbox = await startSandbox({ port: 0, flowsEnabled: false });
    try {
      const report = await runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token } }, cwd, reporter: createRecordingReporter() });
      expect(report.unsupported.map((entry) => entry.kind)).toEqual(['flow']);
      expect(report.counts.map((entry) => entry.kind)).not.toContain('flow');
      expect(renderDoctorReport(report, createStyle(false))).toContain('Not supported by this tenant');
    } finally {
      await sandbox.close();
    }
  });

  it.each([['5', 'answered version "5"'], [null, 'answered HTTP 404']] as const)('an API version of %s is a doctor finding, and plan goes on with a warning notice', async (version, wording) => {
    const server = await startHostileServer({ apiVersion: version });
    try {
      const env = { CONECTA_URL: server.url, CONECTA_TOKEN: server.token };
      const report = await runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env }, cwd, reporter: createRecordingReporter() });
      expect(report.apiVersionWarning).toContain(wording);
      expect(renderDoctorReport(report, createStyle(false))).toMatch(new RegExp(`! API version ${version ?? 'unknown'}: .*carries on`));
      await writeFile(join(cwd, 'tenant.yaml'), 'version: 1\ntabulations:\n  - name: Resolvido\n');
      const reporter = createRecordingReporter();
      const outcome = await runPlan({ redactor: createRedactor(), targetOptions: { cwd, paths: [cwd], env }, cwd, reporter });
      expect(outcome.hasChanges).toBe(true);
      const notes = reporter.events.flatMap((event) => (event.type === 'notice' ? [event.text] : []));
      expect(notes).toContainEqual(expect.stringMatching(new RegExp(`^Warning: GET /api/version ${wording}`)));
    } finally {
      await server.close();
    }
  });

  it('a version 4 tenant is no finding', async () => {
    const report = await runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env: {} }, cwd, reporter: createRecordingReporter() });
    expect(report.apiVersionWarning).toBeNull();
  });

  it('fails with PROVIDER_AUTH when the tenant refuses the token', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      await expect(runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: sandbox.url, CONECTA_TOKEN: 'not-the-token' } }, cwd, reporter: createRecordingReporter() })).rejects.toMatchObject({ code: 'PROVIDER_AUTH', status: 401 });
    } finally {
      await sandbox.close();
    }
  });

  it('fails with PROVIDER_UNREACHABLE when nothing listens at CONECTA_URL', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const url = sandbox.url;
    await sandbox.close();
    await expect(runDoctor({ redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: url, CONECTA_TOKEN: 'x-token', CONECTA_TIMEOUT: '2' } }, cwd, reporter: createRecordingReporter() })).rejects.toMatchObject({ code: 'PROVIDER_UNREACHABLE' });
  });
});
