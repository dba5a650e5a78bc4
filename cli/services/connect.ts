/**
 * Opens the provider every command that needs a tenant uses: the tenant at CONECTA_URL, or,
 * when it is unset, the local sandbox started in-process (data in ./.conecta/sandbox.json, or
 * CONECTA_SANDBOX_DATA; started from a capture with CONECTA_SANDBOX_REPLAY), reached through the
 * same undici client with the sandbox's token.
 */
import { basename, join, relative, resolve } from 'node:path';
import { ConectaError } from '../core/errors.js';
import { addCredentialVariables } from '../io/redactor.js';
import type { ExchangeRecorder, Provider, ProviderDescription, ProviderEvent, Redactor } from '../../providers/contract.js';

export interface OpenProviderOptions {
  /** Why this target was chosen (ResolvedTarget.reason), named in the notice. */
  targetReason?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The run's redactor: learns the credentials, masks what the provider reports. */
  redactor: Redactor;
  onEvent?: (event: ProviderEvent) => void;
  /** Receives every answer the HTTP client reads (`doctor --capture`). */
  recorder?: ExchangeRecorder;
}

export interface OpenedProvider {
  provider: Provider;
  description: ProviderDescription;
  /** One line for stderr naming the target (always for the local sandbox). */
  notice?: string;
  /** What the handshake found doubtful but not fatal (an unexpected API version), one notice each. */
  warnings: string[];
  close(): Promise<void>;
}

export async function openProvider(options: OpenProviderOptions): Promise<OpenedProvider> {
  const { ConectaProvider, readConectaSettings, readTransportSettings } = await import('../../providers/conecta/index.js');
  addCredentialVariables(options.redactor, options.env);
  if (options.env.CONECTA_URL?.trim()) {
    const settings = readConectaSettings(options.env);
    const provider = new ConectaProvider({ ...settings, redactor: options.redactor, onEvent: options.onEvent, recorder: options.recorder });
    const description = await describeOrClose(provider);
    return { provider, description, ...(options.targetReason ? { notice: `Using ${options.targetReason}.` } : {}), warnings: describeWarnings(description), close: () => provider.close() };
  }
  const { startSandbox, SandboxBusyError } = await import('../../providers/sandbox/index.js');
  const replayFile = readReplayFile(options.env, options.cwd);
  const dataFile = embeddedSandboxDataFile(options.env, options.cwd);
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    // The sandbox holds its data file for its lifetime; another process's run is waited for.
    const lockCommand = options.redactor.mask(['conecta', ...process.argv.slice(2)].join(' '));
    sandbox = await startSandbox({ port: 0, dataFile, lockCommand, ...(replayFile ? { replayFile } : {}) });
  } catch (error) {
    if (error instanceof SandboxBusyError) {
      throw new ConectaError('PROVIDER_SANDBOX_BUSY', `${error.message}.`, {
        hint: 'Another conecta command (or `conecta sandbox`) is using this sandbox data file: wait for it to finish and run again, or point CONECTA_SANDBOX_DATA at another file.',
      });
    }
    if (!replayFile) throw error;
    throw new ConectaError('PROVIDER_CONFIG', `The local sandbox cannot replay CONECTA_SANDBOX_REPLAY: ${error instanceof Error ? error.message : String(error)}.`, {
      hint: 'Point CONECTA_SANDBOX_REPLAY at a file written by `conecta doctor --capture`, and CONECTA_SANDBOX_DATA at a new file (or unset it).',
    });
  }
  const provider = new ConectaProvider({
    url: sandbox.url,
    credentials: { token: sandbox.token },
    redactor: options.redactor,
    isSandbox: true,
    // The same settings as a tenant's (timeouts, deadline, parallelism, body limit): one reader.
    ...readTransportSettings(options.env),
    onEvent: options.onEvent,
    recorder: options.recorder,
  });
  const close = async (): Promise<void> => {
    await provider.close();
    await sandbox.close();
  };
  let description: ProviderDescription;
  try {
    description = await provider.describe();
  } catch (error) {
    await close();
    throw error;
  }
  const shownFile = relative(options.cwd, dataFile) || dataFile;
  const replaying = replayFile ? `, replaying ${relative(options.cwd, replayFile) || replayFile}` : '';
  const where = `the local sandbox at ${sandbox.url} (data: ${shownFile.startsWith('..') ? dataFile : shownFile}${replaying})`;
  const notice = options.targetReason
    ? `Using ${options.targetReason}: ${where}.`
    : `Using ${where}; set CONECTA_URL to target a tenant.`;
  return { provider, description, notice, warnings: describeWarnings(description), close };
}

function describeWarnings(description: ProviderDescription): string[] {
  return description.apiVersionWarning ? [`Warning: ${description.apiVersionWarning}`] : [];
}

/**
 * CONECTA_SANDBOX_REPLAY: the embedded sandbox starts from a capture (`doctor --capture`), in a
 * data file of its own, so that plan and apply runs continue from one another.
 */
function readReplayFile(env: Record<string, string | undefined>, cwd: string): string | undefined {
  const replay = env.CONECTA_SANDBOX_REPLAY?.trim();
  return replay ? resolve(cwd, replay) : undefined;
}

/** Where the embedded sandbox keeps its data (absolute): CONECTA_SANDBOX_DATA, or a file in ./.conecta/. */
export function embeddedSandboxDataFile(env: Record<string, string | undefined>, cwd: string): string {
  const replayFile = readReplayFile(env, cwd);
  const defaultData = replayFile ? `replay-${basename(replayFile).replace(/\.json$/i, '')}.json` : 'sandbox.json';
  return resolve(cwd, env.CONECTA_SANDBOX_DATA?.trim() || join('.conecta', defaultData));
}

async function describeOrClose(provider: Provider): Promise<ProviderDescription> {
  try {
    return await provider.describe();
  } catch (error) {
    await provider.close();
    throw error;
  }
}
