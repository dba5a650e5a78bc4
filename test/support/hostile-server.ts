/**
 * A small hostile HTTP server (node:http on 127.0.0.1, separate from the sandbox) that answers
 * the handshake and the list endpoints of the Conecta API in Laravel's page envelope, and can
 * break one list the way real tenants and their gateways do: garbled or truncated pages, `data`
 * missing, totals that lie, ids repeated across pages, a `last_page` that moves, a server that
 * ignores `page`, pagination that never ends (a `last_page` that grows, or one past any ceiling),
 * items without a usable `_id`, a numeric or empty natural key, a page
 * size refused, a body that drips or is too large, a long `Retry-After`. It records every request,
 * so a test can assert that a broken read led to 0 writes. Writes are accepted (200 with an id),
 * so a client that does write is caught doing it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ListFault =
  | 'not-json'
  | 'truncated'
  | 'empty-body'
  | 'cut-connection'
  | 'data-missing'
  | 'data-null'
  | 'total-mismatch'
  | 'repeated-ids'
  | 'last-page-moves'
  | 'ignores-page'
  | 'ignores-page-honest'
  | 'never-ending'
  | 'endless-last-page'
  | 'last-page-beyond-total'
  | 'no-id'
  | 'numeric-id'
  | 'numeric-name'
  | 'empty-name'
  | 'refuses-large-page'
  | 'drip'
  | 'huge-body'
  | 'retry-after';

export interface HostileOptions {
  /** Live objects per list path (`/tabulations`); every other list is empty. */
  lists?: Record<string, Record<string, unknown>[]>;
  /** The list that misbehaves, and how. */
  fault?: { path: string; kind: ListFault };
  /** The largest page the server gives (it clamps `limit` to it); default 100. */
  maxPageSize?: number;
  /** `drip`: milliseconds between bytes; `retry-after`: seconds asked for; `huge-body`: bytes sent. */
  faultValue?: number;
  /** A POST to a list stores the object twice (a backend that committed a create twice). */
  isCreateStoredTwice?: boolean;
  /** What `GET /api/version` answers as `version` (default "4"); null answers 404. */
  apiVersion?: string | null;
}

export interface HostileRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface HostileServer {
  url: string;
  token: string;
  requests: HostileRequest[];
  /** POST, PUT, PATCH and DELETE requests received. */
  writes(): HostileRequest[];
  /** GET requests to one list path. */
  listReads(path: string): HostileRequest[];
  close(): Promise<void>;
}

const TOKEN = 'hostile-token-0123456789';

