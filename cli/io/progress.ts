/**
 * Apply progress on stderr. On a terminal: one live line
 * (`Applying: 12/40 done · level 2 · 1 retry · waiting 3s (rate limit)`), redrawn as events arrive.
 * Otherwise: one line per finished step (`✓ created team.SAC (120 ms)`).
 */
import { formatStepLine } from '../core/execute/render-report.js';
import type { ExecutionEvent } from '../core/execute/types.js';
import type { Style } from '../core/render/style.js';
import type { ProviderEvent } from '../../providers/contract.js';

export interface ProgressState {
  total: number;
  done: number;
  /** Dependency levels of the steps in flight. */
  running: Map<string, number>;
  retries: number;
  /** Until when (clock ms) the provider waits because of a rate limit. */
  waitUntil: number;
}

export interface ProgressReporter {
  onExecutionEvent(event: ExecutionEvent): void;
  onProviderEvent(event: ProviderEvent): void;
  /** Prints a note without breaking the live line. */
  note(text: string): void;
  /** Clears the live line and stops redrawing. */
  stop(): void;
}

export interface ProgressOptions {
  stream: NodeJS.WritableStream;
  isLive: boolean;
  style: Style;
  total: number;
  /** Print one line per HTTP request (`--verbose`). */
  isVerbose?: boolean;
  now?: () => number;
}

export function formatProgressLine(state: ProgressState, now: number): string {
  const parts = [`Applying: ${state.done}/${state.total} done`];
  if (state.running.size > 0) parts.push(`level ${Math.min(...state.running.values())}`);
  if (state.retries > 0) parts.push(`${state.retries} ${state.retries === 1 ? 'retry' : 'retries'}`);
  if (state.waitUntil > now) parts.push(`waiting ${Math.ceil((state.waitUntil - now) / 1000)}s (rate limit)`);
  return parts.join(' · ');
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const state: ProgressState = { total: options.total, done: 0, running: new Map(), retries: 0, waitUntil: 0 };
  let shownLine = '';
  const clear = () => {
    if (shownLine !== '') options.stream.write('\r\u001b[2K');
    shownLine = '';
  };
  const redraw = () => {
    if (!options.isLive) return;
    const line = formatProgressLine(state, now());
    if (line === shownLine) return;
    options.stream.write(`\r\u001b[2K${line}`);
    shownLine = line;
  };
  const print = (text: string) => {
    clear();
    options.stream.write(`${text}\n`);
    redraw();
  };
  const timer = options.isLive ? setInterval(redraw, 250) : undefined;
  timer?.unref();
  redraw();

  return {
    onExecutionEvent(event) {
      if (event.type === 'step-started') {
        state.running.set(event.id, event.level);
      } else {
        state.running.delete(event.step.id);
        state.done += 1;
        if (!options.isLive && event.step.status !== 'not-started') print(formatStepLine(event.step, options.style));
      }
      redraw();
    },
    onProviderEvent(event) {
      if (event.type === 'retry') state.retries += 1;
      if (event.type === 'rate-limited') state.waitUntil = Math.max(state.waitUntil, now() + event.waitMs);
      if (event.type === 'request' && options.isVerbose) print(options.style.dim(`${event.method} ${event.path} → ${event.status ?? 'no answer'} (${Math.round(event.durationMs)} ms)`));
      if (event.type === 'reconciled') print(`${options.style.cyan('↺')} ${event.kind}.${event.name}: ${event.how}`);
      redraw();
    },
    note: print,
    stop() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
