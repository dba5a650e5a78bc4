/** `conecta validate`: load the config of every environment (or the one selected) and report every problem, or what it holds. */
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { configKeysInReferenceOrder, getKindInfo } from '../core/kinds/registry.js';
import type { DesiredState } from '../core/model/resource.js';
import type { Redactor } from '../../providers/contract.js';
import { loadLayeredConfig, resolveTarget, validateAllEnvironments, type ResolveTargetOptions } from './project.js';

export interface ValidateOptions {
  /** Which environment and config folders; without an environment, every environment of the project is checked. */
  targetOptions: ResolveTargetOptions;
  /** Learns the config's sensitive values, so that diagnostics and their code frames are masked. */
  redactor: Redactor;
}

export interface KindCount {
  /** The YAML key, such as `teams`. */
  configKey: string;
  count: number;
}

export interface EnvironmentResult {
  /** The environment's name, or `default` without a project environment. */
  name: string;
  description: string;
  isValid: boolean;
  /** Objects per kind, in the order of the YAML reference; kinds with none are left out. */
  counts: KindCount[];
}

export interface ValidateResult {
  isValid: boolean;
  /** Every problem of every environment checked (a file shared by several is reported once). */
  diagnostics: Diagnostic[];
  environments: EnvironmentResult[];
}

export async function runValidate(options: ValidateOptions): Promise<ValidateResult> {
  const { targetOptions } = options;
  const checks = targetOptions.envName !== undefined || targetOptions.env.CONECTA_ENV
    ? [await loadOne(targetOptions)]
    : (await validateAllEnvironments(targetOptions)).environments;
  for (const secret of checks.flatMap((check) => check.secrets)) options.redactor.add(secret);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of checks.flatMap((check) => check.diagnostics)) {
    const identity = [diagnostic.code, diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message].join('\u0000');
    if (seen.has(identity)) continue;
    seen.add(identity);
    diagnostics.push(diagnostic);
  }
  const environments = checks.map((check) => ({
    name: check.name,
    description: check.description,
    isValid: !hasErrors(check.diagnostics),
    counts: countByKind(check.state),
  }));
  return { isValid: !hasErrors(diagnostics), diagnostics, environments };
}

async function loadOne(targetOptions: ResolveTargetOptions) {
  const target = await resolveTarget({ ...targetOptions, isCredentialRequired: false });
  return { name: target.name, description: target.description, ...(await loadLayeredConfig(target)) };
}

function countByKind(state: DesiredState | undefined): KindCount[] {
  const byKey = new Map<string, number>();
  for (const resource of state?.resources ?? []) {
    const { configKey } = getKindInfo(resource.kind);
    byKey.set(configKey, (byKey.get(configKey) ?? 0) + 1);
  }
  return configKeysInReferenceOrder.filter((key) => byKey.has(key)).map((configKey) => ({ configKey, count: byKey.get(configKey) as number }));
}
