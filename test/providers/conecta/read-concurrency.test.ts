/**
 * Reads and writes have separate concurrency limits (CONECTA_READ_PARALLELISM and
 * CONECTA_PARALLELISM): a plan reads a large tenant's pages wider than apply writes. Measured on
 * a real loopback server that holds every answer 150 ms and counts the requests it holds at once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createRedactor } from '../../../cli/io/redactor.js';
import { ConectaHttpClient } from '../../../providers/conecta/http-client.js';
import { readTransportSettings } from '../../../providers/conecta/settings.js';

let server: Server | undefined;
let client: ConectaHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  client = undefined;
});

async function startCountingServer(): Promise<{ url: string; most: Record<string, number> }> {
  const now: Record<string, number> = { GET: 0, POST: 0 };
  const most: Record<string, number> = { GET: 0, POST: 0 };
  server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    now[method] = (now[method] ?? 0) + 1;
    most[method] = Math.max(most[method] ?? 0, now[method]!);
    request.resume();
    setTimeout(() => {
      now[method]! -= 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    }, 150);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, most };
}

it('runs up to CONECTA_READ_PARALLELISM reads and CONECTA_PARALLELISM writes at once, each bounded by its own limit', async () => {
  const { url, most } = await startCountingServer();
  const settings = readTransportSettings({ CONECTA_PARALLELISM: '3', CONECTA_READ_PARALLELISM: '10' });
  client = new ConectaHttpClient({ url, credentials: { token: 't' }, redactor: createRedactor(), ...settings });
  await Promise.all([
    ...Array.from({ length: 30 }, (_, page) => client!.get('/agents', { page })),
    ...Array.from({ length: 12 }, () => client!.call('POST', '/tabulations', { body: { name: 'x' } })),
  ]);
  // Never past either limit; reads well past the write limit (a busy machine may not reach all 10).
  expect(most.POST).toBe(3);
  expect(most.GET).toBeLessThanOrEqual(10);
  expect(most.GET).toBeGreaterThanOrEqual(6);
});

it('reads 16 at once by default, whatever the write limit', () => {
  expect(readTransportSettings({ CONECTA_PARALLELISM: '2' })).toMatchObject({ maxConcurrency: 2, readConcurrency: 16 });
});
