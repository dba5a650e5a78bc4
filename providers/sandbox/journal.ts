// The data file's journal, so that a write costs the same in a store of 10 records or of 100,000.
//
// A write is durable once its change (store.ts StoreChange: the record stored, the ids removed,
// or a reset) is appended to `<data file>.journal` and fsynced; the answer waits for that.
// Changes recorded while an append runs go out together in the next one (group commit). When
// the journal has grown as large as the data file, the whole store is written to the data file
// (atomically: persistence.ts writeFileAtomic) and the journal removed; close() does the same,
// so that at rest the data file alone holds the store. Each change carries a sequence number and
// the data file the last one it includes, so a kill between the rename and the removal replays
// nothing twice; a kill during an append leaves at most a torn last line, which was never
// acknowledged and is ignored on load.

import { open, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KIND_NAMES } from './kinds.js';
import { loadStoreFile, syncDirectory, writeFileAtomic } from './persistence.js';
import type { StoreChange, StoreData } from './store.js';
import { isPlainObject, type JsonObject } from './wire.js';

/** Below this size the journal is not folded into the data file before close (a small store would be rewritten every few writes). */
const MIN_JOURNAL_BYTES = 256 * 1024;

/** The data file may say which journal entries it already includes. */
type JournaledStoreData = StoreData & { journalSeq?: number };

export function journalFileOf(dataFile: string): string {
  return `${dataFile}.journal`;
}

export interface LoadedStore {
  data: StoreData | undefined;
  /** Journal entries applied on top of the data file (a run that did not close). */
  replayed: number;
  /** Whether a journal was there at all (a run that did not close, perhaps after writing the data file). */
  hasJournal: boolean;
  /** The last sequence number in the data file or the journal. */
  seq: number;
}

/** The store as its last acknowledged write left it: the data file, then the journal's later entries. */
export async function loadJournaledStore(file: string): Promise<LoadedStore> {
  const data = (await loadStoreFile(file)) as JournaledStoreData | undefined;
  const since = typeof data?.journalSeq === 'number' ? data.journalSeq : 0;
  let text: string;
  try {
    text = await readFile(journalFileOf(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data, replayed: 0, hasJournal: false, seq: since };
    throw error;
  }
  const lines = text.split('\n');
  const entries: (StoreChange & { seq: number })[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      // A torn last line is an append the kill interrupted: never acknowledged, dropped.
      if (index >= lines.length - 2) return;
      throw new Error(`Sandbox journal ${journalFileOf(file)} is corrupt at line ${index + 1}; move it away to keep only ${file}`);
    }
    if (!isPlainObject(entry) || typeof entry['seq'] !== 'number') throw new Error(`Sandbox journal ${journalFileOf(file)} holds something else at line ${index + 1}`);
    entries.push(entry as unknown as StoreChange & { seq: number });
  });
  const later = entries.filter((entry) => entry.seq > since);
  if (later.length === 0) return { data, replayed: 0, hasJournal: true, seq: Math.max(since, ...entries.map((entry) => entry.seq)) };
  return { data: replay(data, later), replayed: later.length, hasJournal: true, seq: later[later.length - 1]!.seq };
}

