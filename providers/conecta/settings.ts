/**
 * The provider's settings from the environment, typed once and used for a tenant and for the
 * embedded sandbox alike: CONECTA_URL, CONECTA_TOKEN or CONECTA_EMAIL + CONECTA_PASSWORD,
 * CONECTA_TIMEOUT (per request, headers and body, default 30 s), CONECTA_DEADLINE (the whole run,
 * default 15 min), CONECTA_PARALLELISM (the most writes at once, default 8), CONECTA_READ_PARALLELISM
 * (the most reads at once, default 16),
 * CONECTA_MAX_BODY (the largest answer read, default 64 MB), CONECTA_ALLOW_INSECURE_HTTP (plain
 * `http://` to a host other than loopback; the twin of `--allow-insecure-http`, read as oclif reads
 * a boolean flag's variable: 1, true, y or yes). Durations are seconds (`30`) or whole numbers with
 * units (`500ms`, `30s`, `2m`, `1m30s`; cli/core/model/duration.ts); sizes are bytes or a number
 * with `kb`/`mb`.
 */
import { ConectaError } from '../../cli/core/errors.js';
import { parseDurationMs } from '../../cli/core/model/duration.js';
import { DEFAULT_READ_CONCURRENCY, type Credentials } from './http-client.js';
import { DEFAULT_SETTLE_WINDOW_MS } from './settle.js';

/** What the client needs whatever the target. */
export interface TransportSettings {
  timeoutMs: number;
  deadlineMs: number;
  maxConcurrency: number;
  readConcurrency: number;
  settleWindowMs: number;
  maxBodyBytes: number;
  isInsecureHttpAllowed: boolean;
}

export interface ConectaSettings extends TransportSettings {
  url: string;
  credentials: Credentials;
}

type Environment = Record<string, string | undefined>;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export function readTransportSettings(env: Environment): TransportSettings {
  return {
    timeoutMs: readDuration(env, 'CONECTA_TIMEOUT', 30_000),
    deadlineMs: readDuration(env, 'CONECTA_DEADLINE', 15 * 60_000),
    maxConcurrency: readPositiveInteger(env, 'CONECTA_PARALLELISM', 8),
    readConcurrency: readPositiveInteger(env, 'CONECTA_READ_PARALLELISM', DEFAULT_READ_CONCURRENCY),
    settleWindowMs: readDuration(env, 'CONECTA_SETTLE', DEFAULT_SETTLE_WINDOW_MS),
    maxBodyBytes: readByteSize(env, 'CONECTA_MAX_BODY', DEFAULT_MAX_BODY_BYTES),
    isInsecureHttpAllowed: /^(1|true|y|yes)$/i.test(env.CONECTA_ALLOW_INSECURE_HTTP?.trim() ?? ''),
  };
}

export function readConectaSettings(env: Environment): ConectaSettings {
  const transport = readTransportSettings(env);
  return { ...transport, url: checkTenantUrl((env.CONECTA_URL ?? '').trim(), transport.isInsecureHttpAllowed), credentials: readCredentials(env) };
}

/**
 * An http(s) URL without credentials in it; plain `http://` only to loopback unless allowed (a
 * token sent in clear to a remote host is a token given away).
 */
export function checkTenantUrl(text: string, isInsecureHttpAllowed: boolean): string {
  let url: URL | undefined;
  try {
    url = /^https?:\/\/[^/]+/i.test(text) ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    throw new ConectaError('PROVIDER_CONFIG', `CONECTA_URL "${text}" is not an http(s) URL`, { hint: 'Set CONECTA_URL to the tenant address, such as https://acme.conecta.com.vc, or unset it to use the local sandbox.' });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConectaError('PROVIDER_CONFIG', 'CONECTA_URL carries credentials (user:password@); they would travel and be logged with every request.', {
      hint: 'Remove them from the URL and set CONECTA_TOKEN, or CONECTA_EMAIL and CONECTA_PASSWORD.',
    });
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !isInsecureHttpAllowed) {
    throw new ConectaError('PROVIDER_CONFIG', `CONECTA_URL ${url.origin} is plain http to a host other than this machine: the token would travel unencrypted.`, {
      hint: 'Use https://, or, on a network you trust, pass --allow-insecure-http (or set CONECTA_ALLOW_INSECURE_HTTP=1).',
    });
  }
  return text;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function readCredentials(env: Environment): Credentials {
  const token = env.CONECTA_TOKEN?.trim();
  if (token) return { token };
  const email = env.CONECTA_EMAIL?.trim();
  const password = env.CONECTA_PASSWORD;
  if (email && password) return { email, password };
  throw new ConectaError('PROVIDER_AUTH', 'No credentials for the tenant.', { hint: 'Set CONECTA_TOKEN, or CONECTA_EMAIL and CONECTA_PASSWORD (an administrator account).' });
}

/** A duration setting: a bare number counts seconds (`30`), otherwise the client's duration grammar (`500ms`, `30s`, `2m`). */
export function readDuration(env: Environment, name: string, fallbackMs: number): number {
  const text = env[name]?.trim();
  if (!text) return fallbackMs;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : parseDurationMs(text);
  if (ms === undefined) throw new ConectaError('PROVIDER_CONFIG', `${name} "${text}" is not a duration`, { hint: `Write ${name} in seconds (30) or with units (500ms, 30s, 2m, 1m30s).` });
  return ms;
}

function readPositiveInteger(env: Environment, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConectaError('PROVIDER_CONFIG', `${name} "${text}" is not a positive whole number`, { hint: `Set ${name} to 1 or more.` });
  return value;
}

function readByteSize(env: Environment, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(text);
  const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match?.[2] ?? 'b').toLowerCase() as 'b'];
  const value = match ? Number(match[1]) * factor : 0;
  if (value < 1) throw new ConectaError('PROVIDER_CONFIG', `${name} "${text}" is not a size`, { hint: `Write ${name} in bytes or with a unit (512kb, 64mb).` });
  return value;
}