export async function startHostileServer(options: HostileOptions = {}): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const lists: Record<string, Record<string, unknown>[]> = Object.fromEntries(Object.entries(options.lists ?? {}).map(([path, items]) => [path, [...items]]));
  let nextId = 1;
  const createId = (): string => `c0ffee${String(nextId++).padStart(18, '0')}`;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const entry = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams };
    requests.push(entry);
    void drain(request).then((body) => answer({ ...entry, body }, response, { ...options, createId }, lists, timers));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token: TOKEN,
    requests,
    writes: () => requests.filter((entry) => entry.method !== 'GET'),
    listReads: (path) => requests.filter((entry) => entry.method === 'GET' && entry.path === `/api/v4${path}`),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function drain(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function answer(entry: HostileRequest & { body: string }, response: ServerResponse, options: HostileOptions & { createId: () => string }, lists: Record<string, Record<string, unknown>[]>, timers: Set<NodeJS.Timeout>): void {
  if (entry.path === '/api/version') {
    return options.apiVersion === null ? sendJson(response, 404, { message: 'Not Found' }) : sendJson(response, 200, { version: options.apiVersion ?? '4' });
  }
  if (!entry.path.startsWith('/api/v4/')) return sendJson(response, 404, { error: 'Not Found' });
  const path = entry.path.slice('/api/v4'.length);
  if (path === '/auth/me') return sendJson(response, 200, { _id: 'me', name: 'Hostile Admin', email: 'admin@hostile.test', type: 'admin' });
  if (entry.method === 'POST') {
    const created = { ...(JSON.parse(entry.body || '{}') as Record<string, unknown>), _id: options.createId() };
    const list = (lists[path] ??= []);
    list.push(created);
    if (options.isCreateStoredTwice) list.push({ ...created, _id: options.createId() });
    return sendJson(response, 200, created);
  }
  if (entry.method !== 'GET') return sendJson(response, 200, { success: true });
  const items = lists[path] ?? [];
  const fault = options.fault?.path === path ? options.fault.kind : undefined;
  answerList(entry.query, items, fault, response, options, timers);
}

function answerList(query: URLSearchParams, items: Record<string, unknown>[], fault: ListFault | undefined, response: ServerResponse, options: HostileOptions, timers: Set<NodeJS.Timeout>): void {
  const maxPageSize = options.maxPageSize ?? 100;
  const asked = Number(query.get('limit') ?? 15);
  if (fault === 'refuses-large-page' && asked > maxPageSize) {
    return sendJson(response, 422, { status: false, errors: { limit: [`The limit may not be greater than ${maxPageSize}.`] } });
  }
  if (fault === 'retry-after') return sendJson(response, 429, { error: 'Too Many Requests' }, { 'retry-after': String(options.faultValue ?? 120) });
  const perPage = Math.max(1, Math.min(maxPageSize, asked));
  const requested = Math.max(1, Number(query.get('page') ?? 1));
  const page = fault === 'ignores-page' || fault === 'ignores-page-honest' ? 1 : requested;
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage + (fault === 'repeated-ids' && page > 1 ? -1 : 0);
  let data: unknown[] = items.slice(start, start + perPage);
  if (fault === 'total-mismatch' && page === lastPage) data = data.slice(0, Math.max(0, data.length - 10));
  if (fault === 'no-id' && page === 2) data = data.map((item, index) => (index === 5 ? { ...(item as object), _id: undefined } : item));
  if (fault === 'numeric-name' && page === 2) data = data.map((item, index) => (index === 5 ? { ...(item as object), name: 42 } : item));
  if (fault === 'empty-name' && page === 2) data = data.map((item, index) => (index === 5 ? { ...(item as object), name: ' ' } : item));
  if (fault === 'numeric-id' && page === 2) data = data.map((item, index) => (index === 5 ? { ...(item as object), _id: 42 } : item));
  const envelope: Record<string, unknown> = {
    current_page: fault === 'ignores-page' ? requested : page,
    data,
    total,
    per_page: perPage,
    last_page: lastPage,
    from: data.length > 0 ? start + 1 : null,
    to: data.length > 0 ? start + data.length : null,
  };
  if (fault === 'last-page-moves' && requested > 1) envelope.last_page = lastPage + 1;
  if (fault === 'never-ending') {
    delete envelope.total;
    envelope.last_page = requested + 1;
    envelope.next_page_url = `/?page=${requested + 1}`;
  }
  if (fault === 'endless-last-page') {
    // No total, and a last page no list of this size could have: a client that followed it would never end.
    delete envelope.total;
    envelope.last_page = 1_000_000;
    envelope.next_page_url = `/?page=${requested + 1}`;
  }
  if (fault === 'last-page-beyond-total') envelope.last_page = lastPage + 5;
  const isFaultPage = requested === 2;
  if (fault === 'data-missing' && isFaultPage) delete envelope.data;
  if (fault === 'data-null' && isFaultPage) envelope.data = null;
  const text = JSON.stringify(envelope);
  if (fault === 'empty-body' && isFaultPage) {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 });
    return void response.end();
  }
  if (fault === 'not-json' && isFaultPage) {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
    return void response.end(html);
  }
  if (fault === 'truncated' && isFaultPage) {
    const cut = text.slice(0, Math.floor(text.length / 2));
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(cut) });
    return void response.end(cut);
  }
  if (fault === 'cut-connection' && isFaultPage) {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.write(text.slice(0, Math.floor(text.length / 2)));
    return void response.socket?.destroy();
  }
  if (fault === 'drip') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= text.length) {
        clearInterval(timer);
        timers.delete(timer);
        if (!response.destroyed) response.end();
        return;
      }
      response.write(text[sent]);
      sent += 1;
    }, options.faultValue ?? 200);
    timers.add(timer);
    return;
  }
  if (fault === 'huge-body') {
    const size = options.faultValue ?? 4 * 1024 * 1024;
    const padded = JSON.stringify({ ...envelope, padding: 'x'.repeat(size) });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(padded) });
    return void response.end(padded);
  }
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
