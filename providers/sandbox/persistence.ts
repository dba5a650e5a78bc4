// Saving and loading the store file. A save writes a temporary file in the same directory,
// fsyncs it, renames it over the target and fsyncs the directory, so a killed process leaves
// either the old or the new file, never a torn one. Saves are serialised: at most one write
// runs, and the saves requested meanwhile are coalesced into one that follows it.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readFileIfExists } from './lock-file.js';
import { isStoreData, type StoreData } from './store.js';

/** Reads the store file; `undefined` when it does not exist. A corrupt file is an error. */
export async function loadStoreFile(file: string): Promise<StoreData | undefined> {
  const text = await readFileIfExists(file);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Sandbox data file ${file} is not valid JSON; move it away to start with an empty store`);
  }
  if (!isStoreData(parsed)) throw new Error(`Sandbox data file ${file} does not hold a sandbox store (version 1)`);
  return parsed;
}

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

export async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename durable; not supported on every platform (e.g. Windows), hence best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignore
  }
}

/** Serialises saves of a snapshot to one file; `save()` resolves once a write that includes the caller's state is durable. */
export class StoreWriter {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private writes = 0;

  constructor(private readonly file: string, private readonly snapshot: () => StoreData) {}

  get completedWrites(): number {
    return this.writes;
  }

  save(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running.catch(() => undefined).then(async () => {
      this.queued = undefined;
      await writeFileAtomic(this.file, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
      this.writes += 1;
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Waits for the write in progress, if any. */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }
}
