/**
 * The field-report loop: a capture (`conecta doctor --capture`) replayed by the sandbox
 * (`sandbox --replay`) is the tenant the tool saw. Exporting the replayed tenant and planning
 * the export against it finds nothing to change; applying a change keeps the fields this tool
 * does not know. Real services, over loopback HTTP.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createStyle } from '../../cli/core/render/style.js';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { runApply } from '../../cli/services/apply.js';
import { runDoctor } from '../../cli/services/doctor.js';
import { runExport } from '../../cli/services/export.js';
import { runPlan } from '../../cli/services/plan.js';
import { startSandbox, type SandboxOptions } from '../../providers/sandbox/index.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'acme-contact-center');
const SZCHAT_CAPTURE = join(import.meta.dirname, '..', 'fixtures', 'capture', 'szchat-tenant.json');

const sandboxes: Sandbox[] = [];
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'conecta-replay-'));
  directories.push(directory);
  return directory;
}

async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = await startSandbox({ port: 0, seed: 11, ...options });
  sandboxes.push(started);
  return started;
}

function envOf(target: Sandbox): Record<string, string> {
  return { CONECTA_URL: target.url, CONECTA_TOKEN: target.token };
}

const refusingPrompter = { isInteractive: false, ask: () => Promise.reject(new Error('must not ask')) };

async function apply(target: Sandbox, configDir: string): Promise<void> {
  const outcome = await runApply({
    redactor: createRedactor(), targetOptions: { cwd: configDir, paths: [configDir], env: envOf(target) }, cwd: configDir,
    isAutoApproved: true, isForced: false, parallelism: 4, prompter: refusingPrompter, reporter: createRecordingReporter(),
  });
  expect(outcome.status, JSON.stringify(outcome.result?.steps.filter((step) => step.status !== 'applied'))).toBe('applied');
}

async function captureOf(target: Sandbox, scope: 'people' | 'all' = 'people'): Promise<string> {
  const cwd = await tempDir();
  await runDoctor({
    redactor: createRedactor(), targetOptions: { cwd, env: envOf(target) }, cwd, reporter: createRecordingReporter(),
    capture: { file: 'capture.json', scope, toolVersion: '0.0.0-test' },
  });
  return join(cwd, 'capture.json');
}

async function exportOf(target: Sandbox): Promise<string> {
  const outDir = await tempDir();
  await runExport({ outDir, isForced: true, targetOptions: { cwd: outDir, env: envOf(target) }, cwd: outDir, redactor: createRedactor(), now: () => new Date('2026-12-07T00:00:00Z'), reporter: createRecordingReporter() });
  return outDir;
}

function createSink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } });
  return Object.assign(sink, { text: () => chunks.join('') });
}

/** `conecta plan` as a user runs it, the text as it prints it. */
async function plan(target: Sandbox, configDir: string): Promise<{ hasChanges: boolean; text: string }> {
  const stdout = createSink();
  const stderr = createSink();
  const reporter = createTerminalReporter({ stdout, stderr, style: createStyle(false), isVerbose: false, isLiveProgress: false, mask: (text) => text });
  const outcome = await runPlan({ targetOptions: { cwd: configDir, paths: [configDir], env: envOf(target) }, cwd: configDir, reporter, redactor: createRedactor() })
    .catch((error: unknown) => { throw Object.assign(new Error(`plan failed: ${JSON.stringify((error as { diagnostics?: unknown }).diagnostics ?? String(error))}`), { cause: error }); });
  reporter.result({ command: 'plan', plan: outcome.plan, format: 'text' });
  return { hasChanges: outcome.hasChanges, text: `${stdout.text()}${stderr.text()}` };
}

