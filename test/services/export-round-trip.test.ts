/**
 * The export's guarantee: for any tenant, `export` then `plan` against the same tenant finds no
 * change. Tenants are created through the Provider port in a fresh sandbox, exported by the real
 * service, read back by the real config loader and planned against a fresh snapshot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../cli/core/execute/executor.js';
import { hasErrors } from '../../cli/core/diagnostics.js';
import type { ExportedSecret } from '../../cli/core/export/export-tenant.js';
import { allKinds } from '../../cli/core/kinds/registry.js';
import type { DesiredState, JsonValue, UnsupportedKind } from '../../cli/core/model/resource.js';
import { buildPlan } from '../../cli/core/plan/build-plan.js';
import type { Plan } from '../../cli/core/plan/types.js';
import { loadConfig } from '../../cli/io/read-config.js';
import { openProvider } from '../../cli/services/connect.js';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { runExport } from '../../cli/services/export.js';
import { readSnapshot } from '../../cli/services/refresh.js';
import type { Provider } from '../../providers/contract.js';
import { startSandbox } from '../../providers/sandbox/index.js';
import { arbitraryTenant, toDesiredState } from '../helpers/random-tenant.js';
import { createRedactor } from '../../cli/io/redactor.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'acme-contact-center');

async function withProvider<T>(env: Record<string, string>, cwd: string, work: (provider: Provider, unsupported: UnsupportedKind[]) => Promise<T>): Promise<T> {
  const opened = await openProvider({ env, cwd, redactor: createRedactor() });
  try {
    return await work(opened.provider, opened.description.unsupported);
  } finally {
    await opened.close();
  }
}

/** Plans `desired` against what the tenant has now. */
async function planAgainst(provider: Provider, unsupported: UnsupportedKind[], desired: DesiredState): Promise<Plan> {
  const snapshot = await readSnapshot(provider, allKinds, unsupported);
  return buildPlan(desired, snapshot, { target: { url: provider.target.url, isSandbox: false } });
}

/** Creates `desired` through the Provider port, in dependency order (the executor breaks reference cycles). */
async function seed(provider: Provider, unsupported: UnsupportedKind[], desired: DesiredState): Promise<void> {
  const plan = await planAgainst(provider, unsupported, desired);
  const result = await executePlan(plan, {
    create: (kind, spec) => provider.create(kind, spec),
    update: (kind, id, spec) => provider.update(kind, id, spec),
    delete: (kind, id) => provider.delete(kind, id),
    now: () => performance.now(),
  }, { parallelism: 4 });
  const failed = result.steps.filter((step) => step.status !== 'applied');
  if (failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(failed.slice(0, 3))}`);
}

/** The environment a user would set for the export's placeholders: the values the config had. */
function secretEnvironment(desired: DesiredState, secrets: ExportedSecret[]): Record<string, string> {
  return Object.fromEntries(secrets.map((secret) => {
    const resource = desired.resources.find((candidate) => candidate.kind === secret.kind && candidate.name === secret.name)!;
    let value: JsonValue | undefined = resource.spec;
    for (const step of secret.path.split('.')) value = (value as Record<string, JsonValue>)[step];
    return [secret.envName, String(value)];
  }));
}

/** Creates `desired` in a fresh sandbox, exports it, loads the export and plans it against the same sandbox. */
async function exportThenPlan(desired: DesiredState): Promise<Plan> {
  const root = await mkdtemp(join(tmpdir(), 'conecta-round-trip-'));
  const sandbox = await startSandbox({ port: 0 });
  try {
    const env = { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token };
    await withProvider(env, root, (provider, unsupported) => seed(provider, unsupported, desired));
    const summary = await runExport({ redactor: createRedactor(), outDir: 'export', isForced: false, targetOptions: { cwd: root, env }, cwd: root, now: () => new Date('2025-01-01T00:00:00Z'), reporter: createRecordingReporter() });
    expect(summary.skipped).toEqual([]);
    const loaded = await loadConfig([join(root, 'export')], { env: secretEnvironment(desired, summary.secrets) });
    expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    return await withProvider(env, root, (provider, unsupported) => planAgainst(provider, unsupported, loaded.state));
  } finally {
    await sandbox.close();
    await rm(root, { recursive: true, force: true });
  }
}

function describeChanges(plan: Plan): string[] {
  return plan.changes.map((change) => `${change.action} ${change.address} ${JSON.stringify(change.fields)}`);
}

describe('export round trip', () => {
  it('plans no change after exporting any tenant', async () => {
    await fc.assert(fc.asyncProperty(arbitraryTenant({ maxPerKind: 3 }), async (tenant) => {
      const plan = await exportThenPlan(toDesiredState(tenant));
      expect(describeChanges(plan)).toEqual([]);
    }), { numRuns: 25, interruptAfterTimeLimit: 60_000 });
  }, 120_000);

  it('plans no change after applying the acme example and exporting it', async () => {
    const example = await loadConfig([EXAMPLE], { env: { ...process.env } });
    expect(hasErrors(example.diagnostics)).toBe(false);
    const plan = await exportThenPlan(example.state);
    expect(describeChanges(plan)).toEqual([]);
  });
});
