/** `conecta validate`: load the config and report every problem, or what it holds. */
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { getKindInfo, kindInfos } from '../core/kinds/registry.js';
import { loadConfig } from '../io/read-config.js';

export interface ValidateOptions {
  paths: string[];
  env: Record<string, string | undefined>;
}

export interface KindCount {
  /** The YAML key, such as `teams`. */
  configKey: string;
  count: number;
}

export interface ValidateResult {
  isValid: boolean;
  diagnostics: Diagnostic[];
  files: string[];
  /** Objects per kind, in the order of the YAML reference; kinds with none are left out. */
  counts: KindCount[];
}

const COUNT_ORDER = ['userGroups', 'administrators', 'tabulations', 'predefinedMessages', 'teams', 'agents', 'scheduleGroups', 'wordFilters', 'pauses', 'flows'];

export async function runValidate(options: ValidateOptions): Promise<ValidateResult> {
  const loaded = await loadConfig(options.paths, { env: options.env });
  const byKey = new Map<string, number>();
  for (const resource of loaded.state.resources) {
    const { configKey } = getKindInfo(resource.kind);
    byKey.set(configKey, (byKey.get(configKey) ?? 0) + 1);
  }
  const order = [...COUNT_ORDER, ...kindInfos.map((info) => info.configKey).filter((key) => !COUNT_ORDER.includes(key))];
  const counts = order.filter((key) => byKey.has(key)).map((configKey) => ({ configKey, count: byKey.get(configKey) as number }));
  return { isValid: !hasErrors(loaded.diagnostics), diagnostics: loaded.diagnostics, files: loaded.files, counts };
}

export function formatCounts(counts: readonly KindCount[]): string {
  return counts.length === 0 ? 'No objects.' : counts.map(({ configKey, count }) => `${configKey}: ${count}`).join(', ');
}
