// The request pipeline: admin endpoints (/__sandbox/*, never faulted), /api/version, and
// /api/v4 behind fault injection (latency, rate limit, reset, hang, failure, ghost write, late
// commit, broken list page, ignored `page`).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi, ROUTE_NOT_FOUND, type ApiContext, type ApiReply, type ApiRequest } from './api.js';
import type { AuditRecorder, RequestLogEntry } from './audit.js';
import type { FaultInjector } from './faults.js';
import { readJsonBody, sendJson, sleep } from './http-util.js';
import type { FaultOptions } from './options.js';
import type { TokenBucket } from './rate-limit.js';
import type { Store } from './store.js';
import { isPlainObject } from './wire.js';

export interface SandboxRuntime {
  api: ApiContext;
  store: Store;
  audit: AuditRecorder;
  faults: FaultInjector;
  bucket(): TokenBucket | undefined;
  /** The sandbox's clock in epoch milliseconds (SandboxOptions.now): rate limit, Retry-After and the request log. */
  now(): number;
  setFaults(patch: Partial<FaultOptions>): FaultOptions;
  /** Saves the store (no-op in memory); resolves when durable. */
  save(): Promise<void>;
  /** Aborted by close(), ending latency waits (late commits are then applied at once). */
  shutdown: AbortSignal;
  /** Late commits not applied yet; close() waits for them. */
  lateCommits: Set<Promise<void>>;
  /** What `/api/version` answers, when a replayed capture recorded it (default "4"). */
  apiVersion?: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const API_PREFIX = '/api/v4';

export function createRequestHandler(runtime: SandboxRuntime): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleRequest(runtime, req, res).catch((error: unknown) => {
      sendJson(res, 500, { success: false, message: error instanceof Error ? error.message : String(error) });
    });
  };
}

async function handleRequest(runtime: SandboxRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return handleAdmin(runtime, method, path, req, res);

  const t = runtime.now();
  const log = (status: number, extra: Partial<RequestLogEntry> = {}): void =>
    runtime.audit.record({ t, method, path, status, ...extra });
  const reply = (r: ApiReply, extra: Partial<RequestLogEntry> = {}, headers: Record<string, string> = {}): void => {
    sendJson(res, r.status, r.body, headers);
    log(r.status, extra);
  };

  if (path === '/api/version') {
    return reply(method === 'GET' ? { status: 200, body: { version: runtime.apiVersion ?? '4' } } : { status: 405, body: { message: 'Method Not Allowed' } });
  }
  if (!path.startsWith(`${API_PREFIX}/`)) return reply(ROUTE_NOT_FOUND);

  const isWrite = WRITE_METHODS.has(method);
  const faultable = path !== `${API_PREFIX}/auth/login` || runtime.faults.current.faultAuth;
  let ghost = false;
  let late = false;
  let brokenPage: 'truncated' | 'garbled' | undefined;
  let tags: Partial<RequestLogEntry> = {};
  if (faultable) {
    const early = runtime.audit.isEarly(t);
    const decision = runtime.faults.decide(isWrite);
    const taken = runtime.bucket()?.take(t) ?? { allowed: true };
    if (!(await sleep(decision.delayMs, runtime.shutdown))) {
      res.destroy();
      return;
    }
    tags = early ? { early } : {};
    if (!taken.allowed) {
      const seconds = taken.retryAfterSeconds;
      return reply({ status: 429, body: { message: 'Too Many Attempts.' } }, { ...tags, fault: 'rate-limit', retryAfter: seconds },
        { 'retry-after': String(seconds) });
    }
    const action = decision.action;
    if (action.kind === 'reset') {
      log(0, { ...tags, fault: 'reset' });
      req.socket.destroy();
      return;
    }
    if (action.kind === 'hang') {
      // Never answered; close() ends the socket (closeAllConnections).
      log(0, { ...tags, fault: 'hang' });
      return;
    }
    if (action.kind === 'fail') {
      return reply({ status: action.status, body: { message: `Simulated ${action.status}` } }, { ...tags, fault: 'fail' });
    }
    ghost = action.ghost;
    late = action.late;
    brokenPage = action.brokenPage;
  }

  const body = await readJsonBody(req);
  if (!body.ok) return reply({ status: body.status, body: { success: false, message: body.message } });
  const query = url.searchParams;
  if (method === 'GET' && runtime.faults.current.ignorePage && isPageAsked(query)) {
    // A route without paging: whatever page is asked for, page 1 is answered.
    query.delete('page');
    tags = { ...tags, fault: 'ignored-page' };
  }
  const request: ApiRequest = { method, path: path.slice(API_PREFIX.length), query, body: body.value, authorization: req.headers.authorization };
  if (late) {
    // The gateway gives up now; the backend applies the write later, whatever the client does meanwhile.
    reply({ status: 504, body: { message: 'Gateway Timeout' } }, { ...tags, fault: 'late-commit' });
    const commit: Promise<void> = sleep(runtime.faults.current.lateCommitMs, runtime.shutdown)
      .then(async () => {
        await applyRequest(runtime, request);
      })
      .catch(() => undefined)
      .finally(() => {
        runtime.audit.settleLateCommit();
        runtime.lateCommits.delete(commit);
      });
    runtime.lateCommits.add(commit);
    return;
  }
  const result = await applyRequest(runtime, request);
  if (ghost) return reply({ status: 504, body: { message: 'Gateway Timeout' } }, { ...tags, fault: 'ghost' });
  if (brokenPage && result.status === 200 && isPlainObject(result.body) && Array.isArray(result.body['data'])) {
    sendBrokenPage(res, result.body, brokenPage);
    return log(200, { ...tags, fault: brokenPage === 'truncated' ? 'truncated-page' : 'garbled-page' });
  }
  return reply(result, tags);
}

