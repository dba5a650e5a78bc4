// Field definitions and Laravel-style validation of request bodies.
//
// A kind's fields are declared with the small DSL below, using the exact JSON tags of
// raykavin/szchat-go. Validation collects every problem as `{ "path": ["message"] }`
// (dotted paths, Laravel's messages), reports unknown fields and server-owned ones (the store
// refuses them in strict mode, drops them otherwise), keeps on update the unknown fields the
// stored record already has (a replayed tenant's), and never keeps write-only fields such as `password`.

export type JsonObject = { [key: string]: unknown };

export interface FieldSpec {
  type: 'string' | 'boolean' | 'integer' | 'array' | 'object' | 'map' | 'json';
  items?: FieldSpec;
  fields?: Record<string, FieldSpec>;
  values?: FieldSpec;
  format?: 'email';
  required?: boolean;
  /** Accepted and validated, never stored nor returned (passwords). */
  writeOnly?: boolean;
}

export const str = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'string', ...extra });
export const bool = (): FieldSpec => ({ type: 'boolean' });
export const int = (): FieldSpec => ({ type: 'integer' });
export const list = (items: FieldSpec, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'array', items, ...extra });
export const obj = (fields: Record<string, FieldSpec>, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'object', fields, ...extra });
/** An object whose keys are free and whose values all follow `values` (flow blocks). */
export const map = (values: FieldSpec, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'map', values, ...extra });
/** Any JSON value, kept as given. */
export const json = (): FieldSpec => ({ type: 'json' });
export const required = (spec: FieldSpec): FieldSpec => ({ ...spec, required: true });
export const writeOnly = (spec: FieldSpec): FieldSpec => ({ ...spec, writeOnly: true });

export type FieldErrors = Record<string, string[]>;

export interface ValidationResult {
  value: JsonObject;
  errors: FieldErrors;
  /** Dotted paths of fields that are not part of the kind (nor of the stored record) and were dropped. */
  ignored: string[];
  /** Server-owned top-level keys (`serverOwned`) the input carried; dropped. */
  serverOwned: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Keys that would reach an object's prototype if used as free map keys. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `input` against `fields`. `serverOwned` names top-level keys the server sets (`_id`,
 * timestamps, a team's derived `agents`): dropped and listed apart. `stored` is the record an
 * update replaces: a field the kind does not declare is kept, as sent, where `stored` already
 * has it (at the same path), so objects carrying fields the sandbox does not know round-trip.
 */
export function validateFields(fields: Record<string, FieldSpec>, input: JsonObject, serverOwned: readonly string[] = [], stored?: JsonObject): ValidationResult {
  const errors: FieldErrors = {};
  const ignored: string[] = [];
  const owned = new Set(serverOwned);
  const value = validateObject(fields, input, '', errors, ignored, owned, stored);
  return { value, errors, ignored, serverOwned: Object.keys(input).filter((key) => owned.has(key) && !(key in fields)) };
}

function addError(errors: FieldErrors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

function validateObject(
  fields: Record<string, FieldSpec>,
  input: JsonObject,
  prefix: string,
  errors: FieldErrors,
  ignored: string[],
  silent: ReadonlySet<string>,
  stored: unknown,
): JsonObject {
  const out: JsonObject = {};
  const storedObject = isPlainObject(stored) ? stored : {};
  for (const [key, spec] of Object.entries(fields)) {
    const path = prefix + key;
    const result = validateValue(spec, input[key], path, errors, ignored, storedObject[key]);
    if (result !== undefined && !spec.writeOnly) out[key] = result;
  }
  for (const key of Object.keys(input)) {
    if (key in fields || silent.has(key)) continue;
    if (key in storedObject && !FORBIDDEN_KEYS.has(key)) out[key] = structuredClone(input[key]);
    else ignored.push(prefix + key);
  }
  return out;
}

function validateValue(spec: FieldSpec, input: unknown, path: string, errors: FieldErrors, ignored: string[], stored?: unknown): unknown {
  if (input === undefined || input === null || (spec.required && input === '')) {
    if (spec.required) addError(errors, path, `The ${path} field is required.`);
    return undefined;
  }
  switch (spec.type) {
    case 'string':
      if (typeof input !== 'string') return addError(errors, path, `The ${path} must be a string.`);
      if (spec.format === 'email' && input !== '' && !EMAIL.test(input)) {
        return addError(errors, path, `The ${path} must be a valid email address.`);
      }
      return input;
    case 'boolean':
      if (typeof input !== 'boolean') return addError(errors, path, `The ${path} field must be true or false.`);
      return input;
    case 'integer':
      if (typeof input !== 'number' || !Number.isInteger(input)) return addError(errors, path, `The ${path} must be an integer.`);
      return input;
    case 'array': {
      if (!Array.isArray(input)) return addError(errors, path, `The ${path} must be an array.`);
      const items = spec.items ?? { type: 'json' };
      return input.map((item, index) => {
        const itemPath = `${path}.${index}`;
        if (item === null || item === undefined) {
          addError(errors, itemPath, `The ${itemPath} field is required.`);
          return item;
        }
        return validateValue(items, item, itemPath, errors, ignored, Array.isArray(stored) ? stored[index] : undefined);
      });
    }
    case 'object':
      if (!isPlainObject(input)) return addError(errors, path, `The ${path} must be an object.`);
      return validateObject(spec.fields ?? {}, input, `${path}.`, errors, ignored, new Set(), stored);
    case 'map': {
      if (!isPlainObject(input)) return addError(errors, path, `The ${path} must be an object.`);
      const out: JsonObject = {};
      for (const [key, item] of Object.entries(input)) {
        const itemPath = `${path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) {
          addError(errors, itemPath, `The ${itemPath} key is not allowed.`);
          continue;
        }
        const result = validateValue({ ...(spec.values ?? { type: 'json' }), required: true }, item, itemPath, errors, ignored);
        if (result !== undefined) out[key] = result;
      }
      return out;
    }
    case 'json':
      return structuredClone(input);
  }
}
