/**
 * A sandbox in its own process, as a user runs `conecta sandbox` beside the CLI, so that a
 * benchmark measures the CLI and not the sandbox competing for the same CPU time and event loop.
 * Forked with the sandbox options as JSON in argv[2]; answers `{ url, token }` over IPC, then
 * `audit` (the audit so far), `reset` (clears it) and `close` messages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Audit } from '../providers/sandbox/audit.js';
import type { SandboxOptions } from '../providers/sandbox/index.js';

export interface SandboxProcess {
  url: string;
  token: string;
  audit(): Promise<Audit>;
  resetAudit(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { url: string; token: string } | { audit: Audit } | { done: true };

export async function startSandboxProcess(options: SandboxOptions): Promise<SandboxProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined;
  child.on('message', (message) => pending?.resolve(message as Reply));
  child.on('exit', (code) => pending?.reject(new Error(`the sandbox process exited with ${code}`)));
  const next = () => new Promise<Reply>((resolve, reject) => {
    pending = { resolve, reject };
  });
  const ready = await next() as { url: string; token: string };
  const ask = async (request: string) => {
    const reply = next();
    child.send(request);
    return reply;
  };
  return {
    url: ready.url,
    token: ready.token,
    audit: async () => ((await ask('audit')) as { audit: Audit }).audit,
    resetAudit: async () => void (await ask('reset')),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const { startSandbox } = await import('../providers/sandbox/index.js');
  const sandbox = await startSandbox(JSON.parse(process.argv[2] ?? '{}') as SandboxOptions);
  process.send({ url: sandbox.url, token: sandbox.token });
  process.on('message', (message) => {
    if (message === 'audit') process.send?.({ audit: sandbox.audit() });
    else if (message === 'reset') {
      sandbox.resetAudit();
      process.send?.({ done: true });
    } else if (message === 'close') void sandbox.close().then(() => process.disconnect());
  });
}
