// startSandbox: a local HTTP server on 127.0.0.1 speaking the SZ.chat REST API v4 wire
// format, for tests, benchmarks and `conecta sandbox`. See README.md for what is inferred.

import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { ApiContext } from './api.js';
import { AuditRecorder, type Audit } from './audit.js';
import { TokenRegistry } from './auth.js';
import { FaultInjector } from './faults.js';
import { mergeFaults, resolveOptions, type FaultOptions, type ResolvedOptions, type SandboxOptions } from './options.js';
import { loadJournaledStore, StoreJournal } from './journal.js';
import { acquireLockFile, describeLockHolder, LockBusyError, type HeldLock, type LockHolder } from './lock-file.js';
import { loadReplay, type Replay } from './replay.js';
import { createIdGenerator, createRandom, deriveSeed } from './random.js';
import { TokenBucket } from './rate-limit.js';
import { createRequestHandler, type SandboxRuntime } from './server.js';
import { Store, type StoreData, type StoreView } from './store.js';

export type { Audit, RequestLogEntry, RetryAfterNotice } from './audit.js';
export type { KindName } from './kinds.js';
export { FLOW_BLOCK_REFERENCE_KEYS, KIND_NAMES, KINDS } from './kinds.js';
export {
  DEFAULT_FAULTS, parseDuration, parseRate, sandboxOptionsFromText,
  type FaultOptions, type SandboxOptions, type SandboxTextOptions,
} from './options.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
export type { StoreData, StoreView } from './store.js';
export type { Replay } from './replay.js';

export interface RunningSandbox {
  /** http://127.0.0.1:PORT (no trailing slash; the API is under /api/v4). */
  url: string;
  /** The static API token. */
  token: string;
  /** Absolute path of the data file, when persistent. */
  dataFile: string | undefined;
  /** The capture replayed (`replayFile`), when one was given. */
  replay: { file: string; digest: string } | undefined;
  /** Ends hanging requests and keep-alive sockets, waits for the last save. */
  close(): Promise<void>;
  audit(): Audit;
  resetAudit(): void;
  /** Changes fault options at run time; returns the options now in force. */
  setFaults(patch: Partial<FaultOptions>): FaultOptions;
  /** Empties the store (keeping the built-in group) and saves it. */
  resetStore(): Promise<void>;
  store: StoreView;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const dataFile = resolved.dataFile === undefined ? undefined : resolve(resolved.dataFile);
  // One process at a time owns a data file, for the sandbox's whole life: two stores writing one
  // file would each overwrite the other's writes. Another process waits for it, boundedly.
  const lock = dataFile ? await lockDataFile(dataFile, resolved) : undefined;
  try {
    return await startWithLock(resolved, dataFile, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function startWithLock(resolved: ResolvedOptions, dataFile: string | undefined, lock: HeldLock | undefined): Promise<RunningSandbox> {
  // A data file outlives the process: ids drawn from the seed would repeat those an earlier run
  // (same seed, same second) already stored, so a persistent store draws its per-process id bytes
  // afresh, as MongoDB does.
  const idSeed = dataFile ? randomBytes(4).readUInt32LE(0) : deriveSeed(resolved.faults.seed, 1);
  const newId = createIdGenerator(createRandom(idSeed), resolved.now);
  const replay = resolved.replayFile === undefined ? undefined : await loadReplay(resolved.replayFile);
  const flowsEnabled = resolved.flowsEnabled && (replay?.flowsEnabled ?? true);
  const loaded = dataFile ? await loadJournaledStore(dataFile) : undefined;
  if (replay && loaded?.data && loaded.data.replayOf !== replay.digest) {
    throw new Error(`Sandbox data file ${dataFile} already holds a store that was not started from the capture ${replay.file}; move it away, or choose another data file, to start from the capture`);
  }
  // A data file started from a capture says which one (by its SHA-256), so that the next start continues it.
  const snapshot = (): StoreData => (replay ? { ...store.snapshot(), replayOf: replay.digest } : store.snapshot());
  // Every change goes to the journal (journal.ts); the data file alone holds the store at rest.
  const journal = dataFile ? new StoreJournal(dataFile, snapshot, loaded?.seq) : undefined;
  const store = new Store({
    newId,
    // A data file is one tenant: its admin id is drawn once, unpredictably, and kept in the file.
    newAdminId: dataFile ? () => randomBytes(12).toString('hex') : newId,
    now: resolved.now,
    enforceUniqueKeys: resolved.enforceUniqueKeys,
    isStrict: resolved.strictWrites,
    isKindEnabled: (kind) => kind !== 'flow' || flowsEnabled,
    onChange: (change) => journal?.record(change),
    // A replayed tenant is served as it was: no built-in group is added to it.
    isBuiltinGroupAdded: replay === undefined,
  }, loaded?.data ?? replay?.data);
  // A new data file, one a killed run left with a journal, or one missing the built-in group or the admin id: written whole now.
  if (journal && (!loaded?.data || loaded.hasJournal || journal.hasPending || loaded.data.adminUserId === undefined)) await journal.compact();
  else await journal?.measure();

  const faults = new FaultInjector(resolved.faults);
  const now = (): number => resolved.now().getTime();
  const makeBucket = (perMinute: number): TokenBucket | undefined => (perMinute > 0 ? new TokenBucket(perMinute, now()) : undefined);
  let bucket = makeBucket(resolved.faults.rateLimitPerMinute);
  const shutdown = new AbortController();
  // Every in-flight latency wait listens for shutdown; hundreds at once are expected.
  setMaxListeners(0, shutdown.signal);

  const api: ApiContext = {
    store,
    tokens: new TokenRegistry(resolved.token, resolved.tokenTtlMs, () => resolved.now().getTime()),
    credentials: { email: resolved.email, password: resolved.password },
    flowsEnabled,
    apiUrl: '',
    now: resolved.now,
    adminUserId: store.adminUserId,
    ...replayContext(replay),
  };
  const setFaults = (patch: Partial<FaultOptions>): FaultOptions => {
    const next = mergeFaults(faults.current, patch);
    if (next.rateLimitPerMinute !== faults.current.rateLimitPerMinute) bucket = makeBucket(next.rateLimitPerMinute);
    faults.update(next);
    return faults.current;
  };
  const runtime: SandboxRuntime = {
    api, store, faults, setFaults, shutdown: shutdown.signal,
    audit: new AuditRecorder(resolved.requestLogSize),
    bucket: () => bucket,
    now,
    save: () => journal?.save() ?? Promise.resolve(),
    lateCommits: new Set(),
    ...(replay?.apiVersion === undefined ? {} : { apiVersion: replay.apiVersion }),
  };

  const server = createServer(createRequestHandler(runtime));
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  api.apiUrl = `${url}/api/v4`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shutdown.abort();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await Promise.allSettled([...runtime.lateCommits]);
      await journal?.close();
      await lock?.release();
    })();
    return closing;
  };

