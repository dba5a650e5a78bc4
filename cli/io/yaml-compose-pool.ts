/**
 * Composes several YAML files. Files in the block-style subset are scanned on this thread (about
 * 0.1 s per MB); the others go through `yaml`'s parser, in parallel worker threads when there is
 * enough of their text to repay starting them (about 1 s per MB on a slow core).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConfigSource } from './config-files.js';
import { MAX_DEPTH, composeWithParser, type ComposedFile } from './yaml-compose.js';
import { scanYaml } from './yaml-fast.js';

const PARALLEL_MIN_BYTES = 512 * 1024;
const workerUrl = new URL('./yaml-worker.js', import.meta.url);

export async function composeYamlFiles(sources: readonly ConfigSource[]): Promise<ComposedFile[]> {
  const composed: (ComposedFile | undefined)[] = sources.map((source) => {
    const scanned = scanYaml(source.text, MAX_DEPTH);
    return scanned ? { value: scanned.value, diagnostics: [], positions: scanned.positions } : undefined;
  });
  const declined = sources.flatMap((source, index) => (composed[index] ? [] : [index]));
  const parsed = await composeWithParsers(declined.map((index) => sources[index] as ConfigSource));
  declined.forEach((sourceIndex, position) => {
    composed[sourceIndex] = parsed[position];
  });
  return composed as ComposedFile[];
}

async function composeWithParsers(sources: readonly ConfigSource[]): Promise<ComposedFile[]> {
  const totalBytes = sources.reduce((sum, source) => sum + source.text.length, 0);
  const workerCount = Math.min(availableParallelism(), sources.length, 4);
  if (totalBytes < PARALLEL_MIN_BYTES || workerCount < 2 || !existsSync(fileURLToPath(workerUrl))) {
    return sources.map((source) => composeWithParser(source.text, source.file));
  }
  const groups = splitBySize(sources, workerCount);
  const results = await Promise.all(groups.map((group) => (group.length === 0 ? Promise.resolve([]) : composeInWorker(group.map(({ source }) => source)))));
  const composed: ComposedFile[] = new Array(sources.length);
  groups.forEach((group, groupIndex) => group.forEach(({ index }, position) => {
    composed[index] = results[groupIndex]?.[position] as ComposedFile;
  }));
  return composed;
}

/** Greedy balance: largest files first, each to the group with the fewest bytes. */
function splitBySize(sources: readonly ConfigSource[], count: number): { index: number; source: ConfigSource }[][] {
  const groups = Array.from({ length: count }, () => ({ bytes: 0, items: [] as { index: number; source: ConfigSource }[] }));
  const ordered = sources.map((source, index) => ({ index, source })).sort((left, right) => right.source.text.length - left.source.text.length);
  for (const item of ordered) {
    const lightest = groups.reduce((best, group) => (group.bytes < best.bytes ? group : best));
    lightest.items.push(item);
    lightest.bytes += item.source.text.length;
  }
  return groups.map((group) => group.items);
}

function composeInWorker(sources: ConfigSource[]): Promise<ComposedFile[]> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl);
    const fallback = () => resolve(sources.map((source) => composeWithParser(source.text, source.file)));
    worker.once('message', (results: ComposedFile[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.postMessage(sources);
  });
}