function isPageAsked(query: URLSearchParams): boolean {
  const page = query.get('page');
  return page !== null && page.trim() !== '' && page.trim() !== '1';
}

/**
 * A list page answered 200 but broken, as a gateway or a crashing backend leaves it: the JSON cut
 * off half-way (its content-length matching what is sent), or an HTML error page.
 */
function sendBrokenPage(res: ServerResponse, page: unknown, how: 'truncated' | 'garbled'): void {
  const json = JSON.stringify(page);
  const text = how === 'truncated' ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
  res.writeHead(200, { 'content-type': how === 'truncated' ? 'application/json' : 'text/html', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Handles an API request and, when it changed the store, saves it before resolving. */
async function applyRequest(runtime: SandboxRuntime, request: ApiRequest): Promise<ApiReply> {
  const result = handleApi(runtime.api, request);
  if (result.ignored) runtime.audit.noteIgnored(result.ignored.kind, result.ignored.paths);
  if (result.mutated) {
    runtime.audit.countWrite();
    await runtime.save();
  }
  return result;
}

async function handleAdmin(runtime: SandboxRuntime, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = `${method} ${path.slice('/__sandbox'.length)}`;
  switch (route) {
    case 'GET /audit':
      return sendJson(res, 200, runtime.audit.snapshot(runtime.store.duplicates()));
    case 'POST /audit/reset':
      runtime.audit.reset();
      return sendJson(res, 200, { success: true });
    case 'POST /reset':
      runtime.store.reset();
      await runtime.save();
      return sendJson(res, 200, { success: true });
    case 'GET /store':
      return sendJson(res, 200, runtime.store.snapshot());
    case 'GET /faults':
      return sendJson(res, 200, runtime.faults.current);
    case 'PUT /faults': {
      const body = await readJsonBody(req);
      if (!body.ok || !isPlainObject(body.value)) return sendJson(res, 400, { success: false, message: 'Send a JSON object of fault options' });
      try {
        return sendJson(res, 200, runtime.setFaults(body.value as Partial<FaultOptions>));
      } catch (error) {
        return sendJson(res, 422, { success: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
    default:
      return sendJson(res, 404, { message: 'Not Found' });
  }
}
