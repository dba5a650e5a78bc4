/**
 * One apply per target at a time from a project: a lock file per target in the project's
 * `.conecta/locks/` (the folder of conecta.yaml, or the current folder), naming its holder. A
 * second apply is refused at once, naming the first (pid, host, start time, command); a lock whose
 * process is gone is taken over. The file primitive is the sandbox's (providers/sandbox/lock-file.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ApplyError } from '../core/errors.js';
import { acquireLockFile, describeLockHolder, LockBusyError, type HeldLock } from '../../providers/sandbox/lock-file.js';

export interface ApplyLockOptions {
  /** The project folder (or the current folder without a project). */
  dir: string;
  /** What the apply writes to: the tenant URL, or the embedded sandbox's data file. */
  target: string;
  /** Shown to the next apply, such as `conecta apply --auto-approve`. */
  command: string;
  /** A lock taken on another host (a shared disk) older than this is stale. */
  staleAfterMs: number;
}

export function applyLockFile(dir: string, target: string): string {
  const key = createHash('sha256').update(normalizeTarget(target)).digest('hex').slice(0, 16);
  return join(dir, '.conecta', 'locks', `apply-${key}.lock`);
}

export async function lockApplyTarget(options: ApplyLockOptions): Promise<HeldLock> {
  const file = applyLockFile(options.dir, options.target);
  try {
    return await acquireLockFile(file, { command: options.command, staleAfterMs: options.staleAfterMs });
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    throw new ApplyError('APPLY_LOCKED', `Another apply against ${options.target} is running: ${describeLockHolder(error.holder)}. Nothing was read or written.`, {
      hint: `Wait for it to finish, then run again. If that process no longer exists, the next run takes its lock over (${file}).`,
    });
  }
}

/** The URL's scheme and host are case-insensitive, and a trailing slash is not part of the address. */
function normalizeTarget(target: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(target);
  return match ? `${match[1]!.toLowerCase()}${match[2]!.replace(/\/+$/, '')}` : target;
}
