/**
 * Loads a config: finds and reads the YAML files, composes them safely (yaml-compose.ts),
 * checks the version and the schema, interpolates `${env:NAME}`/`${var:NAME}`, resolves the
 * desired state and runs the semantic checks. User mistakes never throw: they come back as
 * located diagnostics with a code frame.
 */
import { checkVersion } from '../core/config/check-version.js';
import { interpolateDocument } from '../core/config/interpolate.js';
import { resolveDesiredState, type ParsedConfigFile } from '../core/config/resolve-state.js';
import { validateDesiredState } from '../core/config/validate-state.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { formatPointer } from '../core/json-pointer.js';
import { getAtPath, listSensitivePaths } from '../core/kinds/schema-walk.js';
import type { DesiredState } from '../core/model/resource.js';
import { readConfigSources } from './config-files.js';
import { locateDiagnostics } from './config-locate.js';
import { prepareSchemaValidator, validateSchema } from './schema-validator.js';
import { composeYaml } from './yaml-compose.js';

export interface LoadConfigOptions {
  /** For `${env:NAME}`. */
  env: Record<string, string | undefined>;
  /** For `${var:NAME}`. */
  variables?: Record<string, string>;
}

export interface LoadedConfig {
  state: DesiredState;
  /** Every problem found, errors and warnings, located. */
  diagnostics: Diagnostic[];
  /** The files read, in order. */
  files: string[];
  /**
   * The values to mask in everything the run prints or writes: every sensitive field's value,
   * literal or interpolated, the `${env:}` values it was made from, and the values of variables
   * named like secrets (`CONECTA_SECRET_…`, `…_TOKEN`) wherever they are used.
   */
  secrets: string[];
}

/** `paths`: directories (all *.yaml / *.yml below, recursively, sorted) and/or files. */
export async function loadConfig(paths: string[], options: LoadConfigOptions): Promise<LoadedConfig> {
  const diagnostics: Diagnostic[] = [];
  const sources = await readConfigSources(paths, diagnostics);
  const composed = sources.map((source) => composeYaml(source.text, source.file));
  prepareSchemaValidator();
  const parsed: ParsedConfigFile[] = [];
  const envValuesByResult = new Map<string, string[]>();
  const secretEnvValues: string[] = [];
  sources.forEach((source, index) => {
    const file = composed[index];
    if (!file) return;
    diagnostics.push(...file.diagnostics);
    if (file.value === undefined) return;
    const versionProblem = checkVersion(source.file, file.value);
    if (versionProblem) diagnostics.push(versionProblem);
    // An empty file (or one with only comments) is that one error; a file without `version` is still checked.
    if (versionProblem && (versionProblem.code !== 'CONFIG_VERSION_MISSING' || file.value === null)) return;
    const interpolation = interpolateDocument(file.value, source.file, options);
    diagnostics.push(...interpolation.diagnostics);
    for (const [result, values] of interpolation.envValuesByResult) envValuesByResult.set(result, values);
    secretEnvValues.push(...interpolation.secretEnvValues);
    diagnostics.push(...validateSchema(source.file, file.value));
    parsed.push({ file: source.file, value: file.value, positions: file.positions });
  });
  const resolved = resolveDesiredState(parsed);
  diagnostics.push(...resolved.diagnostics, ...validateDesiredState(resolved.state));
  const secrets = [...new Set([...collectSensitiveValues(resolved.state, envValuesByResult, diagnostics), ...secretEnvValues])];
  const files = sources.map((source) => source.file);
  const located = locateDiagnostics(diagnostics, new Map(sources.map((source) => [source.file, source.text])));
  return { state: resolved.state, diagnostics: sortDiagnostics(located, files), files, secrets };
}

/** Every sensitive value; a literal one (no `${env:}` in it) also gets a warning. */
function collectSensitiveValues(state: DesiredState, envValuesByResult: ReadonlyMap<string, string[]>, diagnostics: Diagnostic[]): string[] {
  const secrets = new Set<string>();
  for (const resource of state.resources) {
    for (const path of listSensitivePaths(resource.kind, resource.spec)) {
      const value = getAtPath(resource.spec, path);
      if (typeof value !== 'string' || value === '') continue;
      secrets.add(value);
      const envValues = envValuesByResult.get(value);
      for (const secret of envValues ?? []) secrets.add(secret);
      if (envValues === undefined && resource.origin !== undefined) {
        diagnostics.push({
          code: 'CONFIG_LITERAL_SECRET', severity: 'warning', file: resource.origin.file, pointer: `${resource.origin.pointer ?? ''}${formatPointer(path)}`,
          message: `${path.join('.')} of ${resource.kind} ${JSON.stringify(resource.name)} is a secret written in the file.`,
          hint: 'Keep secrets out of version control: write ${env:NAME} and set NAME in your CI secrets.',
        });
      }
    }
  }
  return [...secrets];
}

function sortDiagnostics(diagnostics: Diagnostic[], files: readonly string[]): Diagnostic[] {
  const order = new Map(files.map((file, index) => [file, index]));
  const rank = (diagnostic: Diagnostic) => (diagnostic.file === undefined ? -1 : order.get(diagnostic.file) ?? -1);
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((left, right) => rank(left.diagnostic) - rank(right.diagnostic) || (left.diagnostic.line ?? 0) - (right.diagnostic.line ?? 0) || (left.diagnostic.column ?? 0) - (right.diagnostic.column ?? 0) || left.index - right.index)
    .map(({ diagnostic }) => diagnostic);
}