/** The data with the changes applied in order (a put replaces the record with its id in place, or appends). */
function replay(data: StoreData | undefined, changes: readonly StoreChange[]): StoreData {
  const records = Object.fromEntries(KIND_NAMES.map((kind) => [kind, [...(data?.records[kind] ?? [])]])) as StoreData['records'];
  const positions = new Map<string, Map<string, number>>();
  const positionsOf = (kind: keyof StoreData['records']): Map<string, number> => {
    let map = positions.get(kind);
    if (!map) {
      map = new Map(records[kind].map((record, index) => [String(record['_id']), index]));
      positions.set(kind, map);
    }
    return map;
  };
  for (const change of changes) {
    if ('reset' in change) {
      for (const kind of KIND_NAMES) records[kind] = [];
      positions.clear();
    } else if ('put' in change) {
      const at = positionsOf(change.kind);
      const id = String(change.put['_id']);
      const index = at.get(id);
      if (index === undefined) {
        at.set(id, records[change.kind].length);
        records[change.kind].push(change.put);
      } else {
        records[change.kind][index] = change.put;
      }
    } else {
      const removed = new Set(change.remove);
      records[change.kind] = records[change.kind].filter((record) => !removed.has(String(record['_id'])));
      positions.delete(change.kind);
    }
  }
  // A store started from a capture keeps saying so (index.ts: the next start continues it); the admin id is the tenant's identity.
  return { version: 1, records, ...(data?.replayOf === undefined ? {} : { replayOf: data.replayOf }), ...(data?.adminUserId === undefined ? {} : { adminUserId: data.adminUserId }) };
}

/**
 * Records the store's changes and makes them durable: `record()` as each change is made,
 * `save()` to wait until everything recorded so far is on disk. One disk operation runs at a
 * time (an append, or writing the whole store), in order.
 */
export class StoreJournal {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private pending: string[] = [];
  private seq: number;
  private journalBytes = 0;
  private dataBytes = 0;
  private handle: FileHandle | undefined;
  private appends = 0;
  private compactions = 0;

  constructor(private readonly file: string, private readonly snapshot: () => StoreData, seq = 0) {
    this.seq = seq;
  }

  /** Appends and whole-store writes done so far (tests, benchmarks). */
  get diskWrites(): { appends: number; compactions: number } {
    return { appends: this.appends, compactions: this.compactions };
  }

  /** Changes recorded and not yet on disk. */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  record(change: StoreChange): void {
    this.seq += 1;
    this.pending.push(`${JSON.stringify({ seq: this.seq, ...change } satisfies StoreChange & { seq: number } as JsonObject)}\n`);
  }

  /** Resolves once every change recorded before the call is durable. */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running.catch(() => undefined).then(async () => {
      this.queued = undefined;
      await this.flush();
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Writes the whole store to the data file and removes the journal (at start after a crash, at close). */
  compact(): Promise<void> {
    const next = this.running.catch(() => undefined).then(() => this.writeWhole());
    this.running = next;
    return next;
  }

  /** Waits for what is in progress, then leaves the data file alone holding the store (untouched when nothing changed). */
  async close(): Promise<void> {
    await this.running.catch(() => undefined);
    if (this.pending.length > 0 || this.handle !== undefined) await this.compact();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    // Once the journal is as large as the data file, writing the whole store costs no more than
    // the appends already made: each record is rewritten a bounded number of times in all.
    if (this.journalBytes >= Math.max(MIN_JOURNAL_BYTES, this.dataBytes)) return this.writeWhole();
    const text = this.pending.join('');
    this.pending = [];
    if (!this.handle) {
      this.handle = await open(journalFileOf(this.file), 'a');
      // The journal's name must survive a crash as well as its content.
      await syncDirectory(dirname(this.file));
    }
    await this.handle.writeFile(text, 'utf8');
    await this.handle.datasync();
    this.journalBytes += Buffer.byteLength(text);
    this.appends += 1;
  }

  private async writeWhole(): Promise<void> {
    const text = `${JSON.stringify({ ...this.snapshot(), journalSeq: this.seq } satisfies JournaledStoreData, null, 2)}\n`;
    this.pending = [];
    await writeFileAtomic(this.file, text);
    await this.handle?.close();
    this.handle = undefined;
    await rm(journalFileOf(this.file), { force: true });
    this.dataBytes = Buffer.byteLength(text);
    this.journalBytes = 0;
    this.compactions += 1;
  }

  /** The size of the data file as loaded, so the first whole-store write waits for a journal as large. */
  async measure(): Promise<void> {
    this.dataBytes = await stat(this.file).then((stats) => stats.size, () => 0);
  }
}