describe('replaying a capture', () => {
  it.each(['people', 'all'] as const)('captures the acme tenant (pseudonymised: %s), replays it, and a plan of its export says "No changes."', async (scope) => {
    const acme = await sandbox();
    await apply(acme, EXAMPLE);
    const file = await captureOf(acme, scope);

    const replayed = await sandbox({ replayFile: file });
    expect(replayed.store.list('team').map((team) => team['name']).sort()).toEqual(scope === 'people' ? ['Financeiro', 'SAC', 'Vendas'] : ['team_1', 'team_2', 'team_3']);
    const exported = await exportOf(replayed);
    const agents = await readFile(join(exported, 'agents.yaml'), 'utf8');
    expect(agents).toMatch(/user-\d+@example\.invalid/);
    expect(agents).not.toContain('acme.com.br');
    const planned = await plan(replayed, exported);
    expect(planned.text).toContain('No changes.');
    expect(planned.hasChanges).toBe(false);
  });

  it('serves the captured objects whole, with the captured API version and signed-in account', async () => {
    const replayed = await sandbox({ replayFile: SZCHAT_CAPTURE });
    const headers = { authorization: `Bearer ${replayed.token}` };
    const version = await (await fetch(`${replayed.url}/api/version`)).json();
    expect(version).toEqual({ version: '4.1' });
    const me = await (await fetch(`${replayed.url}/api/v4/auth/me`, { headers })).json();
    expect(me).toMatchObject({ _id: '64b000000000000000000501', email: 'user-1@example.invalid', groupId: '64b000000000000000000601' });
    const teams = await (await fetch(`${replayed.url}/api/v4/campaigns?paginate=1&page=1&limit=100`, { headers })).json() as { data: Record<string, unknown>[] };
    expect(teams.data.find((team) => team['name'] === 'SAC')).toMatchObject({ sla: { enabled: true, first_response_minutes: 5 }, color: '#ff8800', tags: ['vip'], permissions: { allow_video_call: true } });
    // The tenant answered /contacts/fields as a bare array, and had no /flows.
    expect(Array.isArray(await (await fetch(`${replayed.url}/api/v4/contacts/fields`, { headers })).json())).toBe(true);
    expect((await fetch(`${replayed.url}/api/v4/flows`, { headers })).status).toBe(404);
  });

  it('replays a szchat-shaped capture, plans its export with no change, and an apply that updates objects keeps the fields the tool does not know', async () => {
    const replayed = await sandbox({ replayFile: SZCHAT_CAPTURE });
    const exported = await exportOf(replayed);
    const planned = await plan(replayed, exported);
    expect(planned.text).toContain('No changes.');

    await edit(join(exported, 'teams.yaml'), 'closingMessage: Obrigado pelo contato!', 'closingMessage: Obrigado, volte sempre!');
    await edit(join(exported, 'agents.yaml'), 'name: Person 2', 'name: Person 2 Renamed');
    await edit(join(exported, 'pauses.yaml'), 'description: Pausa para almoço', 'description: Pausa de almoço');
    await edit(join(exported, 'contactFields.yaml'), 'description: CPF do titular', 'description: CPF');
    const changed = await plan(replayed, exported);
    expect(changed.hasChanges).toBe(true);
    await apply(replayed, exported);
    expect((await plan(replayed, exported)).text).toContain('No changes.');

    const sac = replayed.store.list('team').find((team) => team['name'] === 'SAC');
    expect(sac).toMatchObject({ messageEnd: 'Obrigado, volte sempre!', sla: { enabled: true, first_response_minutes: 5 }, color: '#ff8800', tags: ['vip'], copilot: { rest_id: ['rest-1'], show_source_content: true } });
    expect(sac?.['permissions']).toMatchObject({ allow_video_call: true });
    const agent = replayed.store.list('agent').find((entry) => entry['_id'] === '64b000000000000000000101');
    expect(agent).toMatchObject({ name: 'Person 2 Renamed', phone: '550000000001', user_since: '2023-05-01', msTeams: { id: 'teams-42' }, photo: 'text-1', ramal: '9001' });
    const pause = replayed.store.list('pause')[0];
    expect(pause).toMatchObject({ description: 'Pausa de almoço', icon: 'coffee' });
    const field = replayed.store.list('contactField').find((entry) => entry['name'] === 'cpf');
    expect(field).toMatchObject({ description: 'CPF', mask: '999.999.999-99' });
  });

  it('initialises a data file from the capture, continues it on the next start, and refuses a data file of another store', async () => {
    const directory = await tempDir();
    const dataFile = join(directory, 'replay.json');
    const first = await sandbox({ replayFile: SZCHAT_CAPTURE, dataFile });
    const exported = await exportOf(first);
    await edit(join(exported, 'pauses.yaml'), 'description: Pausa para almoço', 'description: Pausa curta');
    await apply(first, exported);
    await first.close();

    const second = await sandbox({ replayFile: SZCHAT_CAPTURE, dataFile });
    expect(second.store.list('pause')[0]).toMatchObject({ description: 'Pausa curta', icon: 'coffee' });
    await second.close();

    const other = join(directory, 'other.json');
    await (await sandbox({ dataFile: other })).close();
    await expect(startSandbox({ port: 0, replayFile: SZCHAT_CAPTURE, dataFile: other })).rejects.toThrow(/not started from the capture .*move it away, or choose another data file/);
  });

  it('replays in the embedded sandbox with CONECTA_SANDBOX_REPLAY, in a data file of its own that later runs continue', async () => {
    const cwd = await tempDir();
    const env = { CONECTA_SANDBOX_REPLAY: SZCHAT_CAPTURE };
    const reporter = createRecordingReporter();
    await runExport({ outDir: 'tenant', isForced: false, targetOptions: { cwd, env }, cwd, redactor: createRedactor(), now: () => new Date('2026-12-07T00:00:00Z'), reporter });
    expect(reporter.events).toContainEqual({ type: 'notice', text: expect.stringMatching(/local sandbox .*data: \.conecta\/replay-szchat-tenant\.json, replaying .*szchat-tenant\.json/) });
    const configDir = join(cwd, 'tenant');
    await edit(join(configDir, 'pauses.yaml'), 'description: Pausa para almoço', 'description: Pausa curta');
    const applied = await runApply({
      redactor: createRedactor(), targetOptions: { cwd: configDir, paths: [configDir], env }, cwd: configDir,
      isAutoApproved: true, isForced: false, parallelism: 2, prompter: refusingPrompter, reporter: createRecordingReporter(),
    });
    expect(applied.status).toBe('applied');
    const planned = await runPlan({ targetOptions: { cwd: configDir, paths: [configDir], env }, cwd: configDir, reporter: createRecordingReporter(), redactor: createRedactor() });
    expect(planned.hasChanges).toBe(false);
    expect(await readdir(join(configDir, '.conecta'))).toContain('replay-szchat-tenant.json');

    const other = join(cwd, 'other.json');
    await (await sandbox({ dataFile: other })).close();
    await expect(runPlan({ targetOptions: { cwd: configDir, paths: [configDir], env: { ...env, CONECTA_SANDBOX_DATA: other } }, cwd: configDir, reporter: createRecordingReporter(), redactor: createRedactor() }))
      .rejects.toMatchObject({ code: 'PROVIDER_CONFIG', message: expect.stringContaining('cannot replay CONECTA_SANDBOX_REPLAY'), hint: expect.stringContaining('CONECTA_SANDBOX_DATA') });
  });

  it('names the problem when the file is not a capture, or was made by a newer format', async () => {
    const directory = await tempDir();
    const notJson = join(directory, 'broken.json');
    await writeFile(notJson, '{ "format": ');
    await expect(startSandbox({ port: 0, replayFile: notJson })).rejects.toThrow(/is not valid JSON.*doctor --capture/);
    const plan = join(directory, 'plan.json');
    await writeFile(plan, JSON.stringify({ version: 1, changes: [] }));
    await expect(startSandbox({ port: 0, replayFile: plan })).rejects.toThrow(/is not a capture file/);
    const newer = join(directory, 'newer.json');
    await writeFile(newer, JSON.stringify({ format: 'conecta-capture', formatVersion: 99, exchanges: [] }));
    await expect(startSandbox({ port: 0, replayFile: newer })).rejects.toThrow(/format version 99, newer than this sandbox reads \(1\)/);
    expect(await readdir(directory)).toHaveLength(3);
  });
});

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text, `${file} holds "${from}"`).toContain(from);
  await writeFile(file, text.replace(from, to));
}
