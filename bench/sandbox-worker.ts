/**
 * Runs an in-memory sandbox on its own thread, so that the benchmark measures the CLI's apply
 * and not the sandbox competing for the same event loop. Started by bench/apply.ts with the
 * sandbox options as `workerData`; answers with `{ url, token }`, closes on any message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox, type SandboxOptions } from '../providers/sandbox/index.js';

const sandbox = await startSandbox(workerData as SandboxOptions);
parentPort?.postMessage({ url: sandbox.url, token: sandbox.token });
parentPort?.once('message', () => {
  void sandbox.close().then(() => parentPort?.close());
});
