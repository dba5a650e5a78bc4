/**
 * The provider's settings from the environment: CONECTA_URL, CONECTA_TOKEN or CONECTA_EMAIL +
 * CONECTA_PASSWORD, CONECTA_TIMEOUT (per request, default 30 s), CONECTA_DEADLINE (the whole
 * run, default 15 min), CONECTA_PARALLELISM (the most requests at once, default 8),
 * CONECTA_SETTLE (how long to look for an object after an ambiguous create, default 10 s).
 * Durations are seconds (`30`) or a number with a unit (`500ms`, `30s`, `2m`).
 */
import { ConectaError } from '../../cli/core/errors.js';
import type { Credentials } from './http-client.js';
import { DEFAULT_SETTLE_WINDOW_MS } from './settle.js';

export interface ConectaSettings {
  url: string;
  credentials: Credentials;
  timeoutMs: number;
  deadlineMs: number;
  maxConcurrency: number;
  settleWindowMs: number;
}

type Environment = Record<string, string | undefined>;

export function readConectaSettings(env: Environment): ConectaSettings {
  const url = (env.CONECTA_URL ?? '').trim();
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new ConectaError('PROVIDER_CONFIG', `CONECTA_URL "${url}" is not an http(s) URL`, { hint: 'Set CONECTA_URL to the tenant address, such as https://acme.conecta.com.vc, or unset it to use the local sandbox.' });
  }
  return {
    url,
    credentials: readCredentials(env),
    timeoutMs: readDuration(env, 'CONECTA_TIMEOUT', 30_000),
    deadlineMs: readDuration(env, 'CONECTA_DEADLINE', 15 * 60_000),
    maxConcurrency: readPositiveInteger(env, 'CONECTA_PARALLELISM', 8),
    settleWindowMs: readDuration(env, 'CONECTA_SETTLE', DEFAULT_SETTLE_WINDOW_MS),
  };
}

function readCredentials(env: Environment): Credentials {
  const token = env.CONECTA_TOKEN?.trim();
  if (token) return { token };
  const email = env.CONECTA_EMAIL?.trim();
  const password = env.CONECTA_PASSWORD;
  if (email && password) return { email, password };
  throw new ConectaError('PROVIDER_AUTH', 'No credentials for the tenant.', { hint: 'Set CONECTA_TOKEN, or CONECTA_EMAIL and CONECTA_PASSWORD (an administrator account).' });
}

export function readDuration(env: Environment, name: string, fallbackMs: number): number {
  const text = env[name]?.trim();
  if (!text) return fallbackMs;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!match) throw new ConectaError('PROVIDER_CONFIG', `${name} "${text}" is not a duration`, { hint: `Write ${name} in seconds (30) or with a unit (500ms, 30s, 2m).` });
  const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Math.round(Number(match[1]) * factor);
}

function readPositiveInteger(env: Environment, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConectaError('PROVIDER_CONFIG', `${name} "${text}" is not a positive whole number`, { hint: `Set ${name} to 1 or more.` });
  return value;
}
