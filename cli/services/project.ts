/**
 * Projects and environments: finds `conecta.yaml`, resolves the selected environment to a target
 * (folders, variables, provider environment), and loads its config layer by layer. Every command
 * that reads config or talks to a tenant starts here.
 */
import { readFile, stat } from 'node:fs/promises';
import { validateDesiredState } from '../core/config/validate-state.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { ConectaError } from '../core/errors.js';
import type { DesiredState } from '../core/model/resource.js';
import { layerStates } from '../core/project/layer-states.js';
import { resolveTargetFromProject, type LoadedProject, type ResolvedTarget } from '../core/project/resolve-target.js';
import { locateDiagnostics } from '../io/config-locate.js';
import { findProjectFile, readProjectFile } from '../io/project-file.js';

export type { ResolvedTarget } from '../core/project/resolve-target.js';

export interface ResolveTargetOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--env`; `CONECTA_ENV` when absent; then the project's `defaultEnvironment`. */
  envName?: string;
  /** `--project`; `CONECTA_PROJECT` when absent; then the nearest conecta.yaml upward. */
  projectFile?: string;
  /** Explicit PATH arguments: they win over the project's folders. */
  paths?: string[];
  /** False for commands that only read the config (validate, graph): no credential is needed. */
  isCredentialRequired?: boolean;
}

export interface LayeredConfig {
  state: DesiredState;
  diagnostics: Diagnostic[];
  files: string[];
  /** The values the run must mask (see LoadedConfig.secrets). */
  secrets: string[];
}

/** The target a command works on. Throws PROJECT_* errors before any network call. */
export async function resolveTarget(options: ResolveTargetOptions): Promise<ResolvedTarget> {
  const project = await loadProject(options);
  const target = resolveTargetFromProject({
    cwd: options.cwd, processEnv: options.env, project, envName: options.envName, paths: options.paths, isCredentialRequired: options.isCredentialRequired ?? true,
  });
  return target;
}

/**
 * Loads each layer of the target (with its variables) and lays the overlays over the base. The
 * state checks (references, duplicates, schedules…) run once on the layered state: an overlay may
 * refer to objects of the base and replace them.
 */
export async function loadLayeredConfig(target: ResolvedTarget): Promise<LayeredConfig> {
  const { loadConfig } = await import('../io/read-config.js');
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const states: DesiredState[] = [];
  const secrets: string[] = [];
  const layerByFile = new Map<string, number>();
  const isLayered = target.layers.length > 1;
  for (const [index, layer] of target.layers.entries()) {
    const paths = await keepExistingPaths(layer, target, diagnostics);
    if (paths.length === 0) continue;
    const loaded = await loadConfig(paths, { env: target.env, variables: target.variables });
    secrets.push(...loaded.secrets);
    const layerStateChecks = new Set(isLayered ? validateDesiredState(loaded.state).map(identifyDiagnostic) : []);
    diagnostics.push(...loaded.diagnostics.filter((diagnostic) => !layerStateChecks.has(identifyDiagnostic(diagnostic))));
    for (const file of loaded.files) {
      const previous = layerByFile.get(file);
      if (previous !== undefined && previous !== index) {
        diagnostics.push({
          code: 'PROJECT_LAYER_OVERLAP', severity: 'error', file,
          message: `${file} is loaded by two layers of ${target.description} (the base and an overlay).`,
          hint: 'Keep environment folders out of the base folders, for example config/base and config/prod side by side.',
        });
      } else if (previous === undefined) {
        layerByFile.set(file, index);
        files.push(file);
      }
    }
    states.push(loaded.state);
  }
  const state = layerStates(states);
  if (isLayered) {
    const sources = new Map<string, string>();
    for (const file of files) sources.set(file, await readFile(file, 'utf8'));
    diagnostics.push(...locateDiagnostics(validateDesiredState(state), sources));
  }
  return { state, diagnostics, files, secrets };
}

async function keepExistingPaths(layer: string[], target: ResolvedTarget, diagnostics: Diagnostic[]): Promise<string[]> {
  const paths: string[] = [];
  for (const path of layer) {
    if (await stat(path).catch(() => undefined)) {
      paths.push(path);
    } else {
      diagnostics.push({
        code: 'PROJECT_CONFIG_NOT_FOUND', severity: 'error', message: `The config folder ${path} of ${target.description} does not exist.`,
        hint: target.projectFile ? `Create it, or fix the config: list in ${target.projectFile}.` : 'Check the path.', file: target.projectFile,
      });
    }
  }
  return paths;
}

function identifyDiagnostic(diagnostic: Diagnostic): string {
  return [diagnostic.code, diagnostic.file, diagnostic.pointer, diagnostic.message].join('\u0000');
}

export interface EnvironmentCheck {
  /** The environment's name, or `default`. */
  name: string;
  description: string;
  diagnostics: Diagnostic[];
  files: string[];
  secrets: string[];
  /** The layered config; absent when the environment itself could not be resolved. */
  state?: DesiredState;
}

/**
 * Loads the config of every environment of the project (or the one default target without a
 * project), without needing credentials, so that `conecta validate` checks them all.
 */
export async function validateAllEnvironments(options: Omit<ResolveTargetOptions, 'envName'>): Promise<{ projectFile?: string; environments: EnvironmentCheck[] }> {
  const project = await loadProject(options);
  const names = Object.keys(project?.project.environments ?? {});
  const checks: EnvironmentCheck[] = [];
  for (const envName of names.length > 0 ? names : [undefined]) {
    let target: ResolvedTarget;
    try {
      target = resolveTargetFromProject({ cwd: options.cwd, processEnv: options.env, project, envName, paths: options.paths, isCredentialRequired: false });
    } catch (error) {
      if (!(error instanceof ConectaError)) throw error;
      checks.push({ name: envName ?? 'default', description: `environment ${envName ?? 'default'}`, files: [], secrets: [],
        diagnostics: [{ code: error.code, severity: 'error', message: error.message, hint: error.hint, file: project?.file }] });
      continue;
    }
    const loaded = await loadLayeredConfig(target);
    checks.push({ name: target.name, description: target.description, ...loaded });
  }
  return { projectFile: project?.file, environments: checks };
}

async function loadProject(options: Omit<ResolveTargetOptions, 'envName'>): Promise<LoadedProject | undefined> {
  const file = await findProjectFile({ cwd: options.cwd, env: options.env, projectFile: options.projectFile });
  return file ? readProjectFile(file) : undefined;
}
