import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startSandbox } from '../../../providers/sandbox/index.js';
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

test('has saved a write by the time it answers', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const sandbox = await start({ dataFile });
  const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
  const saved = JSON.parse(await readFile(dataFile, 'utf8'));
  expect(saved.records.tabulation.map((r: { _id: string }) => r._id)).toEqual([tab._id]);
});

test('replaces the data file by rename instead of rewriting it in place', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const sandbox = await start({ dataFile });
  const before = (await stat(dataFile)).ino;
  await create(sandbox, '/tabulations', { name: 'Venda' });
  expect((await stat(dataFile)).ino).not.toBe(before);
});

test('keeps the data file valid JSON and leaves no temp files under concurrent writes', async () => {
  const dir = await tempDir();
  const dataFile = join(dir, 'store.json');
  const sandbox = await start({ dataFile });
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
  expect(reads).toBeGreaterThan(0);
  const saved = JSON.parse(await readFile(dataFile, 'utf8'));
  expect(saved.records.tabulation).toHaveLength(60);
  expect(await readdir(dir)).toEqual(['store.json']);
});