  return {
    url,
    token: resolved.token,
    dataFile,
    replay: replay ? { file: replay.file, digest: replay.digest } : undefined,
    close,
    audit: () => runtime.audit.snapshot(store.duplicates()),
    resetAudit: () => runtime.audit.reset(),
    setFaults,
    resetStore: async () => {
      store.reset();
      await runtime.save();
    },
    store: { list: (kind) => store.list(kind), get: (kind, id) => store.get(kind, id), snapshot: () => store.snapshot() },
  };
}

/** The data file's lock at `<dataFile>.lock`, waited for up to `lockWaitMs`; a stale one (its process gone) is taken over. */
async function lockDataFile(dataFile: string, resolved: ResolvedOptions): Promise<HeldLock> {
  try {
    return await acquireLockFile(`${dataFile}.lock`, { command: resolved.lockCommand, waitMs: resolved.lockWaitMs, staleAfterMs: 60 * 60_000 });
  } catch (error) {
    if (error instanceof LockBusyError) throw new SandboxBusyError(dataFile, error.holder, resolved.lockWaitMs);
    throw error;
  }
}

/** Another process holds the data file, and kept it longer than the sandbox waited. */
export class SandboxBusyError extends Error {
  constructor(readonly dataFile: string, readonly holder: LockHolder, readonly waitedMs: number) {
    super(`The sandbox data file ${dataFile} is in use by ${describeLockHolder(holder)}; waited ${Math.round(waitedMs / 1000)} s for it`);
    this.name = 'SandboxBusyError';
  }
}

function replayContext(replay: Replay | undefined): Pick<ApiContext, 'replayedUser' | 'bareArrayKinds'> {
  if (!replay) return {};
  return { ...(replay.me ? { replayedUser: replay.me } : {}), bareArrayKinds: replay.bareArrayKinds };
}
