import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startSandbox } from '../../../providers/sandbox/index.js';
import { journalFileOf, loadJournaledStore, StoreJournal } from '../../../providers/sandbox/journal.js';
import type { StoreData } from '../../../providers/sandbox/store.js';
import { builtCliPath } from '../../support/built-cli.js';
import { call, create, start, tempDir } from './support.js';

test('keeps records across a restart on the same data file', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const first = await startSandbox({ dataFile });
  const team = await create(first, '/campaigns', { name: 'SAC' });
  await first.close();
  const second = await start({ dataFile });
  const teams = (await call(second, 'GET', '/campaigns')).body.data;
  expect(teams.map((t: { _id: string; name: string }) => [t._id, t.name])).toEqual([[team._id, 'SAC']]);
  expect(second.store.list('userGroup').map((g) => g['name'])).toEqual(['Administrador']);
});

test('creates the data file with the built-in group when it is missing', async () => {
  const dataFile = join(await tempDir(), 'nested', 'store.json');
  await start({ dataFile });
  const saved = JSON.parse(await readFile(dataFile, 'utf8'));
  expect(saved.records.userGroup.map((g: { name: string }) => g.name)).toEqual(['Administrador']);
});

test('refuses to start on a data file that is not valid JSON', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  await writeFile(dataFile, '{"version":1,"rec');
  await expect(startSandbox({ dataFile })).rejects.toThrow(/not valid JSON/);
});

test('has made a write durable by the time it answers (data file and journal)', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const sandbox = await start({ dataFile });
  const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
  const saved = await loadJournaledStore(dataFile);
  expect(saved.data?.records.tabulation.map((r) => r['_id'])).toEqual([tab._id]);
});

test('loses no answered write when the process is killed', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  // The built sandbox in its own process, killed with SIGKILL: nothing runs after the kill.
  const sandboxModule = join(builtCliPath(), '..', '..', '..', 'dist', 'providers', 'sandbox', 'index.js');
  const script = `const { startSandbox } = await import(${JSON.stringify(sandboxModule)}); const sandbox = await startSandbox({ dataFile: ${JSON.stringify(dataFile)} }); process.send({ url: sandbox.url, token: sandbox.token });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const remote = await new Promise<{ url: string; token: string }>((resolve) => child.once('message', (message) => resolve(message as { url: string; token: string })));
  const handle = { ...remote } as unknown as Parameters<typeof create>[0];
  const answered = await Promise.all(Array.from({ length: 40 }, (_, i) => create(handle, '/tabulations', { name: `t${i}` })));
  const renamed = await call(handle, 'PUT', `/tabulations/${answered[0]._id}`, { name: 't0 renamed' });
  expect(renamed.status).toBe(200);
  expect((await call(handle, 'DELETE', `/tabulations/${answered[1]._id}`)).status).toBe(200);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  // The killed process's lock on the data file stays behind, stale: the restart takes it over.
  expect((await readdir(join(dataFile, '..'))).sort()).toEqual(['store.json', 'store.json.journal', 'store.json.lock']);

  const restarted = await start({ dataFile });
  const names = restarted.store.list('tabulation').map((r) => r['name']);
  expect(names).toEqual(['t0 renamed', ...answered.slice(2).map((tab: { name: string }) => tab.name)]);
  // Started after a kill, the sandbox writes the data file whole and drops the journal.
  expect((await readdir(join(dataFile, '..'))).sort()).toEqual(['store.json', 'store.json.lock']);
  await restarted.close();
  expect(await readdir(join(dataFile, '..'))).toEqual(['store.json']);
  const again = await start({ dataFile });
  expect(again.store.list('tabulation').map((r) => r['name'])).toEqual(names);
});

test('ignores a torn last journal line (an append the kill cut short) but refuses a corrupt one before it', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const first = await startSandbox({ dataFile });
  await create(first, '/tabulations', { name: 'Venda' });
  const journal = await readFile(journalFileOf(dataFile), 'utf8');
  // Copy the files as a kill would leave them, before close() folds the journal in.
  const copy = join(await tempDir(), 'store.json');
  await writeFile(copy, await readFile(dataFile, 'utf8'));
  await writeFile(journalFileOf(copy), `${journal}{"seq":99,"kind":"tabulation","put":{"_id":"x","na`);
  await first.close();
  expect((await loadJournaledStore(copy)).data?.records.tabulation.map((r) => r['name'])).toEqual(['Venda']);
  await writeFile(journalFileOf(copy), `{"seq":99,"kind":"tab\n${journal}`);
  await expect(loadJournaledStore(copy)).rejects.toThrow(/journal .* is corrupt at line 1/);
});

test('writes the whole store a logarithmic number of times as it grows (apply cost linear in writes)', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  let data: StoreData = { version: 1, records: { tabulation: [] } as unknown as StoreData['records'] };
  const journal = new StoreJournal(dataFile, () => data);
  await journal.compact();
  const padding = 'x'.repeat(400);
  for (let batch = 0; batch < 250; batch += 1) {
    const records = Array.from({ length: 20 }, (_, i) => ({ _id: `${batch}-${i}`, name: `${padding}${batch}-${i}` }));
    data = { version: 1, records: { ...data.records, tabulation: [...data.records.tabulation, ...records] } };
    for (const put of records) journal.record({ kind: 'tabulation', put });
    await journal.save();
  }
  // 5,000 records of ~450 bytes (2.3 MB): each whole write at least doubles the size, so ≤ 5 of them.
  expect(journal.diskWrites.appends).toBeGreaterThan(200);
  expect(journal.diskWrites.compactions).toBeLessThanOrEqual(6);
  const loaded = await loadJournaledStore(dataFile);
  expect(loaded.data?.records.tabulation).toHaveLength(5_000);
  await journal.close();
  expect(JSON.parse(await readFile(dataFile, 'utf8')).records.tabulation).toHaveLength(5_000);
});

