/** Worker thread: composes the YAML files it is given (see yaml-compose-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { composeWithParser } from './yaml-compose.js';
import type { ConfigSource } from './config-files.js';

parentPort?.on('message', (sources: ConfigSource[]) => {
  parentPort?.postMessage(sources.map((source) => composeWithParser(source.text, source.file)));
});
