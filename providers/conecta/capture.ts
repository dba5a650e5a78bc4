/**
 * The recorder of `conecta doctor --capture`: injected into the HTTP client (the one boundary
 * every answer passes), it keeps the read answers worth a bug report and turns them into a
 * capture file (providers/capture-format.ts). What it keeps: `GET /api/version`, `GET /auth/me`
 * and every list read, with the status, the headers that matter and the body. What it never keeps:
 * any other `/auth/` answer (login and refresh hand out tokens), the request's headers and body,
 * any header outside the short list below (so never `Set-Cookie`), values under secret-looking keys.
 * People's data is pseudonymised (pseudonymise.ts) and the tenant's address replaced; the caller
 * still passes the text through the run's redactor before writing it.
 */
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION, type CaptureFile, type CapturedExchange, type PseudonymScope } from '../capture-format.js';
import type { ExchangeRecorder, ProviderNotice, RecordedExchange } from '../contract.js';
import type { UnsupportedKind } from '../../cli/core/model/resource.js';
import { API_PREFIX, parseJson } from './http-client.js';
import { Pseudonymiser } from './pseudonymise.js';

/** Headers recorded: what the tool reads (content type, rate limits, Retry-After) and who answered. */
const KEPT_HEADER = /^(content-type|retry-after|x-ratelimit-[a-z-]+|x-rate-limit-[a-z-]+|ratelimit(-[a-z-]+)?|server|x-powered-by)$/;
/** What stands in for the tenant's address in bodies (Laravel's page links carry it). */
export const TENANT_PLACEHOLDER = 'https://tenant.example.invalid';

export interface CaptureMeta {
  tool: { name: string; version: string };
  capturedAt: Date;
  scope: PseudonymScope;
  isSandbox: boolean;
  /** The tenant's base URL: replaced by TENANT_PLACEHOLDER wherever an answer repeats it. */
  url: string;
  notices: readonly ProviderNotice[];
  unsupported: readonly UnsupportedKind[];
  /** The error that ended the read early, if any. */
  failure?: { code: string; message: string };
}

export class CaptureRecorder implements ExchangeRecorder {
  private readonly exchanges: RecordedExchange[] = [];

  record(exchange: RecordedExchange): void {
    if (isKept(exchange)) this.exchanges.push({ ...exchange, headers: { ...exchange.headers }, query: { ...exchange.query } });
  }

  /** How many answers were kept. */
  get size(): number {
    return this.exchanges.length;
  }

  /** The capture file, pseudonymised; exchanges in a stable order so the numbering is too. */
  toCaptureFile(meta: CaptureMeta): CaptureFile {
    const origin = new URL(meta.url);
    const base = `${origin.origin}${origin.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '')}`;
    const ordered = this.exchanges
      .map((exchange, index) => ({ exchange, index }))
      .sort((a, b) => compareExchanges(a.exchange, b.exchange) || a.index - b.index)
      .map(({ exchange }) => toCaptured(exchange, base));
    const pseudonymiser = new Pseudonymiser(meta.scope);
    const exchanges = pseudonymiser.pseudonymiseExchanges(ordered);
    return {
      format: CAPTURE_FORMAT,
      formatVersion: CAPTURE_FORMAT_VERSION,
      tool: meta.tool,
      capturedAt: meta.capturedAt.toISOString(),
      pseudonymised: meta.scope,
      target: { isSandbox: meta.isSandbox },
      exchanges,
      notices: meta.notices.map((notice) => ({ kind: notice.kind, name: pseudonymiser.rewriteName(notice.name), field: notice.field, message: pseudonymiser.rewriteText(notice.message) })),
      unsupported: meta.unsupported.map((entry) => ({ kind: entry.kind, reason: entry.reason })),
      ...(meta.failure ? { failure: { code: meta.failure.code, message: pseudonymiser.rewriteText(meta.failure.message.split(base).join(TENANT_PLACEHOLDER)) } } : {}),
    };
  }
}

function isKept(exchange: RecordedExchange): boolean {
  if (exchange.method !== 'GET') return false;
  if (exchange.path.startsWith(`${API_PREFIX}/auth/`)) return exchange.path === `${API_PREFIX}/auth/me`;
  return exchange.path === '/api/version' || exchange.path.startsWith(`${API_PREFIX}/`);
}

function toCaptured(exchange: RecordedExchange, base: string): CapturedExchange {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(exchange.headers)) {
    const lower = name.toLowerCase();
    if (value !== undefined && KEPT_HEADER.test(lower)) headers[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = exchange.text.split(base).join(TENANT_PLACEHOLDER);
  const body = parseJson(text);
  return {
    method: exchange.method, path: exchange.path, query: exchange.query, status: exchange.status, headers,
    ...(body === undefined ? (text === '' ? {} : { bodyText: text }) : { body }),
  };
}

function compareExchanges(a: RecordedExchange, b: RecordedExchange): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const pageA = Number(a.query.page ?? 0);
  const pageB = Number(b.query.page ?? 0);
  if (pageA !== pageB) return pageA - pageB;
  const queryA = JSON.stringify(a.query);
  const queryB = JSON.stringify(b.query);
  return queryA === queryB ? 0 : queryA < queryB ? -1 : 1;
}

