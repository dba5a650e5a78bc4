/**
 * `${env:NAME}` and `${var:NAME}` in string values; `$${` writes a literal `${`. Values are
 * replaced in place. Credential variables (credential-variables.ts) are refused. The loader treats
 * the environment values that end up in sensitive fields as secrets, so the caller gets them by
 * the string they produced.
 */
import type { Diagnostic } from '../diagnostics.js';
import { appendPointer } from '../json-pointer.js';
import { isCredentialVariable } from './credential-variables.js';

export interface InterpolationSources {
  env: Record<string, string | undefined>;
  variables?: Record<string, string>;
}

export interface InterpolationResult {
  diagnostics: Diagnostic[];
  /** The environment values substituted into each string that has `${env:}`, by the string they produced. */
  envValuesByResult: Map<string, string[]>;
  /**
   * Values of variables named like secrets (`…SECRET…`, `…TOKEN…`, `…PASSWORD…`, `…API_KEY…`), wherever
   * they are used: a URL's `${env:CONECTA_SECRET_…}` query token is masked like a header.
   */
  secretEnvValues: string[];
}

const SECRET_VARIABLE_NAME = /SECRET|TOKEN|PASSW|API_?KEY|PRIVATE|CREDENTIAL/i;

const PLACEHOLDER = /\$(\$)?\{([^}]*)\}/g;
const REFERENCE = /^(env|var):([A-Za-z_][A-Za-z0-9_]*)$/;

export function interpolateDocument(root: unknown, file: string, sources: InterpolationSources): InterpolationResult {
  const result: InterpolationResult = { diagnostics: [], envValuesByResult: new Map(), secretEnvValues: [] };
  const visited = new Set<object>();
  const visit = (value: unknown, pointer: string): unknown => {
    if (typeof value === 'string') return value.includes('${') ? interpolateString(value, pointer) : value;
    if (value === null || typeof value !== 'object' || visited.has(value)) return value;
    visited.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        value[index] = visit(item, `${pointer}/${index}`);
      });
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], appendPointer(pointer, key));
    }
    return value;
  };
  const interpolateString = (text: string, pointer: string): string => {
    const envValues: string[] = [];
    let hasEnvPlaceholder = false;
    const replaced = text.replace(PLACEHOLDER, (match, escape: string | undefined, body: string) => {
      if (escape) return match.slice(1);
      const reference = REFERENCE.exec(body.trim());
      if (!reference) {
        result.diagnostics.push({ code: 'CONFIG_INTERPOLATION_SYNTAX', severity: 'error', message: `\`${match}\` is not a valid placeholder.`, hint: 'Write `${env:NAME}` for an environment variable, `${var:NAME}` for a variable, or `$${` for a literal `${`.', file, pointer });
        return match;
      }
      const [, source, name] = reference as unknown as [string, 'env' | 'var', string];
      if (source === 'env') {
        hasEnvPlaceholder = true;
        if (isCredentialVariable(name)) {
          result.diagnostics.push({
            code: 'CONFIG_ENV_CREDENTIAL', severity: 'error', message: `\`\${env:${name}}\` reads a credential; the config may not use it.`,
            hint: 'CONECTA_TOKEN*, CONECTA_PASSWORD* and CI tokens (GITHUB_TOKEN, CI_JOB_TOKEN, ACTIONS_*…) are never interpolated. Put the value in a variable of its own, such as ${env:CRM_API_TOKEN}.',
            file, pointer,
          });
          return match;
        }
        // Own properties only: `${env:constructor}` must not find Object.prototype's.
        const value = Object.hasOwn(sources.env, name) ? sources.env[name] : undefined;
        if (value === undefined) {
          result.diagnostics.push({ code: 'CONFIG_ENV_UNSET', severity: 'error', message: `The environment variable ${name} is not set.`, hint: `Set ${name} before running conecta (for example in your CI secrets).`, file, pointer });
          return match;
        }
        envValues.push(value);
        if (SECRET_VARIABLE_NAME.test(name)) result.secretEnvValues.push(value);
        return value;
      }
      const value = sources.variables && Object.hasOwn(sources.variables, name) ? sources.variables[name] : undefined;
      if (value === undefined) {
        result.diagnostics.push({ code: 'CONFIG_VAR_UNSET', severity: 'error', message: `The variable ${name} is not defined.`, hint: 'Define it for the environment you are using.', file, pointer });
        return match;
      }
      return value;
    });
    if (hasEnvPlaceholder) result.envValuesByResult.set(replaced, envValues);
    return replaced;
  };
  visit(root, '');
  return result;
}
