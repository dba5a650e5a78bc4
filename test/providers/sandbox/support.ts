// Helpers for the sandbox tests: start a sandbox that closes when the test ends, and call it
// over real loopback HTTP.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../providers/sandbox/index.js';

export interface Reply {
  status: number;
  // Wire payloads are untyped JSON; tests read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox(options);
  onTestFinished(() => sandbox.close());
  return sandbox;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conecta-sandbox-'));
}

export interface CallOptions {
  token?: string | null;
  signal?: AbortSignal;
}

/** Calls `path` (relative to /api/v4 unless it starts with /api or /__sandbox). */
export async function call(sandbox: RunningSandbox, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Reply> {
  const url = path.startsWith('/api/') || path.startsWith('/__sandbox') ? sandbox.url + path : `${sandbox.url}/api/v4${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = options.token === undefined ? sandbox.token : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await request(url, {
    method: method as 'GET',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

/** Creates a record and returns it, failing loudly when the sandbox refuses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function create(sandbox: RunningSandbox, path: string, body: unknown): Promise<any> {
  const reply = await call(sandbox, 'POST', path, body);
  if (reply.status !== 200) throw new Error(`POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}
