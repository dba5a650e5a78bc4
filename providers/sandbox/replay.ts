// Reading a capture file (`conecta doctor --capture`, providers/capture-format.ts) to start the
// sandbox from a tenant's objects: `conecta sandbox --replay FILE`. The sandbox reads the file
// itself, not through the client: every successful list answer of a kind's route gives that
// kind's records, kept whole (fields this sandbox does not know included, so they are returned
// on reads and kept on updates); `/api/version` and `/auth/me` give what the sandbox answers
// there; a `/flows` answered 404 turns flows off; a list answered as a bare array is served so.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION } from '../capture-format.js';
import { KIND_NAMES, KINDS, type KindName } from './kinds.js';
import type { StoreData } from './store.js';
import { isPlainObject, type JsonObject } from './wire.js';

const API_PREFIX = '/api/v4';

export interface Replay {
  /** The capture file, as given. */
  file: string;
  /** SHA-256 of the file's bytes: a data file initialised from it records it. */
  digest: string;
  /** The records per kind, in the order the capture holds them. */
  data: StoreData;
  /** What `/api/version` answered, when captured. */
  apiVersion: string | undefined;
  /** What `/auth/me` answered (the signed-in account), when captured. */
  me: JsonObject | undefined;
  /** False when the tenant answered 404 on `/flows`. */
  flowsEnabled: boolean;
  /** Kinds whose list the tenant answered as a bare array rather than a page. */
  bareArrayKinds: ReadonlySet<KindName>;
}

export async function loadReplay(file: string): Promise<Replay> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(`Capture file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return readReplay(bytes, file);
}

export function readReplay(bytes: Buffer, file: string): Replay {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`Capture file ${file} is not valid JSON; it should be the file \`conecta doctor --capture\` wrote`);
  }
  if (!isPlainObject(parsed) || parsed['format'] !== CAPTURE_FORMAT) {
    throw new Error(`${file} is not a capture file (its "format" is not "${CAPTURE_FORMAT}"); make one with \`conecta doctor --capture FILE\``);
  }
  const version = parsed['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error(`Capture file ${file} has no valid "formatVersion"`);
  if (version > CAPTURE_FORMAT_VERSION) {
    throw new Error(`Capture file ${file} has format version ${version}, newer than this sandbox reads (${CAPTURE_FORMAT_VERSION}); update conecta-as-code`);
  }
  const exchanges = parsed['exchanges'];
  if (!Array.isArray(exchanges)) throw new Error(`Capture file ${file} has no "exchanges" list`);

  const records = Object.fromEntries(KIND_NAMES.map((kind) => [kind, new Map<string, JsonObject>()])) as Record<KindName, Map<string, JsonObject>>;
  const bareArrayKinds = new Set<KindName>();
  let apiVersion: string | undefined;
  let me: JsonObject | undefined;
  let flowsEnabled = true;
  for (const exchange of exchanges) {
    if (!isPlainObject(exchange) || exchange['method'] !== 'GET' || typeof exchange['path'] !== 'string' || typeof exchange['status'] !== 'number') continue;
    const { path, status, body } = exchange as { path: string; status: number; body?: unknown };
    const isOk = status >= 200 && status < 300;
    if (path === '/api/version') {
      if (isOk && isPlainObject(body) && body['version'] !== undefined) apiVersion = String(body['version']);
      continue;
    }
    if (path === `${API_PREFIX}/auth/me`) {
      if (isOk && isPlainObject(body)) me = isPlainObject(body['user']) ? body['user'] : body;
      continue;
    }
    const kind = KIND_NAMES.find((name) => `${API_PREFIX}${KINDS[name].route}` === path);
    if (!kind) continue;
    if (kind === 'flow' && status === 404) flowsEnabled = false;
    if (!isOk) continue;
    const items = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body['data']) ? body['data'] : undefined;
    if (!items) continue;
    if (Array.isArray(body)) bareArrayKinds.add(kind);
    for (const item of items) {
      if (isPlainObject(item) && typeof item['_id'] === 'string' && item['_id'] !== '') records[kind].set(item['_id'], structuredClone(item));
    }
  }
  return {
    file,
    digest: createHash('sha256').update(bytes).digest('hex'),
    data: { version: 1, records: Object.fromEntries(KIND_NAMES.map((kind) => [kind, [...records[kind].values()]])) as Record<KindName, JsonObject[]> },
    apiVersion,
    me,
    flowsEnabled,
    bareArrayKinds,
  };
}
