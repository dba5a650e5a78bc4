/**
 * The HTTP layer of the Conecta provider, on undici: one keep-alive Agent, bearer auth (token or
 * login, refreshed once on 401), per-request timeouts inside an overall deadline, retries with
 * exponential backoff and full jitter on 429/502/503/504 and connection errors (honouring
 * `Retry-After`), an adaptive concurrency limit shared by every call, and, once the tenant has
 * answered 429, a pace on request starts that learns its rate limit (pacer.ts). A 429 pauses the
 * whole client for its `Retry-After` and is retried for as long as the deadline allows: the
 * tenant did not process the request, so even a create is safe to send again. Every failure
 * becomes one RemoteError; the credentials and every token the tenant hands out are added to the
 * run's redactor before they are used, and everything the client reports passes through it.
 */
import { Agent, type Dispatcher } from 'undici';
import { ConectaError, RemoteError } from '../../cli/core/errors.js';
import type { ExchangeRecorder, ProviderEvent, Redactor } from '../contract.js';
import { computeBackoffDelay, defaultBackoff, parseRetryAfter, type BackoffPolicy } from './backoff.js';
import { systemClock, type Clock } from './clock.js';
import { AdaptiveLimiter } from './limiter.js';

/** Reads at once by default (CONECTA_READ_PARALLELISM). */
export const DEFAULT_READ_CONCURRENCY = 16;
import { RatePacer, type PacingPolicy } from './pacer.js';
import { createHttpRemoteError, createTransportRemoteError, hintFor, readVendorFailure } from './remote-error.js';

/** API v4 lives under this prefix (szchat-go client.go, apiVersionPath). */
export const API_PREFIX = '/api/v4';

export type Credentials = { token: string } | { email: string; password: string };

export interface ConectaClientOptions {
  /** The tenant's base URL, such as `https://acme.conecta.com.vc` (a trailing `/api/v4` is tolerated). */
  url: string;
  credentials: Credentials;
  /** The run's redactor: learns the credentials and tokens, masks what the client reports. */
  redactor: Redactor;
  /** Injected in tests (undici MockAgent); by default a keep-alive Agent owned by the client. */
  dispatcher?: Dispatcher;
  /** Per-request timeout (headers and the whole body), default 30 s; never past the deadline. */
  timeoutMs?: number;
  /** The largest answer body read, default 64 MB; a larger one fails the call. */
  maxBodyBytes?: number;
  /** Overall deadline of the run, from the client's creation; default 15 minutes. */
  deadlineMs?: number;
  maxRetries?: number;
  maxConcurrency?: number;
  /** The most reads (GET) at once, default 16: a separate limit, so that a plan reads a large tenant's pages wider than apply writes. */
  readConcurrency?: number;
  backoff?: BackoffPolicy;
  pacing?: PacingPolicy;
  clock?: Clock;
  onEvent?: (event: ProviderEvent) => void;
  /**
   * Receives every answer read, at this one boundary (`conecta doctor --capture`); it decides
   * what to keep. Never given the request's headers or body.
   */
  recorder?: ExchangeRecorder;
}

export interface CallOptions {
  query?: Record<string, string | number>;
  body?: unknown;
  /**
   * Whether the call may be replayed after an ambiguous failure (a timeout, a reset, a 5xx).
   * Default: every method but POST. A non-replayable call is still retried when the request
   * certainly did not reach the server (429, connection refused).
   */
  isReplayable?: boolean;
  /** The path is from the origin (`/api/version`), not under `/api/v4`. */
  isOutsideApi?: boolean;
  /** No Authorization header, no refresh on 401 (login and version probe). */
  isAnonymous?: boolean;
}

