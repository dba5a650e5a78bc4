/**
 * Turns a project file and an environment name into a target: which folders to load (base, then
 * the environment's overlay), the `${var:NAME}` values, and the process environment the provider
 * reads (`CONECTA_URL`, `CONECTA_TOKEN` or `CONECTA_EMAIL` + `CONECTA_PASSWORD`), taken from the
 * variables the environment names. Pure: the caller reads the file and passes `processEnv` in.
 */
import { resolve } from 'node:path';
import { ConectaError } from '../errors.js';
import { suggestClosest } from '../config/suggest.js';
import { DEFAULT_CONFIG_FOLDERS, type EnvironmentSpec, type ProjectFile } from './project.js';

export interface ResolvedTarget {
  /** The environment's name, or `default` without a project environment. */
  name: string;
  /** Absolute paths: the base folders first, then the environment's overlay folders. */
  layers: string[][];
  /** Values for `${var:NAME}`. */
  variables: Record<string, string>;
  /** The process environment with the provider's variables set for this target. */
  env: Record<string, string | undefined>;
  /** Named up front by every command, such as `environment prod (https://acme.conecta.com.vc)`. */
  description: string;
  /** The project file this target came from, if any. */
  projectFile?: string;
  /**
   * Why this target, for the note every command prints: which environment of which project file,
   * selected how, and any `CONECTA_URL` in the shell that the environment overrides.
   */
  reason?: string;
}

export interface LoadedProject {
  file: string;
  /** The folder holding the project file; its paths are relative to it. */
  dir: string;
  project: ProjectFile;
}

export interface ResolveTargetInput {
  cwd: string;
  processEnv: Record<string, string | undefined>;
  project?: LoadedProject;
  /** `--env`; `CONECTA_ENV` when absent. */
  envName?: string;
  /** Explicit PATH arguments: they replace the project's folders. */
  paths?: string[];
  /** False when only the config is checked (validation without secrets, as in a fork's pull request). */
  isCredentialRequired: boolean;
}

/** The variables the provider reads; an environment sets them and nothing inherited leaks through. */
export const PROVIDER_VARIABLES = ['CONECTA_URL', 'CONECTA_TOKEN', 'CONECTA_EMAIL', 'CONECTA_PASSWORD'] as const;

export function resolveTargetFromProject(input: ResolveTargetInput): ResolvedTarget {
  const envName = input.envName || input.processEnv.CONECTA_ENV || undefined;
  const explicitLayers = input.paths && input.paths.length > 0 ? [input.paths.map((path) => resolve(input.cwd, path))] : undefined;
  const { project } = input;
  if (!project) {
    if (envName !== undefined) {
      throw new ConectaError('PROJECT_NOT_FOUND', `--env ${envName} needs a conecta.yaml project file, and none was found in ${input.cwd} or above.`, {
        hint: 'Run the command inside the repository, pass --project FILE (or set CONECTA_PROJECT), or run `conecta init` to create one.',
      });
    }
    return {
      name: 'default',
      layers: explicitLayers ?? [[resolve(input.cwd, '.')]],
      variables: {},
      env: { ...input.processEnv },
      description: describeDefault(input.processEnv),
    };
  }

  const environments = project.project.environments ?? {};
  const names = Object.keys(environments);
  const baseLayer = (project.project.config ?? DEFAULT_CONFIG_FOLDERS).map((folder) => resolve(project.dir, folder));
  const projectVariables = stringifyValues(project.project.variables);
  const selected = envName ?? project.project.defaultEnvironment;
  if (selected === undefined) {
    if (names.length > 0) {
      throw new ConectaError('PROJECT_ENV_REQUIRED', `${project.file} defines environments (${names.join(', ')}) and none was selected.`, {
        hint: `Pass --env NAME (or set CONECTA_ENV), or set defaultEnvironment in ${project.file}.`,
      });
    }
    return {
      name: 'default',
      layers: explicitLayers ?? [baseLayer],
      variables: projectVariables,
      env: { ...input.processEnv },
      description: describeDefault(input.processEnv),
      projectFile: project.file,
    };
  }
  if (!Object.hasOwn(environments, selected)) {
    const closest = suggestClosest(selected, names);
    throw new ConectaError('PROJECT_UNKNOWN_ENV', `Environment "${selected}" is not defined in ${project.file}${names.length > 0 ? ` (it has ${names.join(', ')})` : ''}.`, {
      hint: closest ? `Did you mean --env ${closest}?` : `Add it under environments: in ${project.file}.`,
    });
  }
  const environment = environments[selected] as EnvironmentSpec;
  const overlay = (environment.config ?? []).map((folder) => resolve(project.dir, folder));
  return {
    name: selected,
    layers: explicitLayers ?? (overlay.length > 0 ? [baseLayer, overlay] : [baseLayer]),
    variables: { ...projectVariables, ...stringifyValues(environment.variables) },
    env: buildProviderEnv(selected, environment, input.processEnv, input.isCredentialRequired),
    description: environment.sandbox === true ? `environment ${selected} (embedded sandbox)` : `environment ${selected} (${environment.url})`,
    projectFile: project.file,
    reason: explainSelection(selected, input, project, environment),
  };
}

function buildProviderEnv(name: string, environment: EnvironmentSpec, processEnv: Record<string, string | undefined>, isCredentialRequired: boolean): Record<string, string | undefined> {
  const env = { ...processEnv };
  for (const variable of PROVIDER_VARIABLES) delete env[variable];
  if (environment.sandbox === true || environment.url === undefined) return env;
  env.CONECTA_URL = environment.url;
  const credentials = environment.credentials ?? {};
  const wanted: [string, string | undefined][] = credentials.token !== undefined
    ? [['CONECTA_TOKEN', credentials.token]]
    : [['CONECTA_EMAIL', credentials.email], ['CONECTA_PASSWORD', credentials.password]];
  for (const [target, source] of wanted) {
    if (source === undefined) continue;
    const value = Object.hasOwn(processEnv, source) ? processEnv[source] : undefined;
    if (value) {
      env[target] = value;
    } else if (isCredentialRequired) {
      throw new ConectaError('PROJECT_CREDENTIAL_UNSET', `Environment "${name}" reads its credentials from the variable ${source}, which is not set.`, {
        hint: `Set ${source} in the shell (export ${source}=…) or, in CI, map the secret to it (${source}: \${{ secrets.${source} }}).`,
      });
    }
  }
  return env;
}

function explainSelection(selected: string, input: ResolveTargetInput, project: LoadedProject, environment: EnvironmentSpec): string {
  const how = input.envName ? `--env ${selected}` : input.processEnv.CONECTA_ENV ? `CONECTA_ENV=${selected}` : `defaultEnvironment: ${selected}`;
  const target = environment.sandbox === true ? 'the embedded sandbox' : environment.url;
  const shellUrl = input.processEnv.CONECTA_URL?.trim();
  const ignored = shellUrl && shellUrl !== environment.url
    ? `; CONECTA_URL=${shellUrl} is ignored inside a project (an environment's url wins): add that tenant as an environment in ${project.file} and select it with --env`
    : '';
  return `environment ${selected} of ${project.file} (${how}), targeting ${target}${ignored}`;
}

function describeDefault(processEnv: Record<string, string | undefined>): string {
  return processEnv.CONECTA_URL ? `CONECTA_URL ${processEnv.CONECTA_URL}` : 'the embedded sandbox (CONECTA_URL is not set)';
}

function stringifyValues(values: Record<string, string | number | boolean> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) result[key] = String(value);
  return result;
}
