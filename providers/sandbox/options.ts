// Options of the sandbox server, their defaults, and the parsers for the CLI's
// human-friendly values ("20ms", "300/min").

/** Fault injection settings; all draws come from a PRNG seeded with `seed`. */
export interface FaultOptions {
  /** Fixed delay added to every /api/v4 request, in milliseconds. */
  latencyMs: number;
  /** Extra uniform random delay in [0, jitterMs). */
  jitterMs: number;
  /** Probability (0..1) of answering with one of `failStatuses` before handling. */
  failRate: number;
  failStatuses: number[];
  /** Probability that a POST/PUT/DELETE is applied and persisted, then answered 504. */
  ghostWriteRate: number;
  /** Probability that a POST/PUT/DELETE is answered 504 at once and applied `lateCommitMs` later. */
  lateCommitRate: number;
  /** How long after its 504 a late commit is applied, in milliseconds. */
  lateCommitMs: number;
  /** Probability that the socket is destroyed without an answer, before handling. */
  resetRate: number;
  /** Probability that the request is never answered (until the server closes). */
  hangRate: number;
  /**
   * Probability that a list page is answered 200 with a broken body: cut off half-way (a
   * truncated page) or a gateway's HTML page instead of JSON (a garbled one), in equal shares.
   */
  brokenPageRate: number;
  /** Lists ignore `page` and always answer page 1 (an API without paging on that route). */
  ignorePage: boolean;
  /** Requests per minute allowed by the token bucket; 0 disables rate limiting. */
  rateLimitPerMinute: number;
  /** Apply faults to POST /auth/login too (never by default). */
  faultAuth: boolean;
  /** Seed of the fault PRNG (and of id generation). */
  seed: number;
}

export interface SandboxOptions extends Partial<FaultOptions> {
  /** TCP port on 127.0.0.1; 0 (the default) picks an ephemeral port. */
  port?: number;
  /** JSON file holding the whole store; in-memory when absent. */
  dataFile?: string;
  /**
   * How long to wait for another process holding `dataFile` (its lock, `<dataFile>.lock`, is held
   * for the sandbox's lifetime) before failing with SandboxBusyError; default 60 s.
   */
  lockWaitMs?: number;
  /** Named in the data file's lock as its holder (default: this process's command line). */
  lockCommand?: string;
  /**
   * A capture file (`conecta doctor --capture`) to start from (replay.ts): the store holds its
   * objects, `/api/version` and `/auth/me` answer what it recorded. With `dataFile`, the data file
   * is initialised from it when absent, and continued when it was initialised from the same capture.
   */
  replayFile?: string;
  /** The one admin credential accepted by POST /auth/login. */
  email?: string;
  password?: string;
  /** A static API token that never expires. */
  token?: string;
  /** Lifetime of tokens issued by login/refresh; 0 (the default) means they never expire. */
  tokenTtlMs?: number;
  /** When false, /flows answers 404 like an unknown route. */
  flowsEnabled?: boolean;
  /** When false, natural keys are not enforced, so duplicates can be stored (and audited). */
  enforceUniqueKeys?: boolean;
  /**
   * When true (the default), a write carrying a server-owned field (`_id`, `created_at`,
   * `updated_at`, `type`…) or a field the kind does not declare is answered 422; on update, the
   * fields the stored object already has are accepted. When false, such fields are dropped and
   * listed in the audit's `ignoredFields`.
   */
  strictWrites?: boolean;
  /** How many entries the audit's request log keeps (oldest dropped first). */
  requestLogSize?: number;
  /** Clock used for timestamps, ids, token expiry, the rate limit and Retry-After (tests may inject one). */
  now?: () => Date;
}

export interface ResolvedOptions {
  port: number;
  dataFile: string | undefined;
  lockWaitMs: number;
  lockCommand: string;
  replayFile: string | undefined;
  email: string;
  password: string;
  token: string;
  tokenTtlMs: number;
  flowsEnabled: boolean;
  enforceUniqueKeys: boolean;
  strictWrites: boolean;
  requestLogSize: number;
  now: () => Date;
  faults: FaultOptions;
}

export const DEFAULT_FAULTS: FaultOptions = {
  latencyMs: 0,
  jitterMs: 0,
  failRate: 0,
  failStatuses: [502, 503, 504],
  ghostWriteRate: 0,
  lateCommitRate: 0,
  lateCommitMs: 3_000,
  resetRate: 0,
  hangRate: 0,
  brokenPageRate: 0,
  ignorePage: false,
  rateLimitPerMinute: 0,
  faultAuth: false,
  seed: 1,
};

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    dataFile: options.dataFile,
    lockWaitMs: options.lockWaitMs ?? 60_000,
    lockCommand: options.lockCommand ?? ['node', ...process.argv.slice(1).map((arg) => arg.replace(/^.*[\\/]/, ''))].join(' '),
    replayFile: options.replayFile,
    email: options.email ?? 'admin@sandbox.local',
    password: options.password ?? 'sandbox',
    token: options.token ?? 'sandbox-token',
    tokenTtlMs: options.tokenTtlMs ?? 0,
    flowsEnabled: options.flowsEnabled ?? true,
    enforceUniqueKeys: options.enforceUniqueKeys ?? true,
    strictWrites: options.strictWrites ?? true,
    requestLogSize: options.requestLogSize ?? 1000,
    now: options.now ?? (() => new Date()),
    faults: mergeFaults(DEFAULT_FAULTS, options),
  };
}

