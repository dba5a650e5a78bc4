/**
 * The run journal: `.conecta/runs/<timestamp>-<pid>.ndjson`, append-only, one JSON object per line:
 * a header (target, plan fingerprint), an intent before each step is sent, a result after it, and a
 * footer. Lines are written synchronously in order, so an intent is on disk before its request
 * leaves, even if the process is killed. It never holds specs: only addresses, actions, ids,
 * statuses and masked messages.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplyCounts, ExecutionEvent } from '../core/execute/types.js';
import { formatAddress, type Kind } from '../core/model/resource.js';
import type { ChangeAction, Plan } from '../core/plan/types.js';
import type { Redactor } from '../../providers/contract.js';

export const JOURNAL_FORMAT_VERSION = 1;

export type JournalEntry =
  | { type: 'run'; version: number; time: string; target: string; isSandbox: boolean; planFingerprint: string; changes: number }
  | { type: 'intent'; time: string; step: string; address: string; action: ChangeAction }
  | { type: 'result'; time: string; step: string; address: string; status: string; id?: string; code?: string; message?: string }
  /** The provider found an object it was asked to create (ambiguous create, duplicate-name answer) and adopted it. */
  | { type: 'reconciled'; time: string; address: string; how: string }
  | { type: 'end'; time: string; counts: ApplyCounts; isInterrupted: boolean };

export interface Journal {
  readonly file: string;
  /** Records an executor event: intents on step-started, results on step-finished. */
  record(event: ExecutionEvent): void;
  recordReconciled(event: { kind: Kind; name: string; how: string }): void;
  finish(counts: ApplyCounts, isInterrupted: boolean): void;
}

/** A step the latest run started and never finished, or a create whose outcome it left unknown. */
export interface UnfinishedStep {
  step: string;
  address: string;
  action: ChangeAction;
}

export interface PreviousRun {
  file: string;
  /** Whether the run wrote its footer (false when it was killed). */
  isComplete: boolean;
  unfinished: UnfinishedStep[];
}

export function getRunsDirectory(cwd: string): string {
  return join(cwd, '.conecta', 'runs');
}

/** Digest of what the plan does, so a journal can be matched with the plan that produced it. */
export function fingerprintPlan(plan: Pick<Plan, 'changes' | 'fingerprints'>): string {
  const content = JSON.stringify({
    fingerprints: plan.fingerprints,
    changes: plan.changes.map((change) => [change.id, change.action, change.liveId ?? null]),
  });
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Every line passes through `redactor` as a whole (its JSON-escaped forms included). */
export function openJournal(cwd: string, plan: Pick<Plan, 'changes' | 'fingerprints' | 'target'>, redactor: Redactor, now: () => Date = () => new Date()): Journal {
  const directory = getRunsDirectory(cwd);
  mkdirSync(directory, { recursive: true });
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const file = join(directory, `${stamp}-${process.pid}.ndjson`);
  const fd = openSync(file, 'a', 0o600);
  let isOpen = true;
  const write = (entry: JournalEntry) => {
    if (isOpen) writeSync(fd, `${redactor.mask(JSON.stringify(entry))}\n`);
  };
  write({ type: 'run', version: JOURNAL_FORMAT_VERSION, time: now().toISOString(), target: plan.target.url, isSandbox: plan.target.isSandbox, planFingerprint: fingerprintPlan(plan), changes: plan.changes.length });

  return {
    file,
    record(event) {
      const time = now().toISOString();
      if (event.type === 'step-started') {
        write({ type: 'intent', time, step: event.id, address: event.address, action: event.action });
        return;
      }
      const { step } = event;
      write({
        type: 'result', time, step: step.id, address: step.address, status: step.status,
        ...(step.liveId === undefined ? {} : { id: step.liveId }),
        ...(step.error === undefined ? {} : { code: step.error.code, message: step.error.message }),
        ...(step.skippedBecause === undefined ? {} : { message: `${step.skippedBecause} failed` }),
      });
    },
    recordReconciled(event) {
      write({ type: 'reconciled', time: now().toISOString(), address: formatAddress(event.kind, event.name), how: event.how });
    },
    finish(counts, isInterrupted) {
      write({ type: 'end', time: now().toISOString(), counts, isInterrupted });
      closeSync(fd);
      isOpen = false;
    },
  };
}

/**
 * The most recent journal in `.conecta/runs/`, with the steps it started and never finished.
 * Undefined when there is none. A torn last line (the process died mid-write) is ignored.
 */
export function readLatestJournal(cwd: string): PreviousRun | undefined {
  const directory = getRunsDirectory(cwd);
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.ndjson')).sort();
  } catch {
    return undefined;
  }
  const latest = names.at(-1);
  if (latest === undefined) return undefined;
  const file = join(directory, latest);
  const entries = readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    try {
      return line.trim() === '' ? [] : [JSON.parse(line) as JournalEntry];
    } catch {
      return [];
    }
  });
  const started = new Map<string, UnfinishedStep>();
  for (const entry of entries) {
    if (entry.type === 'intent') started.set(entry.step, { step: entry.step, address: entry.address, action: entry.action });
    // A create whose outcome is unknown stays in doubt: the next run says whether it landed.
    if (entry.type === 'result' && entry.status !== 'unknown') started.delete(entry.step);
  }
  return { file, isComplete: entries.some((entry) => entry.type === 'end'), unfinished: [...started.values()] };
}