// 500 too, for idempotent requests only (a create is never replayed: the provider looks it up by
// natural key first). A tenant's passing 500 is as common as a 502 behind its proxy, and
// go-retryablehttp, which most Terraform providers use, retries it as well.
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const RETRYABLE_TRANSPORT_CODES = new Set([...NOT_SENT_CODES, ...TIMEOUT_CODES, 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED']);

interface Answer {
  /** When the request was sent (clock.now()). */
  startedAt: number;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

export class ConectaHttpClient {
  readonly origin: string;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly deadlineAt: number;
  private readonly maxRetries: number;
  private readonly backoff: BackoffPolicy;
  private readonly clock: Clock;
  private readonly emit: (event: ProviderEvent) => void;
  private readonly redactor: Redactor;
  readonly limiter: AdaptiveLimiter;
  /** Reads have their own limit; a 429 halves both (the tenant's rate limit is one). */
  readonly readLimiter: AdaptiveLimiter;
  readonly pacer: RatePacer;
  private token: string | undefined;
  private login: Promise<string> | undefined;
  private refresh: Promise<string | undefined> | undefined;

  constructor(private readonly options: ConectaClientOptions) {
    const url = new URL(options.url);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
    const maxConcurrency = options.maxConcurrency ?? 8;
    const readConcurrency = options.readConcurrency ?? DEFAULT_READ_CONCURRENCY;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: maxConcurrency + readConcurrency, pipelining: 1 });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
    this.clock = options.clock ?? systemClock;
    this.deadlineAt = this.clock.now() + (options.deadlineMs ?? 15 * 60_000);
    this.maxRetries = options.maxRetries ?? 4;
    this.backoff = options.backoff ?? defaultBackoff;
    this.emit = options.onEvent ?? (() => undefined);
    this.limiter = new AdaptiveLimiter(maxConcurrency);
    this.readLimiter = new AdaptiveLimiter(readConcurrency);
    this.pacer = new RatePacer(options.pacing);
    this.redactor = options.redactor;
    if ('token' in options.credentials) {
      this.token = options.credentials.token;
      this.redactor.add(options.credentials.token);
    } else {
      this.redactor.add(options.credentials.password);
    }
  }

  async get(path: string, query?: Record<string, string | number>): Promise<unknown> {
    return this.call('GET', path, { query });
  }

  /** One HTTP call with auth, retries, the shared concurrency limit and pace; resolves to the parsed JSON body. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<unknown> {
    const isReplayable = options.isReplayable ?? method !== 'POST';
    const displayPath = this.formatDisplayPath(path, options);
    let hasRefreshed = false;
    /** Retries after failures other than 429, bounded by maxRetries. */
    let attempt = 0;
    /** Retries after 429, bounded only by the deadline. */
    let rateLimitedCount = 0;
    for (;;) {
      const sentToken = options.isAnonymous ? undefined : await this.getToken();
      let answer: Answer;
      try {
        answer = await this.send(method, path, options, sentToken, displayPath);
      } catch (error) {
        const transportCode = (error as { code?: string }).code ?? '';
        if (error instanceof ConectaError) throw error;
        const remote = createTransportRemoteError({ method, path: displayPath, cause: error, isTimeout: TIMEOUT_CODES.has(transportCode) }, this.redactor);
        const canRetry = RETRYABLE_TRANSPORT_CODES.has(transportCode) && (isReplayable || NOT_SENT_CODES.has(transportCode));
        if (!canRetry || attempt >= this.maxRetries) throw remote;
        await this.wait(method, displayPath, attempt + rateLimitedCount + 1, computeBackoffDelay(this.backoff, attempt, this.clock.random()), transportCode, remote);
        attempt += 1;
        continue;
      }
      if (answer.status === 401 && !options.isAnonymous && !hasRefreshed) {
        hasRefreshed = true;
        if (await this.refreshToken(sentToken)) continue;
      }
      // The error is built only for an answer that is not a success (a 2xx costs no error object).
      const toRemote = () => createHttpRemoteError({ method, path: displayPath, status: answer.status, body: answer.body, text: answer.text }, this.redactor);
      if (answer.status === 429) {
        const remote = toRemote();
        // Not processed, so always safe to send again (creates included): only the deadline bounds the waiting.
        rateLimitedCount += 1;
        const delay = this.computeRetryDelay(answer, rateLimitedCount - 1);
        this.limiter.onRateLimited();
        this.readLimiter.onRateLimited();
        this.pacer.onRateLimited(answer.startedAt, this.clock.now(), delay);
        this.emit({ type: 'rate-limited', waitMs: delay, concurrency: this.limiter.concurrency });
        await this.wait(method, displayPath, attempt + rateLimitedCount, delay, 'HTTP 429', remote, hasRetryAfter(answer));
        continue;
      }
      this.pacer.onAccepted(answer.startedAt, this.clock.now());
      if (answer.status >= 200 && answer.status < 300 && readVendorFailure(answer.body) === undefined) {
        (method === 'GET' ? this.readLimiter : this.limiter).onSuccess();
        return answer.body;
      }
      const remote = toRemote();
      if (!RETRYABLE_STATUSES.has(answer.status) || !isReplayable || attempt >= this.maxRetries) throw remote;
      await this.wait(method, displayPath, attempt + rateLimitedCount + 1, this.computeRetryDelay(answer, attempt), `HTTP ${answer.status}`, remote, hasRetryAfter(answer));
      attempt += 1;
    }
  }

  /** Forgets nothing but the connections. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /**
   * The server's `Retry-After` in full (a retry sent before it would be refused again, or worse), or
   * else a jittered backoff growing with `attempt` (from 0).
   */
  private computeRetryDelay(answer: Answer, attempt: number): number {
    const retryAfter = parseRetryAfter(answer.headers['retry-after'], Date.now());
    return retryAfter === undefined ? computeBackoffDelay(this.backoff, attempt, this.clock.random()) : retryAfter;
  }

  /**
   * Sleeps before retry number `retry` (from 1), unless the deadline would pass first: then the
   * call fails, never retrying early (a `Retry-After` past the deadline says so).
   */
  private async wait(method: string, path: string, retry: number, delayMs: number, reason: string, failure: RemoteError, isServerAsked = false): Promise<void> {
    const left = this.deadlineAt - this.clock.now();
    if (delayMs >= left) {
      if (!isServerAsked) throw failure;
      throw new RemoteError({
        method, path, status: failure.status, code: failure.code,
        vendorMessage: `the tenant asked to wait ${formatSeconds(delayMs)} (Retry-After) before trying again, past the run's deadline (${formatSeconds(Math.max(0, left))} left); no retry was sent early`,
        hint: 'Run again later, or raise CONECTA_DEADLINE so that the run can wait that long.',
      });
    }
    this.emit({ type: 'retry', method, path, attempt: retry, delayMs, reason: this.redactor.mask(reason) });
    await this.clock.sleep(delayMs);
  }

  private async send(method: string, path: string, options: CallOptions, token: string | undefined, displayPath: string): Promise<Answer> {
    const remaining = this.deadlineAt - this.clock.now();
    if (remaining <= 0) {
      throw new RemoteError({ method, path: displayPath, code: 'PROVIDER_TIMEOUT', vendorMessage: 'the overall deadline of the run has passed', hint: 'Raise CONECTA_DEADLINE, or apply fewer changes at once.' });
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const limiter = method === 'GET' ? this.readLimiter : this.limiter;
    await limiter.acquire();
    let started: number | undefined;
    let status: number | undefined;
    try {
      started = await this.waitForTurn(method, displayPath);
      const timeout = Math.max(1, Math.min(this.timeoutMs, this.deadlineAt - started));
      // undici's bodyTimeout is the idle time between chunks: a body dripping a byte at a time
      // would never end. The abort bounds the whole exchange, headers and body, by the timeout.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeout);
      try {
        const response = await this.dispatcher.request({
          origin: this.origin,
          path: this.formatRequestPath(path, options),
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          headersTimeout: timeout,
          bodyTimeout: timeout,
          signal: abort.signal,
        });
        status = response.statusCode;
        const text = await readBoundedText(response.body, this.maxBodyBytes, () => new RemoteError({
          method, path: displayPath, status: response.statusCode, code: 'PROVIDER_RESPONSE_TOO_LARGE',
          vendorMessage: `the answer is larger than ${formatBytes(this.maxBodyBytes)}; it was not read`,
          hint: 'Raise CONECTA_MAX_BODY if the tenant really answers this much, or check CONECTA_URL points at the tenant.',
        }));
        this.options.recorder?.record({
          method, path: `${options.isOutsideApi ? '' : API_PREFIX}${path}`, query: toQueryRecord(options.query),
          status: response.statusCode, headers: { ...response.headers }, text,
        });
        return { startedAt: started, status: response.statusCode, headers: response.headers, body: parseJson(text), text };
      } catch (error) {
        if (!abort.signal.aborted || error instanceof ConectaError) throw error;
        throw Object.assign(new Error(`no complete answer within ${formatSeconds(timeout)} (a slow or stalled body)`), { code: 'UND_ERR_BODY_TIMEOUT' });
      } finally {
        clearTimeout(timer);
      }
    } finally {
      limiter.release();
      if (started !== undefined) this.emit({ type: 'request', method, path: displayPath, status, durationMs: Math.round(this.clock.now() - started) });
    }
  }

  /**
   * Waits, holding a concurrency slot, until the pace and any Retry-After pause let a request
   * start; claims that start and returns its time. Never starts a request early: a wait that would
   * outlast the deadline fails instead.
   */
  private async waitForTurn(method: string, displayPath: string): Promise<number> {
    for (let readyAt = this.pacer.readyAt(); readyAt > this.clock.now(); readyAt = this.pacer.readyAt()) {
      if (readyAt >= this.deadlineAt) {
        throw new RemoteError({ method, path: displayPath, code: 'PROVIDER_RATE_LIMIT', vendorMessage: 'the tenant asked to wait past the overall deadline of the run', hint: hintFor('PROVIDER_RATE_LIMIT') });
      }
      await this.clock.sleep(readyAt - this.clock.now());
    }
    const now = this.clock.now();
    this.pacer.onStart(now);
    return now;
  }

  private formatRequestPath(path: string, options: CallOptions): string {
    const prefix = options.isOutsideApi ? this.basePath : `${this.basePath}${API_PREFIX}`;
    const query = options.query ? new URLSearchParams(Object.fromEntries(Object.entries(options.query).map(([key, value]) => [key, String(value)]))).toString() : '';
    return `${prefix}${path}${query ? `?${query}` : ''}`;
  }

  /** The path shown in events and errors: the API-relative path and its query, secrets masked. */
  private formatDisplayPath(path: string, options: CallOptions): string {
    const full = this.formatRequestPath(path, options).slice(this.basePath.length);
    return this.redactor.mask(full);
  }

  private async getToken(): Promise<string | undefined> {
    if (this.token) return this.token;
    if ('token' in this.options.credentials) return this.options.credentials.token;
    this.login ??= this.logIn().finally(() => { this.login = undefined; });
    return this.login;
  }

  /** `POST /auth/login` `{email, password}` → `{user, token}` (szchat-go auth.go). */
  private async logIn(): Promise<string> {
    const credentials = this.options.credentials as { email: string; password: string };
    const answer = await this.call('POST', '/auth/login', { body: { email: credentials.email, password: credentials.password }, isAnonymous: true, isReplayable: true });
    const token = (answer as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token === '') {
      throw new RemoteError({ method: 'POST', path: `${API_PREFIX}/auth/login`, code: 'PROVIDER_AUTH', vendorMessage: 'the login answer carried no token', hint: hintFor('PROVIDER_AUTH') });
    }
    this.redactor.add(token);
    this.token = token;
    return token;
  }

  /**
   * After a 401: `GET /auth/refresh` with the current token (→ `{token}`), falling back to a
   * new login when credentials are known (szchat-go auth.go refreshToken). Concurrent 401s share
   * one refresh.
   */
  /** Whether a new token is available. */
  private async refreshToken(failedToken: string | undefined): Promise<boolean> {
    if (this.token !== failedToken && this.token !== undefined) return true;
    this.refresh ??= this.renewToken(failedToken).finally(() => { this.refresh = undefined; });
    const token = await this.refresh;
    if (token === undefined) return false;
    this.token = token;
    return true;
  }

  /** A new token; undefined when a static token was refused and cannot be refreshed. */
  private async renewToken(failedToken: string | undefined): Promise<string | undefined> {
    if (failedToken) {
      const answer = await this.send('GET', '/auth/refresh', {}, failedToken, `${API_PREFIX}/auth/refresh`).catch(() => undefined);
      const token = (answer?.body as { token?: unknown } | undefined)?.token;
      if (answer && answer.status >= 200 && answer.status < 300 && typeof token === 'string' && token !== '') {
        this.redactor.add(token);
        return token;
      }
    }
    if ('token' in this.options.credentials) return undefined;
    this.token = undefined;
    return this.logIn();
  }
}

/** The body as text, failing (and dropping the connection) as soon as it passes `maxBytes`. */
async function readBoundedText(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      const error = tooLarge();
      body.destroy(error);
      throw error;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toQueryRecord(query: Record<string, string | number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(query ?? {}).map(([key, value]) => [key, String(value)]));
}

function hasRetryAfter(answer: Answer): boolean {
  return parseRetryAfter(answer.headers['retry-after'], Date.now()) !== undefined;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** A body as JSON; `undefined` when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