/** Overlays the fault fields present in `patch` on `base`, validating ranges. */
export function mergeFaults(base: FaultOptions, patch: Partial<FaultOptions>): FaultOptions {
  const merged: FaultOptions = { ...base, failStatuses: [...base.failStatuses] };
  for (const key of ['latencyMs', 'jitterMs', 'lateCommitMs', 'rateLimitPerMinute', 'seed'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${key} must be a number >= 0, got ${String(value)}`);
    merged[key] = value;
  }
  for (const key of ['failRate', 'ghostWriteRate', 'lateCommitRate', 'resetRate', 'hangRate', 'brokenPageRate'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${key} must be between 0 and 1, got ${String(value)}`);
    merged[key] = value;
  }
  if (patch.failStatuses !== undefined) {
    if (patch.failStatuses.length === 0 || patch.failStatuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
      throw new RangeError('failStatuses must be a non-empty list of HTTP error statuses (400-599)');
    }
    merged.failStatuses = [...patch.failStatuses];
  }
  if (patch.faultAuth !== undefined) merged.faultAuth = patch.faultAuth;
  if (patch.ignorePage !== undefined) merged.ignorePage = patch.ignorePage;
  if (merged.ghostWriteRate + merged.lateCommitRate > 1) throw new RangeError('ghostWriteRate + lateCommitRate must not exceed 1');
  return merged;
}

/**
 * Parses "20ms", "1.5s", "2m" or 0. A bare number other than 0 is refused: the client's
 * CONECTA_TIMEOUT reads a bare number as seconds, so it would mean different things in two places.
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(text);
  if (!match || (match[2] === undefined && Number(match[1]) !== 0)) throw new RangeError(`Invalid duration "${text}": use e.g. 20ms, 1s or 2m`);
  const value = Number(match[1]);
  const unit = (match[2] ?? 'ms').toLowerCase();
  const factor = unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1;
  return Math.round(value * factor);
}

/** Parses "300/min", "5/s", "1000/h" or a bare number (per minute) into requests per minute. */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute|h|hour))?\s*$/i.exec(text);
  if (!match) throw new RangeError(`Invalid rate "${text}": use e.g. 300/min or 5/s`);
  const value = Number(match[1]);
  const unit = (match[2] ?? 'min').toLowerCase();
  if (unit.startsWith('s')) return value * 60;
  if (unit.startsWith('h')) return value / 60;
  return value;
}

/** Sandbox settings as typed on a command line or in environment variables. */
export interface SandboxTextOptions {
  port?: number;
  dataFile?: string;
  replayFile?: string;
  latency?: string;
  jitter?: string;
  failRate?: string;
  ghostWriteRate?: string;
  lateCommitRate?: string;
  lateCommit?: string;
  rateLimit?: string;
  seed?: number;
  flowsEnabled?: boolean;
  uniqueKeys?: boolean;
  strictWrites?: boolean;
  brokenPageRate?: string;
  ignorePage?: boolean;
}

function parseShare(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`Invalid ${name} "${text}": use a number between 0 and 1, e.g. 0.1`);
  }
  return value;
}

/** Turns command-line values ("20ms", "300/min", "0.1") into SandboxOptions; throws RangeError on bad input. */
export function sandboxOptionsFromText(text: SandboxTextOptions): SandboxOptions {
  const options: SandboxOptions = {};
  if (text.port !== undefined) options.port = text.port;
  if (text.dataFile !== undefined) options.dataFile = text.dataFile;
  if (text.replayFile !== undefined) options.replayFile = text.replayFile;
  if (text.latency !== undefined) options.latencyMs = parseDuration(text.latency);
  if (text.jitter !== undefined) options.jitterMs = parseDuration(text.jitter);
  if (text.failRate !== undefined) options.failRate = parseShare('fail rate', text.failRate);
  if (text.ghostWriteRate !== undefined) options.ghostWriteRate = parseShare('ghost-write rate', text.ghostWriteRate);
  if (text.lateCommitRate !== undefined) options.lateCommitRate = parseShare('late-commit rate', text.lateCommitRate);
  if (text.lateCommit !== undefined) options.lateCommitMs = parseDuration(text.lateCommit);
  if (text.rateLimit !== undefined) options.rateLimitPerMinute = parseRate(text.rateLimit);
  if (text.seed !== undefined) options.seed = text.seed;
  if (text.flowsEnabled !== undefined) options.flowsEnabled = text.flowsEnabled;
  if (text.uniqueKeys !== undefined) options.enforceUniqueKeys = text.uniqueKeys;
  if (text.strictWrites !== undefined) options.strictWrites = text.strictWrites;
  if (text.brokenPageRate !== undefined) options.brokenPageRate = parseShare('broken-page rate', text.brokenPageRate);
  if (text.ignorePage !== undefined) options.ignorePage = text.ignorePage;
  return options;
}
