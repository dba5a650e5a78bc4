// What the sandbox saw: request counts per route and status, faults, rate limiting (with the
// last Retry-After handed out, to catch clients that retry too early) and a bounded log.

import { KIND_NAMES, KINDS, type KindName } from './kinds.js';

export type FaultTag = 'reset' | 'hang' | 'fail' | 'ghost' | 'late-commit' | 'rate-limit' | 'truncated-page' | 'garbled-page' | 'ignored-page';

export interface RequestLogEntry {
  /** Arrival time, ms since the epoch. */
  t: number;
  method: string;
  path: string;
  /** 0 when no answer was sent (reset, hang). */
  status: number;
  fault?: FaultTag;
  retryAfter?: number;
  /** The request arrived before the last Retry-After had elapsed. */
  early?: boolean;
}

export interface RetryAfterNotice {
  /** When the 429 was sent, ms since the epoch. */
  at: number;
  seconds: number;
  /** at + seconds * 1000: no request should arrive before this. */
  until: number;
}

export interface Audit {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  /** Requests (subject to the rate limit) that arrived before the last Retry-After elapsed. */
  earlyRetries: number;
  lastRetryAfter: RetryAfterNotice | null;
  /**
   * `lateCommits`: writes answered 504 and applied later; `lateCommitsPending`: those not applied
   * yet; `brokenPages`: list pages answered truncated or garbled; `ignoredPages`: list reads for a
   * page past 1 answered page 1.
   */
  faults: { failed: number; reset: number; hung: number; ghostWrites: number; lateCommits: number; lateCommitsPending: number; brokenPages: number; ignoredPages: number };
  /** Natural keys stored more than once, per kind. */
  duplicates: Partial<Record<KindName, string[]>>;
  /** Mutations applied to the store (ghost writes included). */
  writes: number;
  /** Fields that are not part of a kind, sent by clients and dropped. */
  ignoredFields: Partial<Record<KindName, string[]>>;
  requestLog: RequestLogEntry[];
}

const API_PREFIX = '/api/v4';

/** "GET /api/v4/campaigns/65a…" → "GET /campaigns/{id}"; admin and other paths are kept. */
export function routeKey(method: string, path: string): string {
  if (!path.startsWith(`${API_PREFIX}/`)) return `${method} ${path}`;
  const rest = path.slice(API_PREFIX.length);
  for (const kind of KIND_NAMES) {
    const route = KINDS[kind].route;
    if (!rest.startsWith(`${route}/`)) continue;
    const tail = rest.slice(route.length + 1);
    if (kind === 'agent' && tail.startsWith('email/')) return `${method} ${route}/email/{email}`;
    return `${method} ${route}/{id}`;
  }
  return `${method} ${rest}`;
}

export class AuditRecorder {
  private state = AuditRecorder.empty();
  private ignored = new Map<KindName, Set<string>>();

  constructor(private readonly logSize: number) {}

  private static empty(): Omit<Audit, 'duplicates' | 'ignoredFields'> {
    return {
      requests: 0, byRoute: {}, byStatus: {}, rateLimited: 0, earlyRetries: 0, lastRetryAfter: null,
      faults: { failed: 0, reset: 0, hung: 0, ghostWrites: 0, lateCommits: 0, lateCommitsPending: 0, brokenPages: 0, ignoredPages: 0 }, writes: 0, requestLog: [],
    };
  }

  reset(): void {
    this.state = AuditRecorder.empty();
    this.ignored = new Map();
  }

  /** Whether a request arriving at `t` ignores the last Retry-After. */
  isEarly(t: number): boolean {
    const last = this.state.lastRetryAfter;
    return last !== null && t < last.until;
  }

  record(entry: RequestLogEntry): void {
    const s = this.state;
    s.requests += 1;
    const route = routeKey(entry.method, entry.path);
    s.byRoute[route] = (s.byRoute[route] ?? 0) + 1;
    const status = String(entry.status);
    s.byStatus[status] = (s.byStatus[status] ?? 0) + 1;
    if (entry.early) s.earlyRetries += 1;
    if (entry.fault === 'rate-limit' && entry.retryAfter !== undefined) {
      s.rateLimited += 1;
      s.lastRetryAfter = { at: entry.t, seconds: entry.retryAfter, until: entry.t + entry.retryAfter * 1000 };
    }
    if (entry.fault === 'fail') s.faults.failed += 1;
    if (entry.fault === 'reset') s.faults.reset += 1;
    if (entry.fault === 'hang') s.faults.hung += 1;
    if (entry.fault === 'ghost') s.faults.ghostWrites += 1;
    if (entry.fault === 'truncated-page' || entry.fault === 'garbled-page') s.faults.brokenPages += 1;
    if (entry.fault === 'ignored-page') s.faults.ignoredPages += 1;
    if (entry.fault === 'late-commit') {
      s.faults.lateCommits += 1;
      s.faults.lateCommitsPending += 1;
    }
    s.requestLog.push(entry);
    if (s.requestLog.length > this.logSize) s.requestLog.splice(0, s.requestLog.length - this.logSize);
  }

  /** A late commit was applied (or found nothing to apply). */
  settleLateCommit(): void {
    this.state.faults.lateCommitsPending = Math.max(0, this.state.faults.lateCommitsPending - 1);
  }

  countWrite(): void {
    this.state.writes += 1;
  }

  noteIgnored(kind: KindName, paths: readonly string[]): void {
    if (paths.length === 0) return;
    const set = this.ignored.get(kind) ?? new Set<string>();
    for (const path of paths) set.add(path);
    this.ignored.set(kind, set);
  }

  snapshot(duplicates: Audit['duplicates']): Audit {
    const ignoredFields: Audit['ignoredFields'] = {};
    for (const [kind, set] of this.ignored) ignoredFields[kind] = [...set];
    return { ...structuredClone(this.state), duplicates, ignoredFields };
  }
}
