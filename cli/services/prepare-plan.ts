/**
 * The steps plan and apply share: load and validate the config, open the provider, refresh the
 * live snapshot and build the plan. The caller owns `opened` and must close it.
 */
import { readFile } from 'node:fs/promises';
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { ConfigError, PlanError } from '../core/errors.js';
import { allKinds } from '../core/kinds/registry.js';
import type { DesiredState, LiveSnapshot } from '../core/model/resource.js';
import { randomBytes } from 'node:crypto';
import { locateDiagnostics } from '../io/config-locate.js';
import { checkLiveReferences } from '../core/config/check-references.js';
import { buildPlan } from '../core/plan/build-plan.js';
import type { FingerprintKey } from '../core/plan/fingerprint.js';
import { describeDuplicateKey, findDuplicateKeys } from '../core/plan/find-duplicate-keys.js';
import type { Plan } from '../core/plan/types.js';
import { addCredentialVariables } from '../io/redactor.js';
import type { ProviderEvent, Redactor } from '../../providers/contract.js';
import { openProvider, type OpenedProvider } from './connect.js';
import { loadLayeredConfig, type ResolvedTarget } from './project.js';
import { readSnapshot } from './refresh.js';

export interface PreparePlanOptions {
  /** What to plan for: config layers, variables and the provider's environment (see project.ts). */
  target: ResolvedTarget;
  cwd: string;
  prune?: boolean;
  /** Learns the credentials and the config's sensitive values before anything is reported. */
  redactor: Redactor;
  /** The salt of a saved plan being re-checked; a fresh random one otherwise. */
  fingerprintSalt?: string;
  onProviderEvent?: (event: ProviderEvent) => void;
}

export interface PreparedPlan {
  /** What the plan's fingerprints were keyed with (the credential part is never saved). */
  fingerprintKey: FingerprintKey;
  plan: Plan;
  desired: DesiredState;
  snapshot: LiveSnapshot;
  opened: OpenedProvider;
  /** Config warnings (errors throw a ConfigError). */
  diagnostics: Diagnostic[];
  /** The config files read. */
  files: string[];
}

export async function preparePlan(options: PreparePlanOptions): Promise<PreparedPlan> {
  const { target, redactor } = options;
  addCredentialVariables(redactor, target.env);
  // The tenant is read while the config loads: one waits on the network, the other on the CPU.
  // Provider events are held until the redactor knows the config's sensitive values.
  const events = holdEvents(options.onProviderEvent);
  const reading = openAndRead(options, events.forward);
  // Awaited below; until then a failed read must not count as an unhandled rejection (which ends
  // the process with a stack trace before the error can be reported).
  reading.catch(() => undefined);
  let loaded: Awaited<ReturnType<typeof loadLayeredConfig>>;
  let diagnostics: Diagnostic[];
  try {
    loaded = await loadLayeredConfig(target);
    for (const secret of loaded.secrets) redactor.add(secret);
    events.release();
    // The loader runs the schema and the semantic checks (validateDesiredState). Notices are for
    // validate ("plan checks these references in the tenant"): plan does that check below.
    diagnostics = loaded.diagnostics.filter((diagnostic) => diagnostic.severity !== 'notice');
    if (hasErrors(diagnostics)) throw new ConfigError(diagnostics);
  } catch (error) {
    // The config's error is the one to report; the reads are dropped without waiting for them.
    void reading.then(({ opened }) => opened.close(), () => undefined);
    throw error;
  }
  const { opened, snapshot } = await reading;
  try {
    const duplicates = findDuplicateKeys(snapshot.resources);
    if (duplicates.length > 0) {
      throw new PlanError('PLAN_DUPLICATE_LIVE_KEYS', `The tenant holds more than one object with the same natural key, so the config cannot say which it means; nothing was planned:\n${duplicates.map((entry) => `  - ${describeDuplicateKey(entry)}`).join('\n')}`, {
        hint: 'Delete or rename the extra objects in the admin screen (keep the one that others refer to), then plan again; `conecta doctor` lists every duplicate.',
      });
    }
    const unresolved = checkLiveReferences(loaded.state, snapshot);
    if (unresolved.length > 0) throw new ConfigError(await locateInFiles(unresolved), 'The configuration refers to objects the tenant does not have.');
    const fingerprintKey: FingerprintKey = {
      salt: options.fingerprintSalt ?? randomBytes(16).toString('base64url'),
      credential: target.env.CONECTA_TOKEN?.trim() || target.env.CONECTA_PASSWORD || '',
    };
    const { account } = opened.description;
    const accountGroup = account?.userGroupId === undefined ? undefined : snapshot.resources.find((resource) => resource.kind === 'user-group' && resource.id === account.userGroupId)?.name;
    const plan = buildPlan(loaded.state, snapshot, {
      fingerprintKey,
      ...(account ? { account: { email: account.email, ...(accountGroup === undefined ? {} : { userGroup: accountGroup }) } } : {}),
      target: {
        url: opened.description.url,
        isSandbox: opened.description.isSandbox,
        ...(target.name === 'default' ? {} : { environment: target.name }),
        ...(account ? { account: { ...(account.id === undefined ? {} : { id: account.id }), email: account.email } } : {}),
      },
      ...(options.prune === undefined ? {} : { prune: options.prune }),
    });
    return { plan, fingerprintKey, desired: loaded.state, snapshot, opened, diagnostics, files: loaded.files };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** Line, column and code frame for diagnostics found after loading (the files are read again). */
async function locateInFiles(diagnostics: Diagnostic[]): Promise<Diagnostic[]> {
  const sources = new Map<string, string>();
  for (const file of new Set(diagnostics.flatMap((diagnostic) => (diagnostic.file === undefined ? [] : [diagnostic.file])))) {
    const source = await readFile(file, 'utf8').catch(() => undefined);
    if (source !== undefined) sources.set(file, source);
  }
  return locateDiagnostics(diagnostics, sources);
}

async function openAndRead(options: PreparePlanOptions, onEvent: ((event: ProviderEvent) => void) | undefined): Promise<{ opened: OpenedProvider; snapshot: LiveSnapshot }> {
  const opened = await openProvider({ env: options.target.env, cwd: options.cwd, redactor: options.redactor, ...(options.target.reason ? { targetReason: options.target.reason } : {}), ...(onEvent ? { onEvent } : {}) });
  try {
    return { opened, snapshot: await readSnapshot(opened.provider, allKinds, opened.description.unsupported) };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** Queues events until `release()`, then passes them on as they come. */
function holdEvents(listener: ((event: ProviderEvent) => void) | undefined): { forward: ((event: ProviderEvent) => void) | undefined; release: () => void } {
  if (!listener) return { forward: undefined, release: () => undefined };
  let held: ProviderEvent[] | undefined = [];
  return {
    forward: (event) => (held ? held.push(event) : listener(event)),
    release: () => {
      const queued = held ?? [];
      held = undefined;
      for (const event of queued) listener(event);
    },
  };
}
