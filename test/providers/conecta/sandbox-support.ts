/** Starts the local sandbox and a ConectaProvider on it over real loopback HTTP. */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../providers/sandbox/index.js';
import type { ProviderEvent } from '../../../providers/contract.js';
import { ConectaProvider, type ConectaProviderOptions } from '../../../providers/conecta/index.js';
import { createRedactor } from '../../../cli/io/redactor.js';

export interface SandboxHarness {
  sandbox: RunningSandbox;
  provider: ConectaProvider;
  events: ProviderEvent[];
  /** Another provider on the same sandbox (a fresh run: nothing memoised). */
  openProvider(overrides?: Partial<ConectaProviderOptions>): ConectaProvider;
  close(): Promise<void>;
}

export async function startHarness(sandboxOptions: SandboxOptions = {}, providerOptions: Partial<ConectaProviderOptions> = {}): Promise<SandboxHarness> {
  const sandbox = await startSandbox({ port: 0, ...sandboxOptions });
  const events: ProviderEvent[] = [];
  const providers: ConectaProvider[] = [];
  const openProvider = (overrides: Partial<ConectaProviderOptions> = {}): ConectaProvider => {
    const provider = new ConectaProvider({
      url: sandbox.url,
      credentials: { token: sandbox.token },
      redactor: createRedactor(),
      isSandbox: true,
      backoff: { baseMs: 5, maxMs: 50, maxRetryAfterMs: 2_000 },
      maxRetries: 8,
      onEvent: (event) => events.push(event),
      ...providerOptions,
      ...overrides,
    });
    providers.push(provider);
    return provider;
  };
  const provider = openProvider();
  return {
    sandbox,
    provider,
    events,
    openProvider,
    close: async () => {
      await Promise.all(providers.map((each) => each.close()));
      await sandbox.close();
    },
  };
}
