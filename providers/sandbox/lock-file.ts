// An exclusive lock held as a file naming its holder (pid, host, start time, command). It lives
// with the sandbox, which may not import the CLI's shell; `cli/io/apply-lock.ts` uses it too.
//
// Taking it is one atomic step: the holder is written to a private temporary file, which is then
// hard-linked to the lock's name (link fails if the name exists), so a reader never sees a lock
// half written. A lock whose holder is gone is stale and taken over: on this host, when its pid
// is no longer running; from another host (a shared disk), once it is older than a bound. The
// take-over itself is serialised by a second, short-lived lock, so two processes that both find
// a stale lock cannot both win. Released by `release()`, and on any exit of the process (even
// `process.exit`); only a SIGKILL leaves it behind, and then it is stale.

import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** What holds it, such as `conecta apply --auto-approve`. */
  command: string;
  /** Tells this holding apart from any other, so only its taker releases it. */
  nonce: string;
}

export interface HeldLock {
  file: string;
  holder: LockHolder;
  /** The stale holder this lock was taken over from, if any. */
  tookOver?: LockHolder;
  release(): Promise<void>;
}

export interface AcquireLockOptions {
  command: string;
  /** How long to wait for a live holder before giving up (0: refuse at once). */
  waitMs?: number;
  /** A lock from another host older than this is stale (its pid cannot be checked from here). */
  staleAfterMs: number;
}

/** The lock is held by a live process, and the wait (if any) ran out. */
export class LockBusyError extends Error {
  constructor(readonly file: string, readonly holder: LockHolder) {
    super(`${file} is held by ${describeLockHolder(holder)}`);
    this.name = 'LockBusyError';
  }
}

const POLL_MS = 100;
/** A take-over lock older than this was left by a process killed mid-take-over. */
const TAKEOVER_STALE_MS = 10_000;

/** "pid 4242 on host ci-runner-7 since 2026-12-07T21:00:00.000Z (conecta apply --auto-approve)" */
export function describeLockHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on host ${holder.host} since ${holder.startedAt} (${holder.command})`;
}

export async function acquireLockFile(file: string, options: AcquireLockOptions): Promise<HeldLock> {
  await mkdir(dirname(file), { recursive: true });
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: options.command, nonce: randomBytes(8).toString('hex') };
  const text = `${JSON.stringify(holder)}\n`;
  const giveUpAt = Date.now() + (options.waitMs ?? 0);
  let tookOver: LockHolder | undefined;
  for (;;) {
    if (await linkNew(file, text)) {
      held.set(file, holder.nonce);
      registerExitCleanup();
      return { file, holder, ...(tookOver ? { tookOver } : {}), release: () => releaseLock(file, holder.nonce) };
    }
    const current = await readHolder(file);
    if (current === undefined) continue; // released meanwhile
    if (isStale(current.holder, options.staleAfterMs)) {
      if (await removeStale(file, current.text)) tookOver = current.holder;
      continue;
    }
    if (Date.now() >= giveUpAt) throw new LockBusyError(file, current.holder!);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Creates `file` holding `text`, atomically; false when it exists. */
async function linkNew(file: string, text: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text, { encoding: 'utf8', mode: 0o644 });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A file's text; `undefined` when it does not exist. */
export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readHolder(file: string): Promise<{ text: string; holder: LockHolder | undefined } | undefined> {
  const text = await readFileIfExists(file);
  return text === undefined ? undefined : { text, holder: parseHolder(text) };
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const isHolder = typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'string' && typeof value.command === 'string' && typeof value.nonce === 'string';
    return isHolder ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Unreadable content is stale too: every lock is written whole before it is visible. */
function isStale(holder: LockHolder | undefined, staleAfterMs: number): boolean {
  if (holder === undefined) return true;
  if (holder.host !== hostname()) return Date.now() - Date.parse(holder.startedAt) > staleAfterMs;
  // This very process: held if it is one of ours (a second taker in one process waits like any other).
  if (holder.pid === process.pid) return ![...held.values()].includes(holder.nonce);
  return !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock if it still holds `staleText`, under the take-over lock; true when this call removed it. */
async function removeStale(file: string, staleText: string): Promise<boolean> {
  const takeover = `${file}.takeover`;
  if (!(await linkNew(takeover, `${process.pid}\n`))) {
    const age = await stat(takeover).then((info) => Date.now() - info.mtimeMs, () => 0);
    if (age > TAKEOVER_STALE_MS) await rm(takeover, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
    return false;
  }
  try {
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current !== staleText) return false;
    await unlink(file);
    return true;
  } finally {
    await rm(takeover, { force: true });
  }
}

/** Locks this process holds: file → nonce. */
const held = new Map<string, string>();
let isExitCleanupRegistered = false;

async function releaseLock(file: string, nonce: string): Promise<void> {
  if (held.get(file) !== nonce) return;
  held.delete(file);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== undefined && parseHolder(current)?.nonce === nonce) await rm(file, { force: true });
}

function registerExitCleanup(): void {
  if (isExitCleanupRegistered) return;
  isExitCleanupRegistered = true;
  process.on('exit', () => {
    for (const [file, nonce] of held) {
      try {
        if (parseHolder(readFileSync(file, 'utf8'))?.nonce === nonce) unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
  });
}
