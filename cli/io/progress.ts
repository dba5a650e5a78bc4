/**
 * The live apply progress line on a terminal's stderr
 * (`Applying: 12/40 done · level 2 · 1 retry · waiting 3s (rate limit)`), redrawn as events
 * arrive and cleared when the run ends. Used by the terminal reporter only when stderr is a
 * terminal; elsewhere each finished step is printed once, as a line of the report.
 */
import type { ExecutionEvent } from '../core/execute/types.js';
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

export interface LiveProgress {
  onExecutionEvent(event: ExecutionEvent): void;
  /** Counts retries and rate-limit waits into the line. */
  onProviderEvent(event: ProviderEvent): void;
  /** Prints a line without breaking the live line. */
  print(text: string): void;
  /** Clears the live line and stops redrawing. */
  stop(): void;
}

export interface LiveProgressOptions {
  stream: { write(text: string): unknown };
  total: number;
  now?: () => number;
}

export function formatProgressLine(state: ProgressState, now: number): string {
  const parts = [`Applying: ${state.done}/${state.total} done`];
  if (state.running.size > 0) parts.push(`level ${Math.min(...state.running.values())}`);
  if (state.retries > 0) parts.push(`${state.retries} ${state.retries === 1 ? 'retry' : 'retries'}`);
  if (state.waitUntil > now) parts.push(`waiting ${Math.ceil((state.waitUntil - now) / 1000)}s (rate limit)`);
  return parts.join(' · ');
}

export function createLiveProgress(options: LiveProgressOptions): LiveProgress {
  const now = options.now ?? (() => performance.now());
  const state: ProgressState = { total: options.total, done: 0, running: new Map(), retries: 0, waitUntil: 0 };
  let shownLine = '';
  let isStopped = false;
  const clear = () => {
    if (shownLine !== '') options.stream.write('\r\u001b[2K');
    shownLine = '';
  };
  const redraw = () => {
    if (isStopped) return;
    const line = formatProgressLine(state, now());
    if (line === shownLine) return;
    options.stream.write(`\r\u001b[2K${line}`);
    shownLine = line;
  };
  const timer = setInterval(redraw, 250);
  timer.unref();
  redraw();

  return {
    onExecutionEvent(event) {
      if (event.type === 'step-started') {
        state.running.set(event.id, event.level);
      } else {
        state.running.delete(event.step.id);
        state.done += 1;
      }
      redraw();
    },
    onProviderEvent(event) {
      if (event.type === 'retry') state.retries += 1;
      if (event.type === 'rate-limited') state.waitUntil = Math.max(state.waitUntil, now() + event.waitMs);
      redraw();
    },
    print(text) {
      clear();
      options.stream.write(`${text}\n`);
      redraw();
    },
    stop() {
      clearInterval(timer);
      clear();
      isStopped = true;
    },
  };
}
