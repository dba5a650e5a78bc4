import { expect, test } from 'vitest';
import { call, create, start } from './support.js';
import type { RunningSandbox } from '../../../providers/sandbox/index.js';

/** Creates `count` tabulations, 25 at a time; returns their names in creation order. */
async function seedTabulations(sandbox: RunningSandbox, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `tab-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < names.length; i += 25) {
    await Promise.all(names.slice(i, i + 25).map((name) => create(sandbox, '/tabulations', { name })));
  }
  return sandbox.store.list('tabulation').map((r) => String(r['name']));
}

test('pages 250 records with limit 100 into three pages in creation order', async () => {
  const sandbox = await start();
  const names = await seedTabulations(sandbox, 250);
  expect(names).toHaveLength(250);
  const pages = [];
  for (const page of [1, 2, 3]) pages.push((await call(sandbox, 'GET', `/tabulations?page=${page}&limit=100`)).body);
  expect(pages.map((p) => [p.current_page, p.data.length, p.from, p.to, p.last_page, p.total, p.per_page])).toEqual([
    [1, 100, 1, 100, 3, 250, 100],
    [2, 100, 101, 200, 3, 250, 100],
    [3, 50, 201, 250, 3, 250, 100],
  ]);
  expect(pages.flatMap((p) => p.data.map((r: { name: string }) => r.name))).toEqual(names);
  const path = `${sandbox.url}/api/v4/tabulations`;
  expect(pages[1]).toMatchObject({
    path, first_page_url: `${path}?page=1`, last_page_url: `${path}?page=3`,
    next_page_url: `${path}?page=3`, prev_page_url: `${path}?page=1`,
  });
  expect(pages[2].next_page_url).toBeNull();
  expect(pages[0].prev_page_url).toBeNull();
});

test('clamps a limit above 100 to 100', async () => {
  const sandbox = await start();
  await seedTabulations(sandbox, 120);
  const page = (await call(sandbox, 'GET', '/tabulations?limit=500')).body;
  expect(page).toMatchObject({ per_page: 100, last_page: 2, total: 120 });
  expect(page.data).toHaveLength(100);
});

test('uses 15 records per page when no limit is given', async () => {
  const sandbox = await start();
  await seedTabulations(sandbox, 16);
  const page = (await call(sandbox, 'GET', '/tabulations')).body;
  expect(page).toMatchObject({ per_page: 15, last_page: 2 });
});

test('answers an empty page with null from/to past the last page', async () => {
  const sandbox = await start();
  await seedTabulations(sandbox, 3);
  const page = (await call(sandbox, 'GET', '/tabulations?page=9&limit=2')).body;
  expect(page).toMatchObject({ current_page: 9, data: [], from: null, to: null, last_page: 2, next_page_url: null });
});

test('returns a plain array of every record with paginate=0', async () => {
  const sandbox = await start();
  await seedTabulations(sandbox, 120);
  const reply = (await call(sandbox, 'GET', '/tabulations?paginate=0')).body;
  expect(Array.isArray(reply)).toBe(true);
  expect(reply).toHaveLength(120);
});

test('filters teams by name and agents by team', async () => {
  const sandbox = await start();
  const sac = await create(sandbox, '/campaigns', { name: 'SAC' });
  await create(sandbox, '/campaigns', { name: 'Vendas' });
  const maria = await create(sandbox, '/agents', { name: 'Maria', email: 'maria@acme.com', campaigns: [sac._id] });
  await create(sandbox, '/agents', { name: 'João', email: 'joao@acme.com' });
  const teams = (await call(sandbox, 'GET', '/campaigns?name=sac')).body.data;
  expect(teams.map((t: { name: string }) => t.name)).toEqual(['SAC']);
  const agents = (await call(sandbox, 'GET', `/agents?campaign_id=${sac._id}`)).body.data;
  expect(agents.map((a: { _id: string }) => a._id)).toEqual([maria._id]);
});