test('at close, leaves the data file alone holding the store, replaced by rename', async () => {
  const dir = await tempDir();
  const dataFile = join(dir, 'store.json');
  const sandbox = await startSandbox({ dataFile });
  const before = (await stat(dataFile)).ino;
  let writing = true;
  let reads = 0;
  const reader = (async () => {
    while (writing) {
      JSON.parse(await readFile(dataFile, 'utf8'));
      reads += 1;
    }
  })();
  await Promise.all(Array.from({ length: 60 }, (_, i) => create(sandbox, '/tabulations', { name: `t${i}` })));
  writing = false;
  await reader;
  await sandbox.close();
  expect(reads).toBeGreaterThan(0);
  expect((await stat(dataFile)).ino).not.toBe(before);
  const saved = JSON.parse(await readFile(dataFile, 'utf8'));
  expect(saved.records.tabulation).toHaveLength(60);
  expect(await readdir(dir)).toEqual(['store.json']);
});

test('leaves the data file untouched when a run changes nothing (a plan)', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  await (await startSandbox({ dataFile })).close();
  const before = await stat(dataFile);
  const sandbox = await startSandbox({ dataFile });
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(200);
  await sandbox.close();
  const after = await stat(dataFile);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
});

test('skips the journal entries the data file already holds (a kill between writing it whole and removing the journal)', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  await writeFile(dataFile, JSON.stringify({ version: 1, journalSeq: 5, records: { tabulation: [{ _id: 'a', name: 'Kept' }] } }));
  await writeFile(journalFileOf(dataFile), [
    { seq: 4, kind: 'tabulation', put: { _id: 'old', name: 'Deleted since' } },
    { seq: 5, kind: 'tabulation', put: { _id: 'a', name: 'Kept' } },
    { seq: 6, kind: 'tabulation', put: { _id: 'b', name: 'After' } },
  ].map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  const loaded = await loadJournaledStore(dataFile);
  expect(loaded.data?.records.tabulation.map((r) => r['name'])).toEqual(['Kept', 'After']);
  expect([loaded.replayed, loaded.seq]).toEqual([1, 6]);
});
