/**
 * The rules of a project file that its JSON Schema cannot say well: reserved names, what a target
 * needs (a URL and credentials, or the sandbox), and that `defaultEnvironment` exists. Runs on a
 * file that passed the schema; `locate` turns a JSON pointer into a position in the file.
 */
import type { ErrorCode } from '../error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { suggestClosest } from '../config/suggest.js';
import { RESERVED_NAMES, type EnvironmentSpec, type ProjectFile } from './project.js';
import { appendPointer } from '../json-pointer.js';

export type LocatePointer = (pointer: string) => { line: number; column: number } | undefined;

export function checkProject(project: ProjectFile, file: string, locate: LocatePointer): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (code: ErrorCode, pointer: string, message: string, hint: string) => {
    diagnostics.push({ code, severity: 'error', message, hint, file, pointer, ...locate(pointer) });
  };
  const environments = project.environments ?? {};
  const names = Object.keys(environments);

  checkReservedNames(Object.keys(project.variables ?? {}), '/variables', 'variable', report);
  checkReservedNames(names, '/environments', 'environment', report);
  if (project.defaultEnvironment !== undefined && !Object.hasOwn(environments, project.defaultEnvironment)) {
    const closest = suggestClosest(project.defaultEnvironment, names);
    report('PROJECT_UNKNOWN_ENV', '/defaultEnvironment', `defaultEnvironment names "${project.defaultEnvironment}", which is not under environments.`,
      closest ? `Did you mean "${closest}"?` : `Use one of: ${names.join(', ') || '(none defined)'}.`);
  }
  for (const name of names) {
    if (RESERVED_NAMES.has(name)) continue;
    const environment = environments[name] as EnvironmentSpec;
    const pointer = appendPointer('/environments', name);
    checkReservedNames(Object.keys(environment.variables ?? {}), `${pointer}/variables`, 'variable', report);
    checkTarget(name, environment, pointer, report);
  }
  return diagnostics;
}

type Report = (code: ErrorCode, pointer: string, message: string, hint: string) => void;

function checkReservedNames(names: string[], pointer: string, what: string, report: Report): void {
  for (const name of names) {
    if (RESERVED_NAMES.has(name)) {
      report('PROJECT_RESERVED_NAME', appendPointer(pointer, name), `"${name}" cannot be used as a ${what} name.`, 'Choose another name.');
    }
  }
}

function checkTarget(name: string, environment: EnvironmentSpec, pointer: string, report: Report): void {
  const isSandbox = environment.sandbox === true;
  const credentials = environment.credentials;
  if (isSandbox && environment.url !== undefined) {
    report('PROJECT_ENV_TARGET', `${pointer}/url`, `Environment "${name}" has both a url and sandbox: true.`, 'Keep url for a tenant, or sandbox: true for the embedded sandbox.');
    return;
  }
  if (!isSandbox && environment.url === undefined) {
    report('PROJECT_ENV_TARGET', pointer, `Environment "${name}" has no target.`, 'Add url: https://<tenant>.conecta.com.vc with credentials, or sandbox: true.');
    return;
  }
  if (isSandbox) {
    if (credentials !== undefined) {
      report('PROJECT_CREDENTIALS', `${pointer}/credentials`, `Environment "${name}" is the sandbox, which needs no credentials.`, 'Remove credentials.');
    }
    return;
  }
  if (credentials === undefined) {
    report('PROJECT_CREDENTIALS', pointer, `Environment "${name}" has a url but no credentials.`,
      'Add credentials: { token: CONECTA_TOKEN_<ENV> } or { email: VAR, password: VAR }: the names of environment variables, never the values.');
    return;
  }
  const hasToken = credentials.token !== undefined;
  const hasLogin = credentials.email !== undefined || credentials.password !== undefined;
  if (hasToken === hasLogin || (hasLogin && (credentials.email === undefined || credentials.password === undefined))) {
    report('PROJECT_CREDENTIALS', `${pointer}/credentials`, `Environment "${name}" must name either a token variable or both an email and a password variable.`,
      'Write credentials: { token: VAR } or credentials: { email: VAR, password: VAR }.');
  }
}

